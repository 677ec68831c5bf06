/**
 * Work items for professionals. Modules create them (`maakTaak`) when something needs a person to act:
 * an employer's contact request, a provider's return, three months without activity. Creating is
 * idempotent per cause (soort + bron_id): a sweep that runs twice never doubles a task.
 */
import { type Kysely, sql } from 'kysely';
import type { Taaksoort } from '../../../shared/codes.js';
import type { Database } from '../../db/schema.js';

export interface NieuweTaak {
  /** The organisation that must act (normally the person's gemeente). */
  organisatieId: string;
  persoonId?: string | null;
  soort: Taaksoort;
  titel: string;
  omschrijving?: string | null;
  bron?: { type: string; id: string } | null;
  toegewezenAan?: string | null;
  deadline?: string | null;
}

/** Creates the task unless an open one for the same cause exists; returns the open task's id either way. */
export async function maakTaak(db: Kysely<Database>, t: NieuweTaak): Promise<string> {
  const ingevoegd = await db
    .insertInto('taak')
    .values({
      organisatie_id: t.organisatieId,
      persoon_id: t.persoonId ?? null,
      soort: t.soort,
      titel: t.titel.slice(0, 200),
      omschrijving: t.omschrijving ?? null,
      bron_type: t.bron?.type ?? null,
      bron_id: t.bron?.id ?? null,
      toegewezen_aan: t.toegewezenAan ?? null,
      deadline: t.deadline ?? null,
    })
    .onConflict((oc) => oc.columns(['soort', 'bron_id']).where('status', '=', 'open').where('bron_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (ingevoegd) return ingevoegd.id;
  const bestaand = await db
    .selectFrom('taak')
    .select('id')
    .where('soort', '=', t.soort)
    .where('bron_id', '=', t.bron?.id ?? null)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return bestaand.id;
}

/** Closes the open task(s) of a cause, e.g. when the contact request was answered. Returns how many. */
export async function rondTakenAf(
  db: Kysely<Database>,
  oorzaak: { soort: Taaksoort; bronId: string },
  door: string | null,
  afhandeling: string,
  status: 'afgerond' | 'vervallen' = 'afgerond',
): Promise<number> {
  const r = await db
    .updateTable('taak')
    .set({ status, afgerond_op: sql<Date>`now()`, afgerond_door: door, afhandeling: afhandeling.slice(0, 4000) })
    .where('soort', '=', oorzaak.soort)
    .where('bron_id', '=', oorzaak.bronId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Days between two ISO dates (b − a). */
export function dagenTussen(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Overdue, due soon or fine: the worklist's signal for a deadline on a given day. */
export function termijnSignaal(deadline: string | null, vandaag: string): 'verlopen' | 'binnenkort' | 'op_tijd' | null {
  if (!deadline) return null;
  const d = dagenTussen(vandaag, deadline);
  return d < 0 ? 'verlopen' : d <= 2 ? 'binnenkort' : 'op_tijd';
}
