import { sql } from 'kysely';
import { z } from 'zod';
import { TAAKSOORT_CODES, TAAKSOORTEN, type Taaksoort } from '../../../shared/codes.js';
import { rechtenVanRollen } from '../../access/policy.js';
import { AppError } from '../../http/problem.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { Id } from '../personen/schemas.js';
import { termijnSignaal } from './taken.js';
import { vandaag } from '../../../shared/datum.js';

const tags = ['taken'];

/** Tasks closed by their own flow (answering the request), not by "afronden". */
const EIGEN_AFHANDELING: ReadonlySet<Taaksoort> = new Set<Taaksoort>(['contactverzoek']);

const Taak = z.object({
  id: z.uuid(),
  soort: z.object({ code: z.string(), label: z.string() }),
  titel: z.string(),
  omschrijving: z.string().nullable(),
  persoon: z.object({ id: z.uuid(), naam: z.string() }).nullable(),
  bron: z.object({ type: z.string(), id: z.uuid() }).nullable(),
  toegewezenAan: z.object({ id: z.uuid(), naam: z.string() }).nullable(),
  status: z.enum(['open', 'afgerond', 'vervallen']),
  deadline: z.string().nullable(),
  termijn: z.enum(['verlopen', 'binnenkort', 'op_tijd']).nullable(),
  aangemaaktOp: z.string(),
  afgerondOp: z.string().nullable(),
  afhandeling: z.string().nullable(),
  handmatigAfTeRonden: z.boolean(),
});

const Werklijst = z.object({
  resultaten: z.array(Taak),
  totaal: z.number().int(),
  perSoort: z.array(z.object({ code: z.string(), label: z.string(), aantal: z.number().int() })),
});

const Vraag = z.strictObject({
  status: z.enum(['open', 'afgerond']).default('open'),
  soort: z.enum(TAAKSOORT_CODES).optional(),
  alleenMijn: z.enum(['ja', 'nee']).default('nee'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const takenRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/taken',
    tags,
    summary: 'Werklijst: de taken van uw organisatie (alleen over personen die u mag zien), oudste termijn eerst',
    querystring: Vraag,
    response: Werklijst,
    handler: async ({ input, dal }) => {
      if (!rechtenVanRollen(dal.actor.rollen).has('persoon.lezen')) throw new AppError('geen_toegang', 'Uw rol heeft geen werklijst.');
      const q = input.query;
      let basis = dal.db
        .selectFrom('taak as t')
        .leftJoin('persoon', 'persoon.id', 't.persoon_id')
        .leftJoin('gebruiker as g', 'g.id', 't.toegewezen_aan')
        .where('t.organisatie_id', '=', dal.actor.organisatieId)
        .where('t.status', q.status === 'open' ? '=' : '!=', 'open')
        .where((eb) => eb.or([eb('t.persoon_id', 'is', null), dal.leesbarePersonen(eb as never)]));
      if (q.alleenMijn === 'ja') basis = basis.where((eb) => eb.or([eb('t.toegewezen_aan', '=', dal.actor.gebruikerId), eb('t.toegewezen_aan', 'is', null)]));
      const perSoort = await basis
        .select(['t.soort', sql<number>`count(*)::int`.as('n')])
        .groupBy('t.soort')
        .execute();
      if (q.soort) basis = basis.where('t.soort', '=', q.soort);
      const rijen = await basis
        .select([
          't.id',
          't.soort',
          't.titel',
          't.omschrijving',
          't.persoon_id',
          't.bron_type',
          't.bron_id',
          't.toegewezen_aan',
          't.status',
          't.deadline',
          't.aangemaakt_op',
          't.afgerond_op',
          't.afhandeling',
          'persoon.voornaam',
          'persoon.tussenvoegsel',
          'persoon.achternaam',
          'persoon.organisatie_id as persoon_gemeente',
          'g.naam as toegewezen_naam',
        ])
        .orderBy(sql`t.deadline ASC NULLS LAST`)
        .orderBy('t.aangemaakt_op', q.status === 'open' ? 'asc' : 'desc')
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      const personen = rijen.filter((r) => r.persoon_id);
      await dal.audit.schrijf(
        personen.map((r) => ({
          actie: 'zoeken' as const,
          resource: 'taak',
          resourceId: r.id,
          persoonId: r.persoon_id,
          organisatieId: r.persoon_gemeente,
          toelichting: 'werklijst',
        })),
      );
      const v = vandaag();
      const totaal = perSoort.filter((s) => !q.soort || s.soort === q.soort).reduce((a, s) => a + Number(s.n), 0);
      return {
        totaal,
        perSoort: perSoort.map((s) => ({ code: s.soort, label: TAAKSOORTEN[s.soort as Taaksoort]?.label ?? s.soort, aantal: Number(s.n) })),
        resultaten: rijen.map((r) => ({
          id: r.id,
          soort: { code: r.soort, label: TAAKSOORTEN[r.soort as Taaksoort]?.label ?? r.soort },
          titel: r.titel,
          omschrijving: r.omschrijving,
          persoon: r.persoon_id ? { id: r.persoon_id, naam: [r.voornaam, r.tussenvoegsel, r.achternaam].filter(Boolean).join(' ') } : null,
          bron: r.bron_type && r.bron_id ? { type: r.bron_type, id: r.bron_id } : null,
          toegewezenAan: r.toegewezen_aan ? { id: r.toegewezen_aan, naam: r.toegewezen_naam ?? '' } : null,
          status: r.status,
          deadline: r.deadline,
          termijn: r.status === 'open' ? termijnSignaal(r.deadline, v) : null,
          aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
          afgerondOp: r.afgerond_op ? new Date(r.afgerond_op).toISOString() : null,
          afhandeling: r.afhandeling,
          handmatigAfTeRonden: !EIGEN_AFHANDELING.has(r.soort as Taaksoort),
        })),
      };
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/taken/:taakId/afronden',
    tags,
    summary: 'Taak afronden met een korte toelichting',
    params: z.strictObject({ taakId: Id }),
    body: z.strictObject({ afhandeling: z.string().trim().min(2, 'Schrijf kort op wat u heeft gedaan.').max(4000) }),
    voorbeeld: { body: { afhandeling: 'Gebeld en afspraak gemaakt.' } },
    response: z.object({ id: z.uuid(), status: z.literal('afgerond') }),
    handler: async ({ input, dal }) => {
      const taak = await dal.db
        .selectFrom('taak')
        .select(['id', 'organisatie_id', 'persoon_id', 'soort', 'status'])
        .where('id', '=', input.params.taakId)
        .where('organisatie_id', '=', dal.actor.organisatieId)
        .executeTakeFirst();
      if (!taak) throw new AppError('niet_gevonden', 'Deze taak bestaat niet of hoort niet bij uw organisatie.');
      let gemeente: string | null = null;
      let grondslag: string | null = null;
      if (taak.persoon_id) {
        const r = await dal.vereisPersoon(taak.persoon_id, 'tijdlijn.schrijven');
        gemeente = r.feiten.gemeenteId;
        grondslag = r.grondslag;
      } else if (!rechtenVanRollen(dal.actor.rollen).has('tijdlijn.schrijven')) {
        throw new AppError('geen_toegang', 'Uw rol kan geen taken afronden.');
      }
      if (taak.status !== 'open') throw new AppError('conflict', 'Deze taak is al afgerond.');
      if (EIGEN_AFHANDELING.has(taak.soort as Taaksoort)) {
        throw new AppError('conflict', 'Deze taak rondt u af door het verzoek te beantwoorden.');
      }
      await dal.db
        .updateTable('taak')
        .set({ status: 'afgerond', afgerond_op: sql<Date>`now()`, afgerond_door: dal.actor.gebruikerId, afhandeling: input.body.afhandeling })
        .where('id', '=', taak.id)
        .execute();
      await dal.audit.schrijf({
        actie: 'wijzigen',
        resource: 'taak',
        resourceId: taak.id,
        persoonId: taak.persoon_id,
        organisatieId: gemeente ?? taak.organisatie_id,
        grondslag,
        wijzigingen: { status: { oud: 'open', nieuw: 'afgerond' }, afhandeling: { oud: null, nieuw: input.body.afhandeling } },
      });
      return { id: taak.id, status: 'afgerond' as const };
    },
  }),
];
