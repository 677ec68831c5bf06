/**
 * Open contact requests lapse when the candidate's profile is no longer published (consent withdrawn,
 * dossier closed) — checked periodically, not only when a professional happens to open the request.
 * Per lapsed request, in one transaction: status `verlopen`, the professional's task closed as
 * `vervallen`, the employer told with the neutral message (never why), and an audit row (by the system).
 */
import { type Kysely, sql } from 'kysely';
import { AuditWriter } from '../../audit/audit.js';
import type { Database } from '../../db/schema.js';
import { periodiek } from '../../lib/periodiek.js';
import { rondTakenAf } from '../taken/taken.js';
import { meldWerkgever } from './routes.js';

export async function laatVervallenVerzoekenVerlopen(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const vervallen = await tx
      .selectFrom('contactverzoek as c')
      .innerJoin('kandidaatprofiel as k', 'k.id', 'c.kandidaatprofiel_id')
      .select(['c.id', 'c.status', 'c.persoon_id', 'c.organisatie_id', 'c.werkgever_organisatie_id', 'c.werkgever_gebruiker_id', 'k.publiek_id'])
      .where('c.status', 'in', ['nieuw', 'in_behandeling'])
      .where('k.gepubliceerd', '=', false)
      .forUpdate('c')
      .skipLocked()
      .execute();
    if (vervallen.length === 0) return 0;
    await tx
      .updateTable('contactverzoek')
      .set({ status: 'verlopen', verlopen_op: sql<Date>`now()` })
      .where(
        'id',
        'in',
        vervallen.map((v) => v.id),
      )
      .execute();
    for (const v of vervallen) {
      await rondTakenAf(tx, { soort: 'contactverzoek', bronId: v.id }, null, 'Vervallen: het profiel is niet meer gepubliceerd.', 'vervallen');
      await meldWerkgever(tx, v, 'verlopen');
    }
    await new AuditWriter(tx, null, null).schrijfBulk(
      vervallen.map((v) => ({
        actie: 'wijzigen' as const,
        resource: 'contactverzoek',
        resourceId: v.id,
        persoonId: v.persoon_id,
        organisatieId: v.organisatie_id,
        grondslag: 'eigen_gemeente',
        wijzigingen: { status: { oud: v.status, nieuw: 'verlopen' } },
        toelichting: 'Vervallen: het profiel is niet meer gepubliceerd (periodieke controle).',
      })),
    );
    return vervallen.length;
  });
}

/** Checks every few minutes in the background (started by `passend serve`). */
export function startVervalControle(db: Kysely<Database>, opties: { intervalMs?: number; log?: (e: unknown) => void } = {}): { stop(): Promise<void> } {
  return periodiek(() => laatVervallenVerzoekenVerlopen(db), opties.intervalMs ?? 5 * 60_000, opties.log);
}
