/**
 * Contact through the professional (issue 4). An employer asks for contact on a published, anonymous
 * profile; the person's responsible professional gets a task, talks to the candidate and records the
 * answer. The employer gets contact details only after the candidate's yes, and only those the
 * candidate chose to share. Every step is audited; response times are shown to the region.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { CONTACTVERZOEK_STATUSSEN, type Contactverzoekstatus } from '../../../shared/codes.js';
import type { DataAccess } from '../../access/data-access.js';
import { beslis, CONTACTVERZOEK_STATISTIEK, magContactAanvragen, rechtenVanRollen } from '../../access/policy.js';
import type { ContactverzoekTable } from '../../db/schema.js';
import { AppError } from '../../http/problem.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import type { Selectable } from 'kysely';
import { Id } from '../personen/schemas.js';
import { maakTaak, rondTakenAf } from '../taken/taken.js';
import { verantwoordelijke } from './verantwoordelijke.js';
import { laatVerlopen, meldWerkgever } from './verval.js';
import {
  antwoordtermijn,
  isOpen,
  MINIMALE_GROEP,
  NEUTRALE_BOODSCHAP,
  plusWerkdagen,
  STANDAARD_ANTWOORDTERMIJN,
  statistiek,
  teLaat,
  werkgeverStatus,
} from './verzoek.js';
import { vandaag } from '../../../shared/datum.js';

const tags = ['contactverzoeken'];
type Rij = Selectable<ContactverzoekTable>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const volledigeNaam = (p: { voornaam: string; tussenvoegsel: string | null; achternaam: string }) =>
  [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
const zonderGemeente = (naam: string) => naam.replace(/^Gemeente /, '');

/** No control characters (a NUL byte cannot be stored; others have no place in a short message). */
const schoon = (s: string) =>
  ![...s].some((teken) => {
    const c = teken.charCodeAt(0);
    return c < 32 && c !== 9 && c !== 10 && c !== 13;
  });
const Tekst = (min: number, max: number, leeg: string) =>
  z.string().trim().min(min, leeg).max(max, `Hoogstens ${max} tekens.`).refine(schoon, 'Gebruik gewone tekst.');

export const PubliekIdParam = z.strictObject({ publiekId: z.string().regex(/^K-[2-9A-HJ-NP-Z]{6}$/, 'Geen geldige profielcode.') });
const VerzoekParams = z.strictObject({ contactverzoekId: Id });

const NieuwVerzoek = z.strictObject({
  functie: Tekst(2, 200, 'Noem het werk of de functie.'),
  bericht: Tekst(10, 2000, 'Schrijf in een paar zinnen waarom u deze kandidaat zoekt (minstens 10 tekens).'),
  urenPerWeek: z.number().min(1, 'Minstens 1 uur.').max(60, 'Hoogstens 60 uur.').nullable().optional(),
  telefoon: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'Dit is geen geldig telefoonnummer.')
    .nullable()
    .optional(),
});

const Antwoord = z.strictObject({
  antwoord: z.enum(['ja', 'nee'], { message: "Kies 'ja' of 'nee'." }),
  /** Internal note about the conversation with the candidate; never shown to the employer. */
  toelichting: Tekst(0, 2000, '').nullable().optional(),
  /** On yes: which contact details the candidate agreed to share (the name always). */
  delen: z.strictObject({ telefoon: z.boolean(), email: z.boolean() }).optional(),
});

const Intrekken = z.strictObject({ reden: Tekst(0, 500, '').nullable().optional() });

const Code = z.object({ code: z.string(), label: z.string() });

const Contactverzoek = z.object({
  id: z.uuid(),
  publiekId: z.string(),
  gemeente: z.object({ id: z.uuid(), naam: z.string() }),
  werkgever: z.object({ organisatie: z.string(), contactpersoon: z.string(), email: z.string().nullable(), telefoon: z.string().nullable() }),
  functie: z.string(),
  bericht: z.string(),
  urenPerWeek: z.number().nullable(),
  /** The employer sees only "in behandeling" until there is an answer; professionals see the real state. */
  status: Code,
  aangemaaktOp: z.string(),
  deadline: z.string(),
  termijn: z.object({ werkdagen: z.number().int(), bron: z.string() }),
  /** Professionals only: open past its deadline. */
  teLaat: z.boolean().nullable(),
  beantwoordOp: z.string().nullable(),
  ingetrokkenOp: z.string().nullable(),
  /** The employer's message for a closed request (neutral on no). */
  boodschap: z.string().nullable(),
  /** Employer only, and only after the candidate's yes (and while that consent stands). */
  contactgegevens: z.object({ naam: z.string(), telefoon: z.string().nullable(), email: z.string().nullable() }).nullable(),
  /** Professionals only. */
  persoon: z.object({ id: z.uuid(), naam: z.string() }).nullable(),
  dossierLink: z.string().nullable(),
  toegewezenAan: z.object({ id: z.uuid(), naam: z.string() }).nullable(),
  antwoordToelichting: z.string().nullable(),
  /** Professionals, open request: which contact details the dossier holds (values stay in the dossier). */
  inDossier: z.object({ telefoon: z.boolean(), email: z.boolean() }).nullable(),
  magBeantwoorden: z.boolean(),
  magIntrekken: z.boolean(),
});
type ContactverzoekUit = z.input<typeof Contactverzoek>;

const Lijst = z.object({ totaal: z.number().int(), resultaten: z.array(Contactverzoek) });

const Groepscijfers = z.object({
  onderdrukt: z.boolean(),
  aantal: z.number().int().nullable(),
  aandeelBeantwoord: z.number().nullable(),
  mediaanDagen: z.number().nullable(),
  p90Dagen: z.number().nullable(),
  aandeelJa: z.number().nullable(),
  openTeLaat: z.number().int().nullable(),
});

/** The rows with what both views need: the employer's names, the gemeente and the assignee. */
function verzoekQuery(dal: DataAccess) {
  return dal.db
    .selectFrom('contactverzoek as c')
    .innerJoin('organisatie as wo', 'wo.id', 'c.werkgever_organisatie_id')
    .innerJoin('gebruiker as wg', 'wg.id', 'c.werkgever_gebruiker_id')
    .innerJoin('organisatie as gm', 'gm.id', 'c.organisatie_id')
    .leftJoin('gebruiker as tg', 'tg.id', 'c.toegewezen_aan')
    .leftJoin('toestemming as ts', 'ts.id', 'c.toestemming_id')
    .selectAll('c')
    .select([
      'wo.naam as werkgever_naam',
      'wg.naam as contactpersoon_naam',
      'wg.email as contactpersoon_email',
      'gm.naam as gemeente_naam',
      'tg.naam as toegewezen_naam',
      'ts.ingetrokken_op as toestemming_ingetrokken_op',
    ]);
}
type VerzoekRij = Rij & {
  werkgever_naam: string;
  contactpersoon_naam: string;
  contactpersoon_email: string | null;
  gemeente_naam: string;
  toegewezen_naam: string | null;
  toestemming_ingetrokken_op: Date | null;
};

function basis(
  r: VerzoekRij,
): Omit<
  ContactverzoekUit,
  | 'status'
  | 'teLaat'
  | 'boodschap'
  | 'contactgegevens'
  | 'persoon'
  | 'dossierLink'
  | 'toegewezenAan'
  | 'antwoordToelichting'
  | 'inDossier'
  | 'magBeantwoorden'
  | 'magIntrekken'
> {
  return {
    id: r.id,
    publiekId: r.publiek_id,
    gemeente: { id: r.organisatie_id, naam: zonderGemeente(r.gemeente_naam) },
    werkgever: { organisatie: r.werkgever_naam, contactpersoon: r.contactpersoon_naam, email: r.contactpersoon_email, telefoon: r.werkgever_telefoon },
    functie: r.functie,
    bericht: r.bericht,
    urenPerWeek: r.uren_per_week === null ? null : Number(r.uren_per_week),
    aangemaaktOp: iso(r.aangemaakt_op)!,
    deadline: r.deadline,
    termijn: { werkdagen: r.termijn_werkdagen, bron: r.termijn_bron },
    beantwoordOp: iso(r.beantwoord_op),
    ingetrokkenOp: iso(r.ingetrokken_op),
  };
}

/** The candidate's shared details count only while the consent recorded with the yes stands. */
const contactGedeeld = (r: VerzoekRij) => r.status === 'ja' && r.gedeeld_naam !== null && r.toestemming_ingetrokken_op === null;

/** What the employer sees. Contact details only with `metContact` (the detail view), after yes. */
function werkgeverView(r: VerzoekRij, metContact: boolean): ContactverzoekUit {
  const status = r.status as Contactverzoekstatus;
  const ws = werkgeverStatus(status);
  const gedeeld = contactGedeeld(r);
  return {
    ...basis(r),
    status: { code: ws.code, label: ws.tekst },
    teLaat: null,
    boodschap:
      ws.code === 'geen_contact' || (status === 'ja' && !gedeeld)
        ? NEUTRALE_BOODSCHAP
        : status === 'ja'
          ? 'De kandidaat wil graag kennismaken. Neem zelf contact op met de gegevens hieronder.'
          : null,
    contactgegevens: metContact && gedeeld ? { naam: r.gedeeld_naam!, telefoon: r.gedeeld_telefoon, email: r.gedeeld_email } : null,
    persoon: null,
    dossierLink: null,
    toegewezenAan: null,
    antwoordToelichting: null,
    inDossier: null,
    magBeantwoorden: false,
    magIntrekken: isOpen(status),
  };
}

/** What the professional sees: the real state, the person and a dossier link (they may read the person). */
function professionalView(
  r: VerzoekRij,
  persoon: { voornaam: string; tussenvoegsel: string | null; achternaam: string },
  extra: { magLezen: boolean; magBeantwoorden: boolean; inDossier: { telefoon: boolean; email: boolean } | null },
): ContactverzoekUit {
  const status = r.status as Contactverzoekstatus;
  return {
    ...basis(r),
    status: { code: status, label: CONTACTVERZOEK_STATUSSEN[status].label },
    teLaat: teLaat(status, r.deadline, vandaag()),
    boodschap: null,
    contactgegevens: null,
    persoon: { id: r.persoon_id, naam: volledigeNaam(persoon) },
    dossierLink: extra.magLezen ? `/personen/${r.persoon_id}` : null,
    toegewezenAan: r.toegewezen_aan ? { id: r.toegewezen_aan, naam: r.toegewezen_naam ?? '' } : null,
    antwoordToelichting: r.antwoord_toelichting,
    inDossier: isOpen(status) ? extra.inDossier : null,
    magBeantwoorden: extra.magBeantwoorden && isOpen(status),
    magIntrekken: false,
  };
}

const isWerkgeverVan = (dal: DataAccess, r: { werkgever_organisatie_id: string }) =>
  dal.actor.rollen.includes('werkgever') && dal.actor.organisatieId === r.werkgever_organisatie_id;

/** Loads one request for the actor: the employer's own, or (through the policy) one about a person the professional may handle. */
async function laadVoorActor(dal: DataAccess, id: string, opties: { voorUpdate?: boolean } = {}) {
  let q = verzoekQuery(dal).where('c.id', '=', id);
  if (opties.voorUpdate) q = q.forUpdate('c');
  const r = (await q.executeTakeFirst()) as VerzoekRij | undefined;
  if (!r) throw new AppError('niet_gevonden', 'Dit contactverzoek bestaat niet of u heeft er geen toegang toe.');
  return r;
}

export const contactverzoekRoutes: RouteDef[] = [
  authRoute({
    method: 'POST',
    url: '/api/v1/kandidaatprofielen/:publiekId/contactverzoeken',
    tags,
    summary: 'Contact aanvragen met een kandidaat (werkgever); de verantwoordelijke professional krijgt een taak en vraagt de kandidaat',
    params: PubliekIdParam,
    body: NieuwVerzoek,
    voorbeeld: {
      body: {
        functie: 'Medewerker groenonderhoud',
        bericht: 'Wij zoeken iemand die graag buiten werkt, voor ons team in Zwolle. Begeleiding op de werkvloer is geregeld.',
        urenPerWeek: 24,
        telefoon: '038 123 45 67',
      },
    },
    status: 201,
    response: Contactverzoek,
    handler: async ({ input, dal }) => {
      const besluit = magContactAanvragen(dal.actor);
      if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
      const profiel = await dal.db
        .selectFrom('kandidaatprofiel')
        .select(['id', 'persoon_id', 'organisatie_id', 'publiek_id'])
        .where('publiek_id', '=', input.params.publiekId)
        .where('regio_id', '=', dal.actor.regioId)
        .where('gepubliceerd', '=', true)
        .executeTakeFirst();
      if (!profiel) throw new AppError('niet_gevonden', 'Dit profiel bestaat niet of is niet (meer) gepubliceerd.');
      const open = await dal.db
        .selectFrom('contactverzoek')
        .select('id')
        .where('werkgever_organisatie_id', '=', dal.actor.organisatieId)
        .where('kandidaatprofiel_id', '=', profiel.id)
        .where('status', 'in', ['nieuw', 'in_behandeling'])
        .executeTakeFirst();
      if (open) throw new AppError('conflict', 'Uw organisatie heeft al een open contactverzoek voor deze kandidaat.');
      const beleid = await dal.db.selectFrom('gemeente_beleid').selectAll().where('organisatie_id', '=', profiel.organisatie_id).executeTakeFirst();
      const termijn = antwoordtermijn(beleid);
      const deadline = plusWerkdagen(vandaag(), termijn.werkdagen);
      const wie = await verantwoordelijke(dal.db, profiel.persoon_id, profiel.organisatie_id);
      const id = randomUUID();
      const b = input.body;
      await dal.db
        .insertInto('contactverzoek')
        .values({
          id,
          organisatie_id: profiel.organisatie_id,
          regio_id: dal.actor.regioId,
          kandidaatprofiel_id: profiel.id,
          persoon_id: profiel.persoon_id,
          publiek_id: profiel.publiek_id,
          werkgever_organisatie_id: dal.actor.organisatieId,
          werkgever_gebruiker_id: dal.actor.gebruikerId,
          functie: b.functie,
          bericht: b.bericht,
          uren_per_week: b.urenPerWeek ?? null,
          werkgever_telefoon: b.telefoon ?? null,
          termijn_werkdagen: termijn.werkdagen,
          termijn_bron: termijn.bron,
          deadline,
          toegewezen_aan: wie.gebruikerId,
        })
        .execute();
      const werkgever = await dal.db.selectFrom('organisatie').select('naam').where('id', '=', dal.actor.organisatieId).executeTakeFirstOrThrow();
      await maakTaak(dal.db, {
        organisatieId: wie.organisatieId,
        persoonId: profiel.persoon_id,
        soort: 'contactverzoek',
        titel: `Contactverzoek van ${werkgever.naam} (${profiel.publiek_id})`,
        omschrijving: `${b.functie}${b.urenPerWeek ? `, ${b.urenPerWeek} uur per week` : ''}. Bespreek het verzoek met de kandidaat en leg het antwoord vast.`,
        bron: { type: 'contactverzoek', id },
        toegewezenAan: wie.gebruikerId,
        deadline,
      });
      // The person sees in their own audit view that an employer asked (profile published under consent).
      await dal.audit.schrijf({
        actie: 'aanmaken',
        resource: 'contactverzoek',
        resourceId: id,
        persoonId: profiel.persoon_id,
        organisatieId: profiel.organisatie_id,
        grondslag: 'toestemming',
        toelichting: `Contactverzoek van ${werkgever.naam} over profiel ${profiel.publiek_id}`,
      });
      const r = await laadVoorActor(dal, id);
      return werkgeverView(r, false);
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/contactverzoeken',
    tags,
    summary: 'Contactverzoeken: een werkgever ziet die van de eigen organisatie; een professional die over personen van de eigen gemeente(n)',
    querystring: z.strictObject({
      status: z.enum(['open', 'afgesloten', 'alle']).default('alle'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(100_000).default(0),
    }),
    response: Lijst,
    handler: async ({ input, dal }) => {
      const q = input.query;
      const open = ['nieuw', 'in_behandeling'] as const;
      if (dal.actor.rollen.includes('werkgever')) {
        let basisQ = verzoekQuery(dal).where('c.werkgever_organisatie_id', '=', dal.actor.organisatieId);
        if (q.status === 'open') basisQ = basisQ.where('c.status', 'in', [...open]);
        if (q.status === 'afgesloten') basisQ = basisQ.where('c.status', 'not in', [...open]);
        const rijen = (await basisQ
          .select(sql<string>`count(*) over ()`.as('totaal'))
          .orderBy('c.aangemaakt_op', 'desc')
          .limit(q.limit)
          .offset(q.offset)
          .execute()) as (VerzoekRij & { totaal: string })[];
        return { totaal: Number(rijen[0]?.totaal ?? 0), resultaten: rijen.map((r) => werkgeverView(r, false)) };
      }
      if (!rechtenVanRollen(dal.actor.rollen).has('contactverzoek.beantwoorden')) {
        throw new AppError('geen_toegang', 'Contactverzoeken zijn voor werkgevers en voor de professionals die ze beantwoorden.');
      }
      const gemeenten = await dal.gemeentenMetVolledigeGrondslag();
      if (gemeenten.length === 0) return { totaal: 0, resultaten: [] };
      let basisQ = verzoekQuery(dal)
        .innerJoin('persoon', 'persoon.id', 'c.persoon_id')
        .where('c.organisatie_id', 'in', gemeenten)
        .where((eb) => dal.leesbarePersonen(eb as never));
      if (q.status === 'open') basisQ = basisQ.where('c.status', 'in', [...open]);
      if (q.status === 'afgesloten') basisQ = basisQ.where('c.status', 'not in', [...open]);
      const rijen = (await basisQ
        .select(['persoon.voornaam', 'persoon.tussenvoegsel', 'persoon.achternaam', sql<string>`count(*) over ()`.as('totaal')])
        .orderBy(sql`CASE WHEN c.status IN ('nieuw', 'in_behandeling') THEN 0 ELSE 1 END`)
        .orderBy('c.deadline', 'asc')
        .orderBy('c.aangemaakt_op', 'desc')
        .limit(q.limit)
        .offset(q.offset)
        .execute()) as (VerzoekRij & { voornaam: string; tussenvoegsel: string | null; achternaam: string; totaal: string })[];
      await dal.audit.schrijf(
        rijen.map((r) => ({
          actie: 'zoeken' as const,
          resource: 'contactverzoek',
          resourceId: r.id,
          persoonId: r.persoon_id,
          organisatieId: r.organisatie_id,
          toelichting: 'lijst contactverzoeken',
        })),
      );
      return {
        totaal: Number(rijen[0]?.totaal ?? 0),
        resultaten: rijen.map((r) => professionalView(r, r, { magLezen: true, magBeantwoorden: true, inDossier: null })),
      };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/contactverzoeken/statistiek',
    tags,
    summary:
      'Reactietijden op contactverzoeken voor de regio: per gemeente en voor de hele regio (werkgevers: alleen de regio); groepen kleiner dan 5 worden niet getoond',
    querystring: z.strictObject({ maanden: z.coerce.number().int().min(1).max(60).default(12) }),
    response: z.object({
      periode: z.object({ van: z.string(), tot: z.string() }),
      minimaleGroep: z.object({ aantal: z.number().int(), bron: z.string() }),
      standaardTermijn: z.object({ werkdagen: z.number().int(), bron: z.string() }),
      regio: Groepscijfers,
      perGemeente: z.array(z.object({ gemeente: z.object({ id: z.uuid(), naam: z.string() }), cijfers: Groepscijfers })),
    }),
    handler: async ({ input, dal }) => {
      const niveaus = dal.actor.rollen.map((r) => CONTACTVERZOEK_STATISTIEK[r]).filter(Boolean);
      if (niveaus.length === 0) throw new AppError('geen_toegang', 'Deze cijfers zijn voor beleidsmedewerkers, klantmanagers en werkgevers.');
      const perGemeenteZichtbaar = niveaus.includes('per_gemeente');
      const tot = new Date();
      const van = new Date(tot);
      van.setUTCMonth(van.getUTCMonth() - input.query.maanden);
      const rijen = await dal.db
        .selectFrom('contactverzoek')
        .select(['organisatie_id', 'status', 'aangemaakt_op', 'beantwoord_op', 'deadline'])
        .where('regio_id', '=', dal.actor.regioId)
        .where('aangemaakt_op', '>=', van)
        .execute();
      const gemeenten = await dal.db
        .selectFrom('organisatie')
        .select(['id', 'naam'])
        .where('regio_id', '=', dal.actor.regioId)
        .where('soort', '=', 'gemeente')
        .orderBy('naam')
        .execute();
      const s = statistiek(
        rijen.map((r) => ({
          gemeenteId: r.organisatie_id,
          status: r.status as Contactverzoekstatus,
          aangemaaktOp: new Date(r.aangemaakt_op),
          beantwoordOp: r.beantwoord_op ? new Date(r.beantwoord_op) : null,
          deadline: r.deadline,
        })),
        gemeenten.map((g) => g.id),
        vandaag(),
      );
      const namen = new Map(gemeenten.map((g) => [g.id, zonderGemeente(g.naam)]));
      return {
        // Dutch dates of the two moments (in UTC `tot` is still yesterday for an hour or two after midnight).
        periode: { van: vandaag(van), tot: vandaag(tot) },
        minimaleGroep: { aantal: MINIMALE_GROEP.aantal, bron: MINIMALE_GROEP.bron },
        standaardTermijn: { werkdagen: STANDAARD_ANTWOORDTERMIJN.werkdagen, bron: STANDAARD_ANTWOORDTERMIJN.bron },
        regio: s.regio,
        perGemeente: perGemeenteZichtbaar
          ? s.perGemeente.map((g) => ({ gemeente: { id: g.gemeenteId, naam: namen.get(g.gemeenteId) ?? '' }, cijfers: g.cijfers }))
          : [],
      };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/contactverzoeken/:contactverzoekId',
    tags,
    summary:
      'Eén contactverzoek. De werkgever ziet de contactgegevens pas na het ja van de kandidaat (vastgelegd in de inzage); de professional opent het verzoek en ziet de persoon',
    params: VerzoekParams,
    response: Contactverzoek,
    handler: async ({ input, dal }) => {
      const r = await laadVoorActor(dal, input.params.contactverzoekId);
      if (isWerkgeverVan(dal, r)) {
        const view = werkgeverView(r, true);
        if (view.contactgegevens) {
          // Reading the shared contact details is a read of personal data: recorded, visible to the person.
          await dal.audit.schrijf({
            actie: 'lezen',
            resource: 'contactgegevens',
            resourceId: r.id,
            persoonId: r.persoon_id,
            organisatieId: r.organisatie_id,
            grondslag: 'toestemming',
            toelichting: `Gedeelde contactgegevens bekeken door ${r.werkgever_naam}`,
          });
        }
        return view;
      }
      const { feiten, grondslag } = await dal.vereisPersoon(r.persoon_id, 'contactverzoek.beantwoorden');
      const persoon = await dal.db
        .selectFrom('persoon')
        .select(['voornaam', 'tussenvoegsel', 'achternaam', 'telefoon', 'email'])
        .where('id', '=', r.persoon_id)
        .executeTakeFirstOrThrow();
      let huidig = r;
      if (isOpen(r.status as Contactverzoekstatus)) {
        const profiel = await dal.db.selectFrom('kandidaatprofiel').select('gepubliceerd').where('id', '=', r.kandidaatprofiel_id).executeTakeFirst();
        if (!profiel?.gepubliceerd) {
          // The candidate withdrew consent for the profile (or the dossier was closed): the request lapses.
          await laatVerlopen(dal.db, [r], dal.audit, dal.actor.gebruikerId, grondslag);
        } else if (r.status === 'nieuw') {
          await dal.db
            .updateTable('contactverzoek')
            .set({ status: 'in_behandeling', in_behandeling_op: new Date(), in_behandeling_door: dal.actor.gebruikerId })
            .where('id', '=', r.id)
            .where('status', '=', 'nieuw')
            .execute();
          await dal.audit.schrijf({
            actie: 'wijzigen',
            resource: 'contactverzoek',
            resourceId: r.id,
            persoonId: r.persoon_id,
            organisatieId: feiten.gemeenteId,
            grondslag,
            wijzigingen: { status: { oud: 'nieuw', nieuw: 'in_behandeling' } },
          });
        }
        huidig = await laadVoorActor(dal, r.id);
      }
      await dal.audit.schrijf({
        actie: 'lezen',
        resource: 'contactverzoek',
        resourceId: r.id,
        persoonId: r.persoon_id,
        organisatieId: feiten.gemeenteId,
        grondslag,
      });
      return professionalView(huidig, persoon, {
        magLezen: beslis(dal.actor, 'persoon.lezen', feiten).toegestaan,
        magBeantwoorden: true,
        inDossier: { telefoon: Boolean(persoon.telefoon), email: Boolean(persoon.email) },
      });
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/contactverzoeken/:contactverzoekId/antwoord',
    tags,
    summary: "Het antwoord van de kandidaat vastleggen (professional): bij 'ja' krijgt de werkgever de gekozen contactgegevens, bij 'nee' een neutraal bericht",
    params: VerzoekParams,
    body: Antwoord,
    voorbeeld: { body: { antwoord: 'ja', toelichting: 'Gebeld; de kandidaat wil graag kennismaken.', delen: { telefoon: true, email: false } } },
    response: Contactverzoek,
    handler: async ({ input, dal }) => {
      const r = await laadVoorActor(dal, input.params.contactverzoekId, { voorUpdate: true });
      const { feiten, grondslag } = await dal.vereisPersoon(r.persoon_id, 'contactverzoek.beantwoorden');
      if (!isOpen(r.status as Contactverzoekstatus)) {
        throw new AppError('conflict', `Dit verzoek is al afgehandeld (${CONTACTVERZOEK_STATUSSEN[r.status as Contactverzoekstatus].label.toLowerCase()}).`);
      }
      const b = input.body;
      const persoon = await dal.db
        .selectFrom('persoon')
        .select(['voornaam', 'tussenvoegsel', 'achternaam', 'telefoon', 'email'])
        .where('id', '=', r.persoon_id)
        .executeTakeFirstOrThrow();
      const nu = new Date();
      let toestemmingId: string | null = null;
      let gedeeld: { naam: string; telefoon: string | null; email: string | null } | null = null;
      if (b.antwoord === 'ja') {
        const delen = b.delen;
        if (!delen || (!delen.telefoon && !delen.email)) {
          throw new AppError('ongeldige_invoer', 'Kies welke contactgegevens de kandidaat wil delen: telefoon, e-mail of allebei.', {
            invalidParams: [{ name: 'body.delen', code: 'verplicht', reason: "Bij 'ja' deelt u minstens een telefoonnummer of e-mailadres." }],
          });
        }
        const fouten = [
          ...(delen.telefoon && !persoon.telefoon
            ? [{ name: 'body.delen.telefoon', code: 'ontbreekt', reason: 'Er staat geen telefoonnummer in het dossier.' }]
            : []),
          ...(delen.email && !persoon.email ? [{ name: 'body.delen.email', code: 'ontbreekt', reason: 'Er staat geen e-mailadres in het dossier.' }] : []),
        ];
        if (fouten.length > 0) throw new AppError('niet_verwerkbaar', 'Vul eerst de contactgegevens in het dossier aan.', { invalidParams: fouten });
        gedeeld = { naam: volledigeNaam(persoon), telefoon: delen.telefoon ? persoon.telefoon : null, email: delen.email ? persoon.email : null };
        // The candidate's yes is a consent to share contact details with this employer: recorded, visible and withdrawable in the dossier.
        toestemmingId = randomUUID();
        const wat = ['naam', gedeeld.telefoon ? 'telefoonnummer' : null, gedeeld.email ? 'e-mailadres' : null].filter(Boolean).join(', ');
        const toelichting = `Contactgegevens (${wat}) delen met ${r.werkgever_naam} naar aanleiding van contactverzoek ${r.publiek_id}.`;
        await dal.db
          .insertInto('toestemming')
          .values({
            id: toestemmingId,
            organisatie_id: feiten.gemeenteId,
            persoon_id: r.persoon_id,
            doel: 'contact_werkgever',
            ontvanger_id: r.werkgever_organisatie_id,
            vastgelegd_via: 'mondeling',
            toelichting,
            verleend_door: dal.actor.gebruikerId,
          })
          .execute();
        await dal.audit.schrijf({
          actie: 'toestemming_verlenen',
          resource: 'toestemming',
          resourceId: toestemmingId,
          persoonId: r.persoon_id,
          organisatieId: feiten.gemeenteId,
          grondslag,
          wijzigingen: { doel: { oud: null, nieuw: 'contact_werkgever' }, ontvanger_id: { oud: null, nieuw: r.werkgever_organisatie_id } },
        });
      }
      await dal.db
        .updateTable('contactverzoek')
        .set({
          status: b.antwoord,
          beantwoord_op: nu,
          beantwoord_door: dal.actor.gebruikerId,
          antwoord_toelichting: b.toelichting ?? null,
          in_behandeling_op: r.in_behandeling_op ?? nu,
          in_behandeling_door: r.in_behandeling_door ?? dal.actor.gebruikerId,
          gedeeld_naam: gedeeld?.naam ?? null,
          gedeeld_telefoon: gedeeld?.telefoon ?? null,
          gedeeld_email: gedeeld?.email ?? null,
          toestemming_id: toestemmingId,
        })
        .where('id', '=', r.id)
        .execute();
      await rondTakenAf(
        dal.db,
        { soort: 'contactverzoek', bronId: r.id },
        dal.actor.gebruikerId,
        `Beantwoord: ${b.antwoord === 'ja' ? 'ja, contactgegevens gedeeld' : 'nee'}`,
      );
      await meldWerkgever(dal.db, r, b.antwoord);
      await dal.db
        .insertInto('tijdlijn_gebeurtenis')
        .values({
          id: randomUUID(),
          organisatie_id: feiten.gemeenteId,
          persoon_id: r.persoon_id,
          soort: 'gesprek',
          titel: `Contactverzoek van ${r.werkgever_naam}: ${b.antwoord}`,
          tekst: b.toelichting ?? null,
          auteur_id: dal.actor.gebruikerId,
          auteur_organisatie_id: dal.actor.organisatieId,
        })
        .execute();
      // The audit names what was shared, never the values.
      await dal.audit.schrijf({
        actie: 'wijzigen',
        resource: 'contactverzoek',
        resourceId: r.id,
        persoonId: r.persoon_id,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: {
          status: { oud: r.status, nieuw: b.antwoord },
          ...(gedeeld ? { gedeeld: { oud: null, nieuw: ['naam', ...(gedeeld.telefoon ? ['telefoon'] : []), ...(gedeeld.email ? ['email'] : [])] } } : {}),
        },
      });
      const na = await laadVoorActor(dal, r.id);
      return professionalView(na, persoon, { magLezen: beslis(dal.actor, 'persoon.lezen', feiten).toegestaan, magBeantwoorden: true, inDossier: null });
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/contactverzoeken/:contactverzoekId/intrekken',
    tags,
    summary: 'Een open contactverzoek intrekken (de werkgever die het deed)',
    params: VerzoekParams,
    body: Intrekken,
    voorbeeld: { body: { reden: 'De vacature is intussen vervuld.' } },
    response: Contactverzoek,
    handler: async ({ input, dal }) => {
      const r = await laadVoorActor(dal, input.params.contactverzoekId, { voorUpdate: true });
      if (!isWerkgeverVan(dal, r)) throw new AppError('niet_gevonden', 'Dit contactverzoek bestaat niet of u heeft er geen toegang toe.');
      if (!isOpen(r.status as Contactverzoekstatus)) throw new AppError('conflict', 'Dit verzoek is al afgehandeld en kan niet meer worden ingetrokken.');
      await dal.db.updateTable('contactverzoek').set({ status: 'ingetrokken', ingetrokken_op: new Date() }).where('id', '=', r.id).execute();
      const reden = input.body.reden ? `: ${input.body.reden}` : '';
      await rondTakenAf(dal.db, { soort: 'contactverzoek', bronId: r.id }, null, `Ingetrokken door de werkgever${reden}`.slice(0, 4000), 'vervallen');
      await dal.audit.schrijf({
        actie: 'wijzigen',
        resource: 'contactverzoek',
        resourceId: r.id,
        persoonId: r.persoon_id,
        organisatieId: r.organisatie_id,
        grondslag: 'toestemming',
        wijzigingen: { status: { oud: r.status, nieuw: 'ingetrokken' } },
        toelichting: input.body.reden ?? null,
      });
      return werkgeverView(await laadVoorActor(dal, r.id), false);
    },
  }),
];
