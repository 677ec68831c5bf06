import { describe, expect, it } from 'vitest';
import { FML_ITEM_BY_CODE, FML_ITEMS, RUBRIEKEN } from './fml-catalogus.js';

describe('FML item catalogue', () => {
  it('has unique codes in every rubriek I–VI', () => {
    expect(FML_ITEM_BY_CODE.size).toBe(FML_ITEMS.length);
    for (const r of Object.keys(RUBRIEKEN))
      expect(
        FML_ITEMS.some((i) => i.rubriek === r),
        r,
      ).toBe(true);
    for (const i of FML_ITEMS) expect(i.code.startsWith(`${i.rubriek}.`), i.code).toBe(true);
  });
  it('gives each ordinal item its own number of levels, with level 0 = Normaal (no single 0–5 scale)', () => {
    const lengths = new Set<number>();
    for (const i of FML_ITEMS) {
      if (i.soort !== 'ordinaal') continue;
      expect(i.niveaus[0]).toBe('Normaal');
      expect(i.niveaus.length).toBeGreaterThanOrEqual(2);
      lengths.add(i.niveaus.length);
    }
    expect(lengths.size).toBeGreaterThan(2);
    // Tillen: 0 normaal, then 15, 10, 5 and 2 kg.
    const tillen = FML_ITEM_BY_CODE.get('IV.13');
    expect(tillen?.soort === 'ordinaal' && tillen.niveaus.length).toBe(5);
  });
});
