import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataAccess } from '../../access/data-access.js';
import { beslis, type Grondslag, type PersoonFeiten } from '../../access/policy.js';
import { diff } from '../../audit/audit.js';
import { AppError } from '../../http/problem.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { IsoDatum, PersoonParams } from '../personen/schemas.js';
import {
  type DiagnoseKern,
  huidigePerPerspectief,
  isVerouderd,
  PERSPECTIEF_CODES,
  PERSPECTIEVEN,
  type Perspectief,
  valideerDiagnose,
  vergelijk,
  verloop,
} from './diagnose.js';
import { HUIDIG_INSTRUMENT, type Instrument, INSTRUMENTEN, instrument as instrumentVan, leefgebiedNaam, type Score, type Sport } from './instrument.js';
import { vandaag } from '../../../shared/datum.js';

const tags = ['diagnose'];

const vrijeTekst = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Hoogstens ${max} tekens.`)
    .nullable()
    .optional()
    .transform((t) => (t ? t : null));

/**
 * zod checks the shape; the rules of the instrument (known leefgebied, score 1–5, rung 1–6, no date
 * in the future) are checked by `valideerDiagnose` (422), each with the field it is about.
 */
const NieuweDiagnose = z.strictObject({
  perspectief: z.enum(PERSPECTIEF_CODES, { message: 'Kies "persoon" (eigen beeld) of "professional".' }),
  datum: IsoDatum.optional(),
  participatieladder: z.number({ message: 'Vul de trede van de participatieladder in als getal.' }).nullable().optional(),
  motivatieScore: z.number({ message: 'Vul de motivatie in als getal.' }).nullable().optional(),
  motivatieTekst: vrijeTekst(4000),
  sterkePunten: vrijeTekst(4000),
  obstakels: vrijeTekst(4000),
  ondersteuningsbehoefte: vrijeTekst(4000),
  leefgebieden: z
    .array(
      z.strictObject({
        code: z.string().trim().min(1, 'Kies een leefgebied.').max(60),
        score: z.number({ message: 'Vul de score in als getal van 1 tot en met 5.' }),
        toelichting: vrijeTekst(2000),
      }),
    )
    .max(40, 'Te veel leefgebieden.'),
});

export const VOORBEELD_DIAGNOSE = {
  perspectief: 'professional',
  datum: '2026-06-01',
  participatieladder: 3,
  motivatieScore: 4,
  motivatieTekst: 'Wil graag weer werken, liefst met de handen.',
  sterkePunten: 'Betrouwbaar, handig, goed met mensen.',
  obstakels: 'Schulden en weinig dagritme.',
  ondersteuningsbehoefte: 'Schuldhulp en een vaste werkplek met begeleiding.',
  leefgebieden: [
    { code: 'financien', score: 2, toelichting: 'Schulden, nog geen regeling.' },
    { code: 'werk_opleiding', score: 2 },
    { code: 'sociaal_netwerk', score: 4 },
  ],
};

const Leefgebiedscore = z.object({
  code: z.string(),
  naam: z.string(),
  score: z.number().int(),
  schaalNaam: z.string(),
  /** The scale's name in plain words (B1), for the person. */
  schaalIkNaam: z.string(),
  /** The level's description: the person's own words for the person's view, the professional's otherwise. */
  niveauOmschrijving: z.string().nullable(),
  toelichting: z.string().nullable(),
});

export const Diagnose = z.object({
  id: z.uuid(),
  persoonId: z.uuid(),
  perspectief: z.enum(PERSPECTIEF_CODES),
  perspectiefLabel: z.string(),
  datum: z.string(),
  instrumentVersie: z.string(),
  participatieladder: z.number().int().nullable(),
  participatieladderNaam: z.string().nullable(),
  motivatieScore: z.number().int().nullable(),
  motivatieOmschrijving: z.string().nullable(),
  motivatieTekst: z.string().nullable(),
  sterkePunten: z.string().nullable(),
  obstakels: z.string().nullable(),
  ondersteuningsbehoefte: z.string().nullable(),
  leefgebieden: z.array(Leefgebiedscore),
  auteur: z.string(),
  ingevuldDoor: z.enum(['persoon', 'professional']),
  aangemaaktOp: z.string(),
  /** Older than 30 days: check with the person whether it still holds. */
  verouderd: z.boolean(),
});
type DiagnoseT = z.input<typeof Diagnose>;

const VerschilUit = z.object({
  persoon: z.number().nullable(),
  professional: z.number().nullable(),
  verschil: z.number().nullable(),
  gespreksonderwerp: z.boolean(),
});

const Overzicht = z.object({
  persoonId: z.uuid(),
  instrumentVersie: z.string(),
  huidig: z.object({ persoon: Diagnose.nullable(), professional: Diagnose.nullable() }),
  vergelijking: z.object({
    leefgebieden: z.array(VerschilUit.extend({ code: z.string(), naam: z.string() })),
    participatieladder: VerschilUit,
    motivatie: VerschilUit,
    gespreksonderwerpen: z.array(z.string()),
  }),
  /** Every diagnose, newest first: history is kept. */
  geschiedenis: z.array(Diagnose),
  mag: z.object({ eigenBeeld: z.boolean(), beeldProfessional: z.boolean() }),
});

const Reeks = z.object({
  punten: z.array(z.object({ datum: z.string(), waarde: z.number(), diagnoseId: z.uuid() })),
  verandering: z.number().nullable(),
});
const PerPerspectief = z.object({ persoon: Reeks, professional: Reeks });

const VerloopUit = z.object({
  persoonId: z.uuid(),
  instrumentVersie: z.string(),
  leefgebieden: z.array(PerPerspectief.extend({ code: z.string(), naam: z.string() })),
  participatieladder: PerPerspectief,
  motivatie: PerPerspectief,
});

const Niveau = z.object({ score: z.number().int(), omschrijving: z.string(), ikZin: z.string() });
const InstrumentUit = z.object({
  versie: z.string(),
  geldigVanaf: z.string(),
  bron: z.string(),
  versies: z.array(z.string()),
  schaal: z.array(z.object({ score: z.number().int(), naam: z.string(), ikNaam: z.string() })),
  leefgebieden: z.array(z.object({ code: z.string(), naam: z.string(), omschrijving: z.string(), vraag: z.string(), niveaus: z.array(Niveau) })),
  participatieladder: z.object({
    bron: z.string(),
    sporten: z.array(z.object({ sport: z.number().int(), naam: z.string(), omschrijving: z.string(), ikZin: z.string() })),
  }),
  motivatie: z.object({ bron: z.string(), vraag: z.string(), niveaus: z.array(Niveau) }),
});

function presenteerInstrument(i: Instrument): z.input<typeof InstrumentUit> {
  const niveaus = (n: Instrument['motivatie']['niveaus']) => Object.entries(n).map(([score, v]) => ({ score: Number(score), ...v }));
  return {
    versie: i.versie,
    geldigVanaf: i.geldigVanaf,
    bron: i.bron,
    versies: Object.keys(INSTRUMENTEN),
    schaal: Object.entries(i.schaal).map(([score, v]) => ({ score: Number(score), ...v })),
    leefgebieden: i.leefgebieden.map((l) => ({ code: l.code, naam: l.naam, omschrijving: l.omschrijving, vraag: l.vraag, niveaus: niveaus(l.niveaus) })),
    participatieladder: {
      bron: i.participatieladder.bron,
      sporten: Object.entries(i.participatieladder.sporten).map(([sport, v]) => ({ sport: Number(sport), ...v })),
    },
    motivatie: { bron: i.motivatie.bron, vraag: i.motivatie.vraag, niveaus: niveaus(i.motivatie.niveaus) },
  };
}

type Geladen = DiagnoseT & { kern: DiagnoseKern };

/** All diagnoses of a person, newest first, each read with the instrument version it was made with. */
async function laadDiagnoses(dal: DataAccess, persoonId: string, id?: string): Promise<Geladen[]> {
  let q = dal.db
    .selectFrom('diagnose as d')
    .innerJoin('gebruiker as g', 'g.id', 'd.auteur_id')
    .selectAll('d')
    .select('g.naam as auteur_naam')
    .where('d.persoon_id', '=', persoonId);
  if (id) q = q.where('d.id', '=', id);
  const rows = await q.orderBy('d.datum', 'desc').orderBy('d.aangemaakt_op', 'desc').execute();
  if (rows.length === 0) return [];
  const scores = await dal.db
    .selectFrom('diagnose_leefgebied')
    .selectAll()
    .where(
      'diagnose_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const nu = vandaag();
  return rows.map((r) => {
    const inst = instrumentVan(r.instrument_versie) ?? HUIDIG_INSTRUMENT;
    const volgorde = new Map(inst.leefgebieden.map((l, i) => [l.code, i]));
    const eigen = scores.filter((s) => s.diagnose_id === r.id).sort((a, b) => (volgorde.get(a.leefgebied) ?? 99) - (volgorde.get(b.leefgebied) ?? 99));
    const perspectief = r.perspectief as Perspectief;
    const datum = typeof r.datum === 'string' ? r.datum : new Date(r.datum).toISOString().slice(0, 10);
    const aangemaaktOp = new Date(r.aangemaakt_op).toISOString();
    const ladder = r.participatieladder;
    const motivatie = r.motivatie_score;
    return {
      id: r.id,
      persoonId: r.persoon_id,
      perspectief,
      perspectiefLabel: PERSPECTIEVEN[perspectief].label,
      datum,
      instrumentVersie: r.instrument_versie,
      participatieladder: ladder,
      participatieladderNaam: ladder ? (inst.participatieladder.sporten[ladder as Sport]?.naam ?? null) : null,
      motivatieScore: motivatie,
      motivatieOmschrijving: motivatie
        ? ((perspectief === 'persoon' ? inst.motivatie.niveaus[motivatie as Score]?.ikZin : inst.motivatie.niveaus[motivatie as Score]?.omschrijving) ?? null)
        : null,
      motivatieTekst: r.motivatie_tekst,
      sterkePunten: r.sterke_punten,
      obstakels: r.obstakels,
      ondersteuningsbehoefte: r.ondersteuningsbehoefte,
      leefgebieden: eigen.map((s) => {
        const lg = inst.leefgebieden.find((l) => l.code === s.leefgebied);
        const niveau = lg?.niveaus[s.score as Score];
        return {
          code: s.leefgebied,
          naam: lg?.naam ?? leefgebiedNaam(s.leefgebied),
          score: s.score,
          schaalNaam: inst.schaal[s.score as Score]?.naam ?? String(s.score),
          schaalIkNaam: inst.schaal[s.score as Score]?.ikNaam ?? String(s.score),
          niveauOmschrijving: niveau ? (perspectief === 'persoon' ? niveau.ikZin : niveau.omschrijving) : null,
          toelichting: s.toelichting,
        };
      }),
      auteur: r.auteur_naam,
      ingevuldDoor: r.ingevuld_door,
      aangemaaktOp,
      verouderd: isVerouderd(datum, nu),
      kern: {
        id: r.id,
        perspectief,
        datum,
        aangemaaktOp,
        instrumentVersie: r.instrument_versie,
        participatieladder: ladder,
        motivatieScore: motivatie,
        leefgebieden: eigen.map((s) => ({ code: s.leefgebied, score: s.score })),
      },
    };
  });
}

const zonderKern = ({ kern: _kern, ...d }: Geladen): DiagnoseT => d;

/** May the actor write the professional's view? Never on the basis of being the person. */
function magBeeldProfessional(dal: DataAccess, feiten: PersoonFeiten, grondslag: Grondslag): boolean {
  return grondslag !== 'betrokkene' && beslis(dal.actor, 'diagnose.schrijven', feiten).toegestaan && !dal.actor.rollen.includes('inwoner');
}

export const diagnoseRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/leefgebieden',
    tags,
    summary:
      'Het instrument van de brede diagnose: leefgebieden met de schaal 1–5 en een omschrijving per niveau, de participatieladder en de motivatieschaal (met bron en versie)',
    querystring: z.strictObject({ versie: z.string().trim().max(40).optional() }),
    response: InstrumentUit,
    handler: async ({ input }) => {
      const i = input.query.versie ? instrumentVan(input.query.versie) : HUIDIG_INSTRUMENT;
      if (!i) throw new AppError('niet_gevonden', `Versie ${input.query.versie} van het instrument bestaat niet.`);
      return presenteerInstrument(i);
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/diagnoses',
    tags,
    summary: 'Brede diagnose: het eigen beeld van de persoon naast dat van de professional (elk met datum), de verschillen en de hele geschiedenis',
    persoonParam: 'persoonId',
    params: PersoonParams,
    response: Overzicht,
    handler: async ({ input, dal }) => {
      const persoonId = input.params.persoonId;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'diagnose.lezen');
      const lijst = await laadDiagnoses(dal, persoonId);
      const huidig = huidigePerPerspectief(lijst.map((l) => ({ ...l.kern, geladen: l })));
      await dal.audit.schrijf({ actie: 'lezen', resource: 'diagnose', persoonId, organisatieId: feiten.gemeenteId, grondslag });
      const magSchrijven = beslis(dal.actor, 'diagnose.schrijven', feiten).toegestaan;
      return {
        persoonId,
        instrumentVersie: HUIDIG_INSTRUMENT.versie,
        huidig: {
          persoon: huidig.persoon ? zonderKern(huidig.persoon.geladen) : null,
          professional: huidig.professional ? zonderKern(huidig.professional.geladen) : null,
        },
        vergelijking: vergelijk(huidig.persoon, huidig.professional, HUIDIG_INSTRUMENT),
        geschiedenis: lijst.map(zonderKern),
        mag: { eigenBeeld: magSchrijven, beeldProfessional: magSchrijven && magBeeldProfessional(dal, feiten, grondslag) },
      };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/diagnoses/verloop',
    tags,
    summary: 'Verloop van de brede diagnose: per leefgebied, voor de participatieladder en de motivatie de scores door de tijd, per perspectief',
    persoonParam: 'persoonId',
    params: PersoonParams,
    response: VerloopUit,
    handler: async ({ input, dal }) => {
      const persoonId = input.params.persoonId;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'diagnose.lezen');
      const lijst = await laadDiagnoses(dal, persoonId);
      await dal.audit.schrijf({ actie: 'lezen', resource: 'diagnose', persoonId, organisatieId: feiten.gemeenteId, grondslag, toelichting: 'verloop' });
      return {
        persoonId,
        instrumentVersie: HUIDIG_INSTRUMENT.versie,
        ...verloop(
          lijst.map((l) => l.kern),
          HUIDIG_INSTRUMENT,
        ),
      };
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/diagnoses',
    tags,
    summary:
      'Brede diagnose vastleggen vanuit één perspectief (de persoon zelf, of de professional): scores per leefgebied, participatieladder, motivatie, sterke punten, obstakels en ondersteuningsbehoefte. Eerdere diagnoses blijven bewaard.',
    persoonParam: 'persoonId',
    status: 201,
    params: PersoonParams,
    body: NieuweDiagnose,
    voorbeeld: { body: VOORBEELD_DIAGNOSE },
    response: Diagnose,
    handler: async ({ input, dal }) => {
      const persoonId = input.params.persoonId;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'diagnose.schrijven');
      const b = input.body;
      if (b.perspectief === 'professional' && !magBeeldProfessional(dal, feiten, grondslag)) {
        dal.weigeringen.push({
          actie: 'geweigerd',
          resource: 'diagnose',
          resourceId: null,
          persoonId,
          organisatieId: feiten.gemeenteId,
          toelichting: 'diagnose.schrijven (perspectief professional)',
        });
        throw new AppError('geen_toegang', 'U kunt alleen uw eigen beeld invullen. Het beeld van de professional vult de professional in.');
      }
      const datum = b.datum ?? vandaag();
      const fouten = valideerDiagnose({ ...b, datum }, HUIDIG_INSTRUMENT, vandaag());
      if (fouten.length > 0) {
        throw new AppError('niet_verwerkbaar', 'De diagnose klopt niet. Controleer de gemarkeerde velden.', {
          invalidParams: fouten.map((f) => ({ name: `body.${f.veld}`, code: f.code, reason: f.reden })),
        });
      }
      const id = randomUUID();
      const ingevuldDoor = grondslag === 'betrokkene' ? 'persoon' : 'professional';
      await dal.db
        .insertInto('diagnose')
        .values({
          id,
          organisatie_id: feiten.gemeenteId,
          persoon_id: persoonId,
          perspectief: b.perspectief,
          datum,
          participatieladder: b.participatieladder ?? null,
          motivatie_score: b.motivatieScore ?? null,
          motivatie_tekst: b.motivatieTekst,
          sterke_punten: b.sterkePunten,
          obstakels: b.obstakels,
          ondersteuningsbehoefte: b.ondersteuningsbehoefte,
          instrument_versie: HUIDIG_INSTRUMENT.versie,
          auteur_id: dal.actor.gebruikerId,
          ingevuld_door: ingevuldDoor,
        })
        .execute();
      if (b.leefgebieden.length > 0) {
        await dal.db
          .insertInto('diagnose_leefgebied')
          .values(
            b.leefgebieden.map((l) => ({
              diagnose_id: id,
              organisatie_id: feiten.gemeenteId,
              leefgebied: l.code,
              score: l.score,
              toelichting: l.toelichting,
            })),
          )
          .execute();
      }
      await dal.audit.schrijf({
        actie: 'aanmaken',
        resource: 'diagnose',
        resourceId: id,
        persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: diff(null, {
          perspectief: b.perspectief,
          datum,
          instrument_versie: HUIDIG_INSTRUMENT.versie,
          participatieladder: b.participatieladder ?? null,
          motivatie_score: b.motivatieScore ?? null,
          leefgebieden: Object.fromEntries(b.leefgebieden.map((l) => [l.code, l.score])),
        }),
      });
      // The timeline is read more widely than the diagnose: it names no scores.
      await dal.db
        .insertInto('tijdlijn_gebeurtenis')
        .values({
          id: randomUUID(),
          organisatie_id: feiten.gemeenteId,
          persoon_id: persoonId,
          soort: 'dossier',
          titel: b.perspectief === 'persoon' ? 'Eigen beeld ingevuld (brede diagnose)' : 'Brede diagnose vastgelegd door de professional',
          tekst: `Datum: ${datum}.`,
          auteur_id: dal.actor.gebruikerId,
          auteur_organisatie_id: dal.actor.organisatieId,
        })
        .execute();
      const [d] = await laadDiagnoses(dal, persoonId, id);
      return zonderKern(d!);
    },
  }),
];
