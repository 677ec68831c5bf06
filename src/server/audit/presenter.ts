import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';

/** One audit row as the API shows it (AVG inzage and the beheerder's audit view). */
export const AuditRij = z.object({
  id: z.string(),
  tijdstip: z.string(),
  actie: z.string(),
  resource: z.string(),
  resourceId: z.string().nullable(),
  persoonId: z.string().nullable(),
  gebruiker: z.string().nullable(),
  organisatie: z.string().nullable(),
  doel: z.string(),
  grondslag: z.string().nullable(),
  wijzigingen: z.record(z.string(), z.object({ oud: z.unknown(), nieuw: z.unknown() })).nullable(),
  toelichting: z.string().nullable(),
});
export type AuditRijDto = z.infer<typeof AuditRij>;

export function auditQuery(db: Kysely<Database>) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('organisatie as o', 'o.id', 'a.actor_organisatie_id')
    .select([
      'a.id',
      'a.organisatie_id',
      'a.tijdstip',
      'a.actie',
      'a.resource',
      'a.resource_id',
      'a.persoon_id',
      'a.gebruiker_naam',
      'o.naam as organisatie',
      'a.doel',
      'a.grondslag',
      'a.wijzigingen',
      'a.toelichting',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof auditQuery>['execute']>>[number];

/**
 * Presents a row. With `eigenOrganisatie`, rows about another organisation's person (e.g. a refused
 * attempt by one of our users) lose the person's identifiers and the changed values.
 */
export function presentAuditRij(r: Row, eigenOrganisatie?: string): AuditRijDto {
  const verberg = eigenOrganisatie !== undefined && r.persoon_id !== null && r.organisatie_id !== eigenOrganisatie;
  return {
    id: String(r.id),
    tijdstip: new Date(r.tijdstip).toISOString(),
    actie: r.actie,
    resource: r.resource,
    resourceId: verberg ? null : r.resource_id,
    persoonId: verberg ? null : r.persoon_id,
    gebruiker: r.gebruiker_naam,
    organisatie: r.organisatie,
    doel: r.doel,
    grondslag: r.grondslag,
    wijzigingen: verberg ? null : ((r.wijzigingen ?? null) as AuditRijDto['wijzigingen']),
    toelichting: r.toelichting,
  };
}
