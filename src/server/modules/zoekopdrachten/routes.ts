import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { DataAccess } from '../../access/data-access.js';
import { magKandidatenZoeken } from '../../access/policy.js';
import type { Database } from '../../db/schema.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { AppError } from '../../http/problem.js';
import { filters, PubliekProfiel, presenteerPubliek } from '../kandidaten/routes.js';
import { Id } from '../personen/schemas.js';
import { leesFilters, naarQuery, ZoekFilters } from './selectie.js';
import { MELDING_SOORT } from './sweep.js';

/** A user keeps at most this many saved searches (each one is counted by every sweep). */
export const MAX_ZOEKOPDRACHTEN = 50;

const OpgeslagenZoekopdracht = z.object({
  id: z.uuid(),
  naam: z.string(),
  /** The search's query parameters, as on the search page (lists comma-separated). */
  filters: z.record(z.string(), z.string()),
  aangemaaktOp: z.string(),
  gezienTot: z.string(),
  /** Published profiles that match and are new since the user last looked. */
  aantalNieuw: z.number().int(),
  /** false when the stored filters no longer pass the search's checks (the search is then skipped). */
  geldig: z.boolean(),
});

const ZoekopdrachtParams = z.strictObject({ zoekopdrachtId: Id });

const NaamSchema = z
  .string()
  .trim()
  .min(1, 'Geef de zoekopdracht een naam.')
  .max(100)
  .regex(/^[^\p{Cc}]*$/u, 'Gebruik geen stuurtekens.');

function vereisZoeker(dal: DataAccess) {
  const besluit = magKandidatenZoeken(dal.actor);
  if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
}

/** A saved search of the signed-in user; another user's (also in the same organisation) is "not found". */
async function eigenZoekopdracht(dal: DataAccess, id: string) {
  const z = await dal.db
    .selectFrom('opgeslagen_zoekopdracht')
    .selectAll()
    .where('id', '=', id)
    .where('gebruiker_id', '=', dal.actor.gebruikerId)
    .where('organisatie_id', '=', dal.actor.organisatieId)
    .executeTakeFirst();
  if (!z) throw new AppError('niet_gevonden', 'Deze zoekopdracht bestaat niet of is niet van u.');
  return z;
}

async function aantalNieuw(db: Kysely<Database>, z: { regio_id: string; filters: unknown; gezien_tot: Date }): Promise<number | null> {
  const q = leesFilters(z.filters);
  if (!q) return null;
  const r = await db
    .selectFrom('kandidaatprofiel as k')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(filters(z.regio_id, q))
    .where('k.nieuw_sinds', '>', z.gezien_tot as never)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function presenteer(
  z: { id: string; naam: string; filters: Record<string, string>; aangemaakt_op: Date; gezien_tot: Date },
  nieuw: number | null,
): z.input<typeof OpgeslagenZoekopdracht> {
  return {
    id: z.id,
    naam: z.naam,
    filters: z.filters,
    aangemaaktOp: new Date(z.aangemaakt_op).toISOString(),
    gezienTot: new Date(z.gezien_tot).toISOString(),
    aantalNieuw: nieuw ?? 0,
    geldig: nieuw !== null,
  };
}

const Melding = z.object({
  id: z.uuid(),
  soort: z.string(),
  titel: z.string(),
  tekst: z.string().nullable(),
  link: z.string().nullable(),
  gelezenOp: z.string().nullable(),
  aangemaaktOp: z.string(),
});

function presenteerMelding(m: {
  id: string;
  soort: string;
  titel: string;
  tekst: string | null;
  link: string | null;
  gelezen_op: Date | null;
  aangemaakt_op: Date;
}): z.input<typeof Melding> {
  return {
    id: m.id,
    soort: m.soort,
    titel: m.titel,
    tekst: m.tekst,
    link: m.link,
    gelezenOp: m.gelezen_op ? new Date(m.gelezen_op).toISOString() : null,
    aangemaaktOp: new Date(m.aangemaakt_op).toISOString(),
  };
}

export const zoekopdrachtRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/opgeslagen-zoekopdrachten',
    tags: ['kandidaten'],
    summary: 'Mijn bewaarde zoekopdrachten in de kandidaatprofielen, met het aantal nieuwe kandidaten per zoekopdracht',
    response: z.object({ resultaten: z.array(OpgeslagenZoekopdracht) }),
    handler: async ({ dal }) => {
      vereisZoeker(dal);
      const rijen = await dal.db
        .selectFrom('opgeslagen_zoekopdracht')
        .selectAll()
        .where('gebruiker_id', '=', dal.actor.gebruikerId)
        .where('organisatie_id', '=', dal.actor.organisatieId)
        .orderBy('aangemaakt_op')
        .orderBy('id')
        .execute();
      const resultaten = [];
      for (const r of rijen) resultaten.push(presenteer(r, await aantalNieuw(dal.db, r)));
      if (rijen.length > 0) {
        await dal.audit.schrijf({
          actie: 'zoeken',
          resource: 'kandidaatprofielen',
          toelichting: `nieuwe profielen geteld voor ${rijen.length} bewaarde zoekopdracht(en)`,
        });
      }
      return { resultaten };
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/opgeslagen-zoekopdrachten',
    tags: ['kandidaten'],
    summary: 'Een zoekopdracht bewaren (dezelfde filters als het zoeken); u krijgt een melding als er nieuwe kandidaten bij komen',
    status: 201,
    body: z.strictObject({ naam: NaamSchema, filters: ZoekFilters }),
    voorbeeld: { body: { naam: 'Groen in Zwolle', filters: { q: 'buiten werken', sectoren: 'groen', urenMin: '16' } } },
    response: OpgeslagenZoekopdracht,
    handler: async ({ input, dal }) => {
      vereisZoeker(dal);
      const f = input.body.filters;
      if (f.urenMin !== undefined && f.urenMax !== undefined && f.urenMax < f.urenMin) {
        throw new AppError('ongeldige_invoer', 'De zoekopdracht is niet bewaard.', {
          invalidParams: [{ name: 'body.filters.urenMax', code: 'ongeldig', reason: 'Het maximum aantal uren is kleiner dan het minimum.' }],
        });
      }
      const { n } = await dal.db
        .selectFrom('opgeslagen_zoekopdracht')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('gebruiker_id', '=', dal.actor.gebruikerId)
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_ZOEKOPDRACHTEN) {
        throw new AppError('conflict', `U heeft al ${MAX_ZOEKOPDRACHTEN} zoekopdrachten bewaard. Verwijder er eerst een.`);
      }
      const query = naarQuery(f);
      const rij = await dal.db
        .insertInto('opgeslagen_zoekopdracht')
        .values({
          organisatie_id: dal.actor.organisatieId,
          regio_id: dal.actor.regioId,
          gebruiker_id: dal.actor.gebruikerId,
          naam: input.body.naam,
          filters: JSON.stringify(query),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await dal.audit.schrijf({
        actie: 'aanmaken',
        resource: 'opgeslagen_zoekopdracht',
        resourceId: rij.id,
        wijzigingen: { naam: { oud: null, nieuw: rij.naam }, filters: { oud: null, nieuw: query } },
      });
      return presenteer(rij, 0);
    },
  }),
  authRoute({
    method: 'DELETE',
    url: '/api/v1/opgeslagen-zoekopdrachten/:zoekopdrachtId',
    tags: ['kandidaten'],
    summary: 'Een bewaarde zoekopdracht verwijderen (met de meldingen erover)',
    status: 204,
    params: ZoekopdrachtParams,
    response: z.null(),
    handler: async ({ input, dal }) => {
      const z = await eigenZoekopdracht(dal, input.params.zoekopdrachtId);
      await dal.db.deleteFrom('melding').where('soort', '=', MELDING_SOORT).where('bron_id', '=', z.id).where('gebruiker_id', '=', z.gebruiker_id).execute();
      await dal.db.deleteFrom('opgeslagen_zoekopdracht').where('id', '=', z.id).execute();
      await dal.audit.schrijf({
        actie: 'verwijderen',
        resource: 'opgeslagen_zoekopdracht',
        resourceId: z.id,
        wijzigingen: { naam: { oud: z.naam, nieuw: null } },
      });
      return null;
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/opgeslagen-zoekopdrachten/:zoekopdrachtId/resultaten',
    tags: ['kandidaten'],
    summary:
      'De kandidaten van een bewaarde zoekopdracht; met alleenNieuw=ja alleen die sinds de vorige keer. De eerste pagina markeert alles als gezien (en de melding als gelezen)',
    params: ZoekopdrachtParams,
    querystring: z.strictObject({
      alleenNieuw: z.enum(['ja', 'nee']).default('nee'),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      offset: z.coerce.number().int().min(0).max(10_000).default(0),
    }),
    response: z.object({
      zoekopdracht: OpgeslagenZoekopdracht,
      /** Profiles after this moment count as new in this answer. */
      nieuwNa: z.string().nullable(),
      totaal: z.number().int(),
      resultaten: z.array(PubliekProfiel.extend({ relevantie: z.number(), nieuw: z.boolean() })),
    }),
    handler: async ({ input, dal }) => {
      vereisZoeker(dal);
      let z = await eigenZoekopdracht(dal, input.params.zoekopdrachtId);
      const { limit, offset, alleenNieuw } = input.query;
      const q = leesFilters(z.filters, { limit, offset });
      if (!q) throw new AppError('niet_verwerkbaar', 'Deze bewaarde zoekopdracht past niet meer bij de zoekmogelijkheden. Maak hem opnieuw.');
      if (offset === 0) {
        // Looking at the first page is "seen". The window of "new" becomes (previous seen, now] when
        // something arrived since the last look; otherwise it stays, so a reload shows the same new ones.
        const verschoven = ((await aantalNieuw(dal.db, z)) ?? 0) > 0;
        z = await dal.db
          .updateTable('opgeslagen_zoekopdracht')
          .set({
            ...(verschoven ? { vorige_gezien_tot: sql<Date>`gezien_tot` } : {}),
            gezien_tot: sql<Date>`date_trunc('milliseconds', now())`,
          })
          .where('id', '=', z.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await dal.db
          .updateTable('melding')
          .set({ gelezen_op: sql<Date>`now()` })
          .where('soort', '=', MELDING_SOORT)
          .where('bron_id', '=', z.id)
          .where('gebruiker_id', '=', dal.actor.gebruikerId)
          .where('gelezen_op', 'is', null)
          .execute();
      }
      const ondergrens = z.vorige_gezien_tot;
      let basis = dal.db.selectFrom('kandidaatprofiel as k').where(filters(z.regio_id, q));
      if (alleenNieuw === 'ja') {
        basis = basis.where('k.nieuw_sinds', '<=', z.gezien_tot as never);
        if (ondergrens) basis = basis.where('k.nieuw_sinds', '>', ondergrens as never);
      }
      const relevantie = q.q ? sql<number>`ts_rank_cd(k.zoekvector, websearch_to_tsquery('dutch', kandidaat_zoektekst(${q.q})))` : sql<number>`0`;
      const rows = await basis
        .innerJoin('organisatie as o', 'o.id', 'k.organisatie_id')
        .selectAll('k')
        .select(['o.naam as gemeente_naam', relevantie.as('relevantie'), sql<string>`count(*) over ()`.as('totaal')])
        .orderBy(sql`relevantie`, 'desc')
        .orderBy('k.nieuw_sinds', 'desc')
        .orderBy('k.publiek_id')
        .limit(limit)
        .offset(offset)
        .execute();
      let totaal = Number(rows[0]?.totaal ?? 0);
      if (rows.length === 0 && offset > 0) {
        const t = await basis.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
        totaal = Number(t.n);
      }
      await dal.audit.schrijf({
        actie: 'zoeken',
        resource: 'kandidaatprofielen',
        resourceId: z.id,
        toelichting: `${totaal} profielen gevonden met een bewaarde zoekopdracht${alleenNieuw === 'ja' ? ' (alleen nieuw)' : ''}`,
      });
      const ondergrensMs = ondergrens ? new Date(ondergrens).getTime() : null;
      return {
        zoekopdracht: presenteer(z, await aantalNieuw(dal.db, z)),
        nieuwNa: ondergrens ? new Date(ondergrens).toISOString() : null,
        totaal,
        resultaten: rows.map((r) => ({
          ...presenteerPubliek(r),
          relevantie: Math.round(Number(r.relevantie) * 1000) / 1000,
          nieuw: ondergrensMs !== null && r.nieuw_sinds !== null && new Date(r.nieuw_sinds).getTime() > ondergrensMs,
        })),
      };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/meldingen',
    tags: ['meldingen'],
    summary: 'Mijn meldingen (nieuwste eerst), met het aantal ongelezen',
    querystring: z.strictObject({
      alleenOngelezen: z.enum(['ja', 'nee']).default('nee'),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
    response: z.object({ ongelezen: z.number().int(), resultaten: z.array(Melding) }),
    handler: async ({ input, dal }) => {
      const eigen = dal.db.selectFrom('melding').where('gebruiker_id', '=', dal.actor.gebruikerId).where('organisatie_id', '=', dal.actor.organisatieId);
      const { n } = await eigen
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('gelezen_op', 'is', null)
        .executeTakeFirstOrThrow();
      let lijst = eigen.selectAll();
      if (input.query.alleenOngelezen === 'ja') lijst = lijst.where('gelezen_op', 'is', null);
      const rijen = await lijst.orderBy('aangemaakt_op', 'desc').orderBy('id').limit(input.query.limit).execute();
      return { ongelezen: Number(n), resultaten: rijen.map(presenteerMelding) };
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/meldingen/:meldingId/gelezen',
    tags: ['meldingen'],
    summary: 'Een melding als gelezen markeren',
    params: z.strictObject({ meldingId: Id }),
    response: Melding,
    handler: async ({ input, dal }) => {
      const m = await dal.db
        .updateTable('melding')
        .set({ gelezen_op: sql<Date>`coalesce(gelezen_op, now())` })
        .where('id', '=', input.params.meldingId)
        .where('gebruiker_id', '=', dal.actor.gebruikerId)
        .where('organisatie_id', '=', dal.actor.organisatieId)
        .returningAll()
        .executeTakeFirst();
      if (!m) throw new AppError('niet_gevonden', 'Deze melding bestaat niet of is niet voor u.');
      return presenteerMelding(m);
    },
  }),
];
