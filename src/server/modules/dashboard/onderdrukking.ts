/**
 * Small-cell suppression for published tables: no group smaller than 5 people is shown.
 *
 * Primary: a count of 1–4, or a cell of a group with fewer than 5 people, is shown as "<5".
 * Secondary: a published total is the sum of its parts (a row, a column, a category). When exactly one
 * member of such a sum (the total or one part) is hidden, it could be recomputed from the others, so
 * one more member is hidden: the smallest positive part, else the total. Repeated until nothing changes.
 * Pure: no SQL, no HTTP.
 */

export const MINIMALE_GROEP = 5;

/** A published sum: the cell at `totaal` equals the sum of the cells at `delen`. */
export interface Verband {
  totaal: number;
  delen: readonly number[];
}

/** Is this count too small to show (1–4)? Zero is shown: it is no group of people. */
export function teKlein(waarde: number): boolean {
  return waarde > 0 && waarde < MINIMALE_GROEP;
}

/**
 * Which cells to hide. `waarden` are the counts of all cells (parts and totals) in one index space;
 * `verbanden` the published sums between them; `extraPrimair` cells hidden for another reason (every
 * cell of a group with fewer than 5 people, a zero included: it would tell something about them).
 */
export function onderdruk(waarden: readonly number[], verbanden: readonly Verband[], extraPrimair: Iterable<number> = []): boolean[] {
  const verborgen = waarden.map((w) => teKlein(w));
  for (const i of extraPrimair) if (i >= 0 && i < verborgen.length) verborgen[i] = true;
  let veranderd = true;
  while (veranderd) {
    veranderd = false;
    for (const v of verbanden) {
      const leden = [v.totaal, ...v.delen];
      const aantalVerborgen = leden.filter((i) => verborgen[i]).length;
      if (aantalVerborgen !== 1) continue;
      const kandidaten = v.delen.filter((i) => !verborgen[i] && waarden[i]! > 0).sort((a, b) => waarden[a]! - waarden[b]! || a - b);
      const keuze = kandidaten[0] ?? (!verborgen[v.totaal] && waarden[v.totaal]! > 0 ? v.totaal : undefined);
      if (keuze === undefined) continue;
      verborgen[keuze] = true;
      veranderd = true;
    }
  }
  return verborgen;
}

/** Can any hidden cell be recomputed exactly from one published sum? (Used by the tests as a check.) */
export function herleidbaar(verborgen: readonly boolean[], verbanden: readonly Verband[]): boolean {
  return verbanden.some((v) => [v.totaal, ...v.delen].filter((i) => verborgen[i]).length === 1);
}
