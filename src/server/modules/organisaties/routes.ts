import { z } from 'zod';
import { ORGANISATIESOORT_CODES } from '../../../shared/codes.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { AppError } from '../../http/problem.js';
import { Id } from '../personen/schemas.js';

const Organisatie = z.object({
  id: z.uuid(),
  slug: z.string(),
  naam: z.string(),
  soort: z.enum(ORGANISATIESOORT_CODES),
  regio: z.object({ id: z.uuid(), naam: z.string() }),
});

/** Organisations are not personal data: every signed-in user of the region may list them. */
export const organisatieRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/organisaties',
    tags: ['organisaties'],
    summary: 'Organisaties in uw arbeidsmarktregio',
    querystring: z.strictObject({ soort: z.enum(ORGANISATIESOORT_CODES).optional() }),
    response: z.array(Organisatie),
    handler: async ({ input, dal, actor }) => {
      let q = dal.db
        .selectFrom('organisatie as o')
        .innerJoin('arbeidsmarktregio as r', 'r.id', 'o.regio_id')
        .where('o.regio_id', '=', actor.regioId)
        .where('o.actief', '=', true);
      if (input.query.soort) q = q.where('o.soort', '=', input.query.soort);
      const rows = await q
        .select(['o.id', 'o.slug', 'o.naam', 'o.soort', 'r.id as regio_id', 'r.naam as regio_naam'])
        .orderBy('o.soort')
        .orderBy('o.naam')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        naam: r.naam,
        soort: r.soort as (typeof ORGANISATIESOORT_CODES)[number],
        regio: { id: r.regio_id, naam: r.regio_naam },
      }));
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/organisaties/:organisatieId',
    tags: ['organisaties'],
    summary: 'Eén organisatie',
    params: z.strictObject({ organisatieId: Id }),
    response: Organisatie,
    handler: async ({ input, dal, actor }) => {
      const r = await dal.db
        .selectFrom('organisatie as o')
        .innerJoin('arbeidsmarktregio as r', 'r.id', 'o.regio_id')
        .where('o.id', '=', input.params.organisatieId)
        .where('o.regio_id', '=', actor.regioId)
        .select(['o.id', 'o.slug', 'o.naam', 'o.soort', 'r.id as regio_id', 'r.naam as regio_naam'])
        .executeTakeFirst();
      if (!r) throw new AppError('niet_gevonden', 'Deze organisatie bestaat niet in uw regio.');
      return { id: r.id, slug: r.slug, naam: r.naam, soort: r.soort as (typeof ORGANISATIESOORT_CODES)[number], regio: { id: r.regio_id, naam: r.regio_naam } };
    },
  }),
];
