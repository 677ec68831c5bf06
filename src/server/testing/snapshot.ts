import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Tables a refused request must leave exactly as they were, with the column that orders them.
 * audit_log and inlogpoging are left out on purpose: a refused request may be recorded there.
 */
export const SNAPSHOT_TABLES = [
  ['persoon', 'id'],
  ['toestemming', 'id'],
  ['toewijzing', 'id'],
  ['tijdlijn_gebeurtenis', 'id'],
  ['grondslag', 'id'],
  ['gebruiker', 'id'],
  ['sessie', 'id_hash'],
  ['api_token', 'id'],
  ['gemeente_beleid', 'organisatie_id'],
  ['jobcoach_beoordeling', 'id'],
  ['loonwaardemeting', 'id'],
  ['belastbaarheid_item', 'id'],
  ['werkplekaanpassing', 'id'],
  ['functie', 'id'],
  ['kandidaatprofiel', 'id'],
  // A delivery's run record (its report rows come only with a run).
  ['import_run', 'id'],
  ['diagnose', 'id'],
  ['plan_concept', 'id'],
  ['plan_reactie', 'id'],
  ['plan_versie', 'id'],
  ['afweging_regiokader', 'id'],
  ['afweging_gemeentekader', 'id'],
  ['afweging', 'id'],
  ['afweging_besluit', 'id'],
  ['casusoverleg', 'id'],
  ['contactverzoek', 'id'],
  ['opgeslagen_zoekopdracht', 'id'],
  ['melding', 'id'],
  ['vacature', 'id'],
  ['terugmeldreden', 'id'],
  ['verwijzing', 'id'],
  ['verwijzing_status', 'id'],
  ['terugmelding', 'id'],
] as const;

export type TableSnapshot = Record<string, { rows: number; md5: string }>;

/**
 * Row count and an md5 of every row's full contents (as jsonb, ordered by key) for each guarded
 * table, in one round trip. Two equal snapshots mean the tables hold exactly the same data.
 */
export async function tableSnapshot(db: Kysely<Database>, organisatieId?: string): Promise<TableSnapshot> {
  // Every guarded table carries the tenant key, so a snapshot can be limited to one organisation.
  const where = organisatieId ? sql` WHERE t.organisatie_id = ${organisatieId}` : sql``;
  const parts = SNAPSHOT_TABLES.map(
    ([table, key]) =>
      sql`SELECT ${table}::text AS tabel, count(*)::int AS n, md5(coalesce(string_agg(to_jsonb(t)::text, E'\\n' ORDER BY t.${sql.ref(key)}), '')) AS h FROM ${sql.table(table)} t${where}`,
  );
  const { rows } = await sql<{ tabel: string; n: number; h: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  const result: TableSnapshot = {};
  for (const r of rows) result[r.tabel] = { rows: r.n, md5: r.h };
  if (Object.keys(result).length !== SNAPSHOT_TABLES.length) throw new Error(`snapshot saw ${rows.length} tables`);
  return result;
}
