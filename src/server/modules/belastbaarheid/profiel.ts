/**
 * A person's belastbaarheidsprofiel: observations per FML item, history kept. Pure.
 * The current profile is the latest observation per item; a later observation at level 0 (or with
 * no conditions) means the limitation no longer applies.
 */
import type { Profiel } from '../matching/engine.js';

export interface Observatie {
  item_code: string;
  niveau: number | null;
  voorwaarden: readonly string[] | null;
  volgnummer: string | number;
}

/** Latest observation per item; `rijen` in any order. */
export function huidigeObservaties<T extends Observatie>(rijen: readonly T[]): T[] {
  const laatste = new Map<string, T>();
  for (const r of rijen) {
    const huidig = laatste.get(r.item_code);
    if (!huidig || BigInt(r.volgnummer) > BigInt(huidig.volgnummer)) laatste.set(r.item_code, r);
  }
  return [...laatste.values()];
}

/** The matching engine's view: only what limits (levels > 0, non-empty conditions). */
export function naarProfiel(huidig: readonly Observatie[]): Profiel {
  const niveaus: Record<string, number> = {};
  const voorwaarden: Record<string, readonly string[]> = {};
  for (const o of huidig) {
    if (o.niveau !== null && o.niveau > 0) niveaus[o.item_code] = o.niveau;
    if (o.voorwaarden && o.voorwaarden.length > 0) voorwaarden[o.item_code] = o.voorwaarden;
  }
  return { niveaus, voorwaarden };
}
