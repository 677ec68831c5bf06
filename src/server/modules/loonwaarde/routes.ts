import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataAccess } from '../../access/data-access.js';
import { diff } from '../../audit/audit.js';
import { AppError } from '../../http/problem.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { ParameterOntbreekt } from '../../params/parameters.js';
import { berekenLoonkostensubsidie, type LksUitkomst } from '../loonkostensubsidie/berekening.js';
import { Uitkomst as LksUitkomstSchema } from '../loonkostensubsidie/routes.js';
import { Id, IsoDatum, PersoonParams } from '../personen/schemas.js';
import {
  berekenLoonwaarde,
  type LoonwaardeUitkomst,
  MAX_HOOFDTAKEN,
  MAX_SCORE,
  MAX_UREN_PER_WEEK,
  NORMUREN,
  OngeldigeMeting,
  type TaakUitkomst,
} from './meting.js';
import { type RapportMeting, rapportHtml } from './rapport.js';
import { vandaag } from '../../../shared/datum.js';

const tekst = (max: number, wat: string) => z.string().trim().min(1, `Vul ${wat} in.`).max(max, `Hoogstens ${max} tekens.`);
const uren = (wat: string) =>
  z
    .number({ message: `Vul ${wat} in als getal.` })
    .gt(0, `Vul ${wat} in.`)
    .max(MAX_UREN_PER_WEEK, `Hoogstens ${MAX_UREN_PER_WEEK} uur per week.`);
const score = (max: number, wat: string) =>
  z
    .number({ message: `Vul ${wat} in als percentage.` })
    .min(0, `${wat} ligt tussen 0 en ${max}%.`)
    .max(max, `${wat} ligt tussen 0 en ${max}%.`);

/**
 * The shape of a measurement. zod checks types and simple ranges (400); the rules of the Besluit that
 * combine fields — 1/16 of the week, 30 minutes per day, tasks within the week, dates, qualification,
 * a reason for a deviation — are checked by `berekenLoonwaarde` (422), each with the field it is about.
 */
const NieuweMeting = z.strictObject({
  meetdatum: IsoDatum,
  volgendeMetingOp: IsoDatum,
  werkplek: z.strictObject({
    werkgever: tekst(200, 'de naam van de werkgever'),
    functie: tekst(200, 'de functie bij de werkgever'),
    arbeidsurenPerWeek: uren('het aantal arbeidsuren per week'),
    werkdagenPerWeek: z
      .number({ message: 'Vul het aantal werkdagen per week in als getal.' })
      .int('Vul een heel aantal werkdagen in.')
      .min(1, 'Minstens 1 werkdag per week.')
      .max(7, 'Hoogstens 7 werkdagen per week.'),
  }),
  normfunctie: z.strictObject({
    naam: tekst(200, 'de naam van de normfunctie'),
    omschrijving: tekst(2000, 'een omschrijving van de normfunctie'),
    urenPerWeek: z
      .number({ message: 'Vul de volledige werkweek van de normfunctie in als getal.' })
      .min(NORMUREN.min, `De volledige werkweek ligt tussen ${NORMUREN.min} en ${NORMUREN.max} uur.`)
      .max(NORMUREN.max, `De volledige werkweek ligt tussen ${NORMUREN.min} en ${NORMUREN.max} uur.`),
  }),
  hoofdtaken: z
    .array(
      z.strictObject({
        omschrijving: tekst(500, 'een omschrijving van de hoofdtaak'),
        urenPerWeek: uren('het aantal uren per week'),
        tempo: score(MAX_SCORE.tempo, 'Het tempo'),
        kwaliteit: score(MAX_SCORE.kwaliteit, 'De kwaliteit'),
        inzetbaarheid: score(MAX_SCORE.inzetbaarheid, 'De inzetbaarheid'),
        toelichting: z.string().trim().max(2000, 'Hoogstens 2000 tekens.').nullable().optional(),
      }),
    )
    .min(1, 'Leg minstens 1 hoofdtaak vast.')
    .max(MAX_HOOFDTAKEN, `Leg hoogstens ${MAX_HOOFDTAKEN} hoofdtaken vast.`),
  methode: tekst(300, 'de gebruikte methode'),
  kwalificatie: z.strictObject({
    omschrijving: tekst(1000, 'uw kwalificatie'),
    hboOfGelijkwaardig: z.boolean(),
    jarenErvaring: z.number({ message: 'Vul het aantal jaren ervaring in als getal.' }).min(0).max(60),
  }),
  afwijking: z
    .strictObject({
      loonwaarde: z
        .number({ message: 'Vul de loonwaarde in als getal.' })
        .int('Vul een heel percentage in.')
        .min(0, 'De loonwaarde ligt tussen 0 en 100%.')
        .max(100, 'De loonwaarde ligt tussen 0 en 100%.'),
      reden: z.string().trim().max(2000, 'Hoogstens 2000 tekens.'),
    })
    .nullable()
    .optional(),
});

export const VOORBEELD_METING = {
  meetdatum: '2026-03-01',
  volgendeMetingOp: '2027-03-01',
  werkplek: { werkgever: 'Bakkerij Van der Veen', functie: 'Medewerker bakkerij', arbeidsurenPerWeek: 32, werkdagenPerWeek: 4 },
  normfunctie: {
    naam: 'Productiemedewerker bakkerij',
    omschrijving: 'Inpakken, schappen vullen en schoonmaken in een ambachtelijke bakkerij',
    urenPerWeek: 38,
  },
  hoofdtaken: [
    { omschrijving: 'Brood en banket inpakken', urenPerWeek: 12, tempo: 80, kwaliteit: 90, inzetbaarheid: 90 },
    { omschrijving: 'Schappen vullen', urenPerWeek: 10, tempo: 70, kwaliteit: 100, inzetbaarheid: 90 },
    { omschrijving: 'Afwas en schoonmaak', urenPerWeek: 6, tempo: 90, kwaliteit: 95, inzetbaarheid: 100 },
  ],
  methode: 'Loonwaarde Methodiek (gevalideerd, Loonwaardegids)',
  kwalificatie: { omschrijving: 'hbo Toegepaste Psychologie; 5 jaar loonwaardebepaling; gecertificeerd', hboOfGelijkwaardig: true, jarenErvaring: 5 },
};

const Stap = z.object({ nr: z.number().int(), omschrijving: z.string(), berekening: z.string(), uitkomst: z.number(), eenheid: z.enum(['%', 'uur']) });
const Taak = z.object({
  nr: z.number().int(),
  omschrijving: z.string(),
  urenPerWeek: z.number(),
  tempo: z.number(),
  kwaliteit: z.number(),
  inzetbaarheid: z.number(),
  toelichting: z.string().nullable(),
  aandeel: z.number(),
  aandeelWerkweek: z.number(),
  taakwaarde: z.number(),
  begrensd: z.boolean(),
  bijdrage: z.number(),
});

export const Meting = z.object({
  id: z.uuid(),
  persoonId: z.uuid(),
  meetdatum: z.string(),
  volgendeMetingOp: z.string(),
  aangemaaktOp: z.string(),
  werkplek: z.object({ werkgever: z.string(), functie: z.string(), arbeidsurenPerWeek: z.number(), werkdagenPerWeek: z.number().int() }),
  normfunctie: z.object({ naam: z.string(), omschrijving: z.string(), urenPerWeek: z.number() }),
  hoofdtaken: z.array(Taak),
  methode: z.string(),
  deskundige: z.object({
    naam: z.string(),
    organisatie: z.string().nullable(),
    kwalificatie: z.object({ omschrijving: z.string(), hboOfGelijkwaardig: z.boolean(), jarenErvaring: z.number() }),
  }),
  uitkomst: z.object({
    loonwaarde: z.number(),
    berekendeLoonwaarde: z.number(),
    exacteLoonwaarde: z.number(),
    afgeweken: z.boolean(),
    afwijkingsreden: z.string().nullable(),
    urenHoofdtaken: z.number(),
    urenOverigeTaken: z.number(),
    formule: z.string(),
    stappen: z.array(Stap),
    toelichting: z.array(z.string()),
    bronnen: z.array(z.string()),
  }),
  /** What follows at the meetdatum for the person's hours (a calculation, not a decision). */
  loonkostensubsidie: LksUitkomstSchema.nullable(),
  loonkostensubsidieToelichting: z.string().nullable(),
  rapportUrl: z.string(),
});
type MetingT = z.infer<typeof Meting>;

/** What the uitkomst column holds next to the columns. */
interface Opgeslagen {
  berekening: Omit<LoonwaardeUitkomst, 'taken'>;
  kwalificatie: MetingT['deskundige']['kwalificatie'];
  deskundigeOrganisatie: string | null;
  loonkostensubsidie: LksUitkomst | null;
  loonkostensubsidieToelichting: string | null;
}

const MetingParams = z.strictObject({ persoonId: Id, metingId: Id });

/** Whole years of age on a date. */
export function leeftijdOp(geboortedatum: string, peildatum: string): number {
  const [gj, gm, gd] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [pj, pm, pd] = peildatum.split('-').map(Number) as [number, number, number];
  return pj - gj - (pm < gm || (pm === gm && pd < gd) ? 1 : 0);
}

/** The LKS that follows from the loonwaarde at the meetdatum, for the person's hours and age. */
export function lksBijMeting(
  meting: { meetdatum: string; loonwaarde: number; urenPerWeek: number; normurenPerWeek: number },
  geboortedatum: string,
): { lks: LksUitkomst | null; toelichting: string | null } {
  try {
    return {
      lks: berekenLoonkostensubsidie({
        peildatum: meting.meetdatum,
        loonwaarde: meting.loonwaarde,
        urenPerWeek: meting.urenPerWeek,
        voltijdsUrenSector: meting.normurenPerWeek,
        leeftijd: leeftijdOp(geboortedatum, meting.meetdatum),
      }),
      toelichting: null,
    };
  } catch (error) {
    if (error instanceof ParameterOntbreekt) {
      return { lks: null, toelichting: `De loonkostensubsidie is niet berekend: Passend kent de bedragen op ${meting.meetdatum} niet. ${error.message}` };
    }
    throw error;
  }
}

async function metingen(dal: DataAccess, persoonId: string, metingId?: string): Promise<MetingT[]> {
  let q = dal.db.selectFrom('loonwaardemeting as m').selectAll('m').where('m.persoon_id', '=', persoonId);
  if (metingId) q = q.where('m.id', '=', metingId);
  const rows = await q.orderBy('m.meetdatum', 'desc').orderBy('m.aangemaakt_op', 'desc').execute();
  return rows.map((r) => {
    const o = r.uitkomst as Opgeslagen;
    return {
      id: r.id,
      persoonId: r.persoon_id,
      meetdatum: r.meetdatum,
      volgendeMetingOp: r.volgende_meting_op,
      aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
      werkplek: {
        werkgever: r.werkgever,
        functie: r.functie,
        arbeidsurenPerWeek: Number(r.arbeidsuren_per_week),
        werkdagenPerWeek: r.werkdagen_per_week,
      },
      normfunctie: { naam: r.normfunctie, omschrijving: r.normfunctie_omschrijving, urenPerWeek: Number(r.normuren_per_week) },
      hoofdtaken: r.hoofdtaken as TaakUitkomst[],
      methode: r.methode,
      deskundige: { naam: r.deskundige_naam, organisatie: o.deskundigeOrganisatie, kwalificatie: o.kwalificatie },
      uitkomst: { ...o.berekening, loonwaarde: Number(r.loonwaarde), berekendeLoonwaarde: Number(r.berekende_loonwaarde) },
      loonkostensubsidie: o.loonkostensubsidie,
      loonkostensubsidieToelichting: o.loonkostensubsidieToelichting,
      rapportUrl: `/api/v1/personen/${r.persoon_id}/loonwaardemetingen/${r.id}/rapport`,
    };
  });
}

export const loonwaardeRoutes: RouteDef[] = [
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/loonwaardemetingen',
    tags: ['loonwaarde'],
    summary:
      'Loonwaardemeting vastleggen (loonwaardedeskundige): normfunctie, hoofdtaken met tempo, kwaliteit en inzetbaarheid → loonwaarde, met de loonkostensubsidie die daaruit volgt',
    persoonParam: 'persoonId',
    status: 201,
    params: PersoonParams,
    body: NieuweMeting,
    voorbeeld: { body: VOORBEELD_METING },
    response: Meting,
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'loonwaarde.meten');
      let berekening: LoonwaardeUitkomst;
      try {
        berekening = berekenLoonwaarde(input.body, { vandaag: vandaag() });
      } catch (error) {
        if (error instanceof OngeldigeMeting) {
          throw new AppError('niet_verwerkbaar', 'De meting voldoet niet aan de regels voor een loonwaardemeting. Controleer de gemarkeerde velden.', {
            invalidParams: error.fouten.map((f) => ({ name: `body.${f.veld}`, code: f.code, reason: f.reden })),
          });
        }
        throw error;
      }
      const p = await dal.db.selectFrom('persoon').select('geboortedatum').where('id', '=', input.params.persoonId).executeTakeFirstOrThrow();
      const deskundige = await dal.db
        .selectFrom('gebruiker as g')
        .innerJoin('organisatie as o', 'o.id', 'g.organisatie_id')
        .select(['g.naam', 'o.naam as organisatie'])
        .where('g.id', '=', dal.actor.gebruikerId)
        .executeTakeFirstOrThrow();
      const { werkplek, normfunctie } = input.body;
      const lks = lksBijMeting(
        {
          meetdatum: input.body.meetdatum,
          loonwaarde: berekening.loonwaarde,
          urenPerWeek: werkplek.arbeidsurenPerWeek,
          normurenPerWeek: normfunctie.urenPerWeek,
        },
        p.geboortedatum,
      );
      const { taken, ...rest } = berekening;
      const opgeslagen: Opgeslagen = {
        berekening: rest,
        kwalificatie: input.body.kwalificatie,
        deskundigeOrganisatie: deskundige.organisatie,
        loonkostensubsidie: lks.lks,
        loonkostensubsidieToelichting: lks.toelichting,
      };
      const id = randomUUID();
      await dal.db
        .insertInto('loonwaardemeting')
        .values({
          id,
          organisatie_id: feiten.gemeenteId,
          persoon_id: input.params.persoonId,
          werkgever: werkplek.werkgever,
          functie: werkplek.functie,
          arbeidsuren_per_week: werkplek.arbeidsurenPerWeek,
          werkdagen_per_week: werkplek.werkdagenPerWeek,
          normfunctie: normfunctie.naam,
          normfunctie_omschrijving: normfunctie.omschrijving,
          normuren_per_week: normfunctie.urenPerWeek,
          hoofdtaken: JSON.stringify(taken),
          uitkomst: JSON.stringify(opgeslagen),
          loonwaarde: berekening.loonwaarde,
          berekende_loonwaarde: berekening.berekendeLoonwaarde,
          afwijkingsreden: berekening.afwijkingsreden,
          meetdatum: input.body.meetdatum,
          volgende_meting_op: input.body.volgendeMetingOp,
          methode: input.body.methode,
          deskundige_id: dal.actor.gebruikerId,
          deskundige_naam: deskundige.naam,
          kwalificatie: input.body.kwalificatie.omschrijving,
        })
        .execute();
      await dal.audit.schrijf({
        actie: 'aanmaken',
        resource: 'loonwaardemeting',
        resourceId: id,
        persoonId: input.params.persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: diff(null, {
          meetdatum: input.body.meetdatum,
          werkgever: werkplek.werkgever,
          normfunctie: normfunctie.naam,
          loonwaarde: berekening.loonwaarde,
          berekende_loonwaarde: berekening.berekendeLoonwaarde,
          afwijkingsreden: berekening.afwijkingsreden,
          volgende_meting_op: input.body.volgendeMetingOp,
        }),
      });
      // The timeline is read more widely than the measurement (loonwaarde.lezen), so it names no percentage.
      await dal.db
        .insertInto('tijdlijn_gebeurtenis')
        .values({
          id: randomUUID(),
          organisatie_id: feiten.gemeenteId,
          persoon_id: input.params.persoonId,
          soort: 'dossier',
          titel: `Loonwaardemeting vastgelegd (${werkplek.werkgever})`,
          tekst: `Gemeten op ${input.body.meetdatum}. Volgende meting op ${input.body.volgendeMetingOp}.`,
          auteur_id: dal.actor.gebruikerId,
          auteur_organisatie_id: dal.actor.organisatieId,
        })
        .execute();
      const [meting] = await metingen(dal, input.params.persoonId, id);
      return meting!;
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/loonwaardemetingen',
    tags: ['loonwaarde'],
    summary: 'Loonwaardemetingen van een persoon, nieuwste eerst, met de loonkostensubsidie die eruit volgt',
    persoonParam: 'persoonId',
    params: PersoonParams,
    response: z.array(Meting),
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'loonwaarde.lezen');
      const lijst = await metingen(dal, input.params.persoonId);
      await dal.audit.schrijf({ actie: 'lezen', resource: 'loonwaardemeting', persoonId: input.params.persoonId, organisatieId: feiten.gemeenteId, grondslag });
      return lijst;
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/loonwaardemetingen/:metingId/rapport',
    tags: ['loonwaarde'],
    summary: 'Afdrukbaar rapport van een loonwaardemeting volgens het model van de Regeling LKS 2021 (text/html; zonder BSN)',
    persoonParam: 'persoonId',
    params: MetingParams,
    response: z.string().describe('Een HTML-document (text/html)'),
    handler: async ({ input, dal, reply }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'loonwaarde.lezen');
      const [gevonden] = await metingen(dal, input.params.persoonId, input.params.metingId);
      if (!gevonden) throw new AppError('niet_gevonden', 'Deze loonwaardemeting bestaat niet.');
      // Only name, date of birth and gemeente: the model report asks no more, and never the BSN.
      const p = await dal.db
        .selectFrom('persoon')
        .innerJoin('organisatie as o', 'o.id', 'persoon.organisatie_id')
        .select(['persoon.voornaam', 'persoon.tussenvoegsel', 'persoon.achternaam', 'persoon.geboortedatum', 'o.naam as gemeente'])
        .where('persoon.id', '=', input.params.persoonId)
        .executeTakeFirstOrThrow();
      await dal.audit.schrijf({
        actie: 'exporteren',
        resource: 'loonwaardemeting',
        resourceId: gevonden.id,
        persoonId: input.params.persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        toelichting: 'afdrukbaar rapport',
      });
      // The same presenter as the JSON routes: only declared fields reach the report.
      const meting: RapportMeting = Meting.parse(gevonden);
      const html = rapportHtml({
        meting,
        werknemer: { naam: [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' '), geboortedatum: p.geboortedatum },
        gemeente: p.gemeente,
      });
      reply.type('text/html; charset=utf-8').serializer((v: unknown) => v as string);
      return html;
    },
  }),
];
