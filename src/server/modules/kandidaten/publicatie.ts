import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * A kandidaatprofiel is visible to employers exactly while the person's consent for it is active and
 * the dossier is open. Called in the same transaction as every change to either, so the flag (kept
 * for fast search at national scale) never disagrees with the consent records.
 * The moment it flips to true is stamped by a trigger (`gepubliceerd_op`, `nieuw_sinds`, migration
 * 0009), so saved searches see it as new whoever published it (this function, the bulk importer, …).
 */
export async function herberekenPublicatie(db: Kysely<Database>, persoonId: string): Promise<void> {
  await sql`
    UPDATE kandidaatprofiel k SET gepubliceerd = (
      EXISTS (SELECT 1 FROM toestemming t WHERE t.persoon_id = k.persoon_id AND t.doel = 'kandidaatprofiel' AND t.ingetrokken_op IS NULL)
      AND EXISTS (SELECT 1 FROM persoon p WHERE p.id = k.persoon_id AND p.status <> 'afgesloten'))
    WHERE k.persoon_id = ${persoonId}`.execute(db);
}
