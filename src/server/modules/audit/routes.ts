import { sql } from 'kysely';
import { z } from 'zod';
import { magInOrganisatie } from '../../access/policy.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { AppError } from '../../http/problem.js';
import { Id, IsoDatum, Pagina } from '../personen/schemas.js';
import { AuditRij, auditQuery, presentAuditRij } from '../../audit/presenter.js';

/** The audit log for a beheerder: what happened to data of, or by users of, their organisation. Read-only. */
export const auditRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/audit',
    tags: ['audit'],
    summary: 'Auditlog doorzoeken (beheerder, eigen organisatie)',
    querystring: z.strictObject({
      persoonId: Id.optional(),
      gebruiker: z.string().max(100).optional(),
      actie: z.string().max(50).optional(),
      vanaf: IsoDatum.optional(),
      tot: IsoDatum.optional(),
      pagina: z.coerce.number().int().min(1).max(100_000).default(1),
      paginaGrootte: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: Pagina(AuditRij),
    handler: async ({ input, dal }) => {
      const besluit = magInOrganisatie(dal.actor, 'audit.lezen', dal.actor.organisatieId);
      if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
      const org = dal.actor.organisatieId;
      const f = input.query;
      let q = auditQuery(dal.db)
        .select(sql<number>`count(*) over ()::int`.as('totaal'))
        .where((eb) => eb.or([eb('a.organisatie_id', '=', org), eb('a.actor_organisatie_id', '=', org)]));
      // Filtering by person is limited to the organisation's own persons.
      if (f.persoonId) q = q.where('a.persoon_id', '=', f.persoonId).where('a.organisatie_id', '=', org);
      if (f.gebruiker) q = q.where('a.gebruiker_naam', '=', f.gebruiker);
      if (f.actie) q = q.where('a.actie', '=', f.actie);
      if (f.vanaf) q = q.where('a.tijdstip', '>=', new Date(`${f.vanaf}T00:00:00`));
      if (f.tot) q = q.where('a.tijdstip', '<', sql<Date>`(${f.tot}::date + 1)`);
      const rows = await q
        .orderBy('a.id', 'desc')
        .limit(f.paginaGrootte)
        .offset((f.pagina - 1) * f.paginaGrootte)
        .execute();
      // Reading the audit log is itself recorded.
      await dal.audit.schrijf({ actie: 'lezen', resource: 'audit', persoonId: f.persoonId ?? null, toelichting: 'auditlog doorzocht' });
      return {
        resultaten: rows.map((r) => presentAuditRij(r, org)),
        totaal: rows[0]?.totaal ?? 0,
        pagina: f.pagina,
        paginaGrootte: f.paginaGrootte,
      };
    },
  }),
];
