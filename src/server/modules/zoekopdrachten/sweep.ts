/**
 * The sweep over saved searches: counts each one's new matches and makes, updates or removes its one
 * unread notification (decision in selectie.ts). Runs every few minutes in `passend serve`, and on
 * demand (`passend zoekopdrachten controleren`, tests). Each saved search in its own short
 * transaction; the unique index on unread notifications keeps two concurrent sweeps from doubling one.
 */
import { periodiek } from '../../lib/periodiek.js';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { KANDIDATEN_ZOEKERS } from '../../access/policy.js';
import { filters } from '../kandidaten/routes.js';
import { beslisMelding, leesFilters, meldingLink } from './selectie.js';

export const MELDING_SOORT = 'nieuwe_kandidaten';

export interface SweepUitkomst {
  gecontroleerd: number;
  nieuw: number;
  bijgewerkt: number;
  ingetrokken: number;
  overgeslagen: number;
}

/** Count the new matches of one saved search (nieuw_sinds in (gezienTot, now]). */
export async function nieuweTreffers(db: Kysely<Database>, regioId: string, opgeslagen: unknown, gezienTot: Date, now: Date) {
  const q = leesFilters(opgeslagen);
  if (!q) return null;
  const r = await db
    .selectFrom('kandidaatprofiel as k')
    .select([(eb) => eb.fn.countAll<string>().as('n'), sql<Date | null>`max(k.nieuw_sinds)`.as('nieuwste')])
    .where(filters(regioId, q))
    .where('k.nieuw_sinds', '>', gezienTot as never)
    .where('k.nieuw_sinds', '<=', now as never)
    .executeTakeFirstOrThrow();
  return { aantal: Number(r.n), nieuwste: r.nieuwste === null ? null : new Date(r.nieuwste) };
}

export async function controleerZoekopdrachten(db: Kysely<Database>, now: Date = new Date()): Promise<SweepUitkomst> {
  const uitkomst: SweepUitkomst = { gecontroleerd: 0, nieuw: 0, bijgewerkt: 0, ingetrokken: 0, overgeslagen: 0 };
  let na = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Only searches of active users who may still search candidates.
    const reeks = await db
      .selectFrom('opgeslagen_zoekopdracht as z')
      .innerJoin('gebruiker as g', 'g.id', 'z.gebruiker_id')
      .select(['z.id', 'z.organisatie_id', 'z.regio_id', 'z.gebruiker_id', 'z.naam', 'z.filters', 'z.gezien_tot', 'z.gemeld_tot'])
      .where('g.actief', '=', true)
      .where(sql<boolean>`g.rollen && ${sql.val([...KANDIDATEN_ZOEKERS])}::text[]`)
      .where('z.id', '>', na)
      .orderBy('z.id')
      .limit(500)
      .execute();
    if (reeks.length === 0) break;
    na = reeks[reeks.length - 1]?.id as string;
    for (const z of reeks) {
      await db.transaction().execute(async (tx) => {
        const treffers = await nieuweTreffers(tx, z.regio_id, z.filters, z.gezien_tot, now);
        if (!treffers) {
          uitkomst.overgeslagen++;
          return;
        }
        uitkomst.gecontroleerd++;
        const ongelezen = await tx
          .selectFrom('melding')
          .select(['id', 'titel'])
          .where('soort', '=', MELDING_SOORT)
          .where('bron_id', '=', z.id)
          .where('gelezen_op', 'is', null)
          .executeTakeFirst();
        const besluit = beslisMelding({
          naam: z.naam,
          aantalNieuw: treffers.aantal,
          nieuwste: treffers.nieuwste,
          gemeldTot: z.gemeld_tot,
          ongelezen: ongelezen ?? null,
        });
        if (besluit.soort === 'nieuw') {
          const r = await tx
            .insertInto('melding')
            .values({
              organisatie_id: z.organisatie_id,
              gebruiker_id: z.gebruiker_id,
              soort: MELDING_SOORT,
              titel: besluit.titel,
              tekst: 'Er zijn kandidaten bijgekomen die passen bij uw bewaarde zoekopdracht.',
              link: meldingLink(z.id),
              bron_id: z.id,
              aangemaakt_op: now,
            })
            .onConflict((oc) => oc.columns(['soort', 'bron_id']).where('gelezen_op', 'is', null).where('bron_id', 'is not', null).doNothing())
            .executeTakeFirst();
          if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) uitkomst.nieuw++;
        } else if (besluit.soort === 'bijwerken' && ongelezen) {
          await tx.updateTable('melding').set({ titel: besluit.titel, aangemaakt_op: now }).where('id', '=', ongelezen.id).execute();
          uitkomst.bijgewerkt++;
        } else if (besluit.soort === 'intrekken' && ongelezen) {
          await tx.deleteFrom('melding').where('id', '=', ongelezen.id).where('gelezen_op', 'is', null).execute();
          uitkomst.ingetrokken++;
        }
        await tx
          .updateTable('opgeslagen_zoekopdracht')
          .set({ gecontroleerd_op: now, ...(besluit.soort === 'nieuw' || besluit.soort === 'bijwerken' ? { gemeld_tot: besluit.gemeldTot } : {}) })
          .where('id', '=', z.id)
          .execute();
      });
    }
  }
  return uitkomst;
}

/** Every few minutes while the server runs; the timer never keeps the process alive and stops on close. */
export function startZoekopdrachtenControle(db: Kysely<Database>, opties: { intervalMs?: number; log?: (e: unknown) => void } = {}): { stop(): Promise<void> } {
  return periodiek(() => controleerZoekopdrachten(db), opties.intervalMs ?? 5 * 60_000, opties.log);
}
