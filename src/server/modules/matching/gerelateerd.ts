/**
 * "Someone with back problems can't be a bricklayer, but you can look for related suitable
 * functions" (seed 000). Related = same function group, or sharing tasks. Pure.
 */
import type { Beoordeling, FunctieInvoer } from './engine.js';
import { vergelijkNaam } from './engine.js';

export interface Verwant {
  functieId: string;
  zelfdeGroep: boolean;
  gedeeldeTaken: string[];
  beoordeling: Beoordeling;
}

/**
 * Functions related to `wens` that fit (no mismatch after adaptations): same group first, then most
 * shared tasks, then fewest items on the limit, then name.
 */
export function verwanteFuncties(
  wens: FunctieInvoer,
  functies: readonly FunctieInvoer[],
  beoordeel: (functieId: string) => Beoordeling | null,
  magGebruiken: (f: FunctieInvoer) => boolean,
  max = 8,
): Verwant[] {
  const wensTaken = new Set(wens.taken.map((t) => t.toLowerCase()));
  const kandidaten: (Verwant & { naam: string })[] = [];
  for (const f of functies) {
    if (f.id === wens.id || !f.actief || !magGebruiken(f)) continue;
    const zelfdeGroep = f.groep === wens.groep;
    const gedeeldeTaken = f.taken.filter((t) => wensTaken.has(t.toLowerCase()));
    if (!zelfdeGroep && gedeeldeTaken.length === 0) continue;
    const b = beoordeel(f.id);
    if (!b || b.mismatches > 0) continue;
    kandidaten.push({ functieId: f.id, zelfdeGroep, gedeeldeTaken, beoordeling: b, naam: f.naam });
  }
  kandidaten.sort(
    (a, b) =>
      Number(b.zelfdeGroep) - Number(a.zelfdeGroep) ||
      b.gedeeldeTaken.length - a.gedeeldeTaken.length ||
      a.beoordeling.opDeGrens - b.beoordeling.opDeGrens ||
      vergelijkNaam(a.naam, b.naam),
  );
  return kandidaten.slice(0, max).map(({ naam: _n, ...v }) => v);
}
