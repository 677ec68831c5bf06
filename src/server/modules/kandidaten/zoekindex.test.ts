import { describe, expect, it } from 'vitest';
import { parseTsvector } from './tekstzoeken.js';
import { type IndexProfiel, KandidatenZoekindex } from './zoekindex.js';

const profiel = (i: number, p: Partial<IndexProfiel> = {}): IndexProfiel => ({
  id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
  publiekId: `K-${String(i).padStart(6, '0')}`,
  gemeenteId: 'g1',
  gepubliceerd: true,
  sectoren: ['groen'],
  opleidingsniveau: null,
  werkcondities: [],
  urenMin: 16,
  urenMax: 24,
  beschikbaarVanaf: '2026-01-01',
  compleetheid: 50,
  lexemen: parseTsvector("'tuin':1B"),
  ...p,
});

const zoek = (idx: KandidatenZoekindex, f: { urenMin?: number; urenMax?: number; beschikbaarOp?: string }) =>
  idx.zoek({ vraag: null, limit: 100, offset: 0, ...f }).treffers.map((t) => t.id);

describe('KandidatenZoekindex range filters', () => {
  it('hours and availability bounds follow every change of the index (a kept range result is never stale)', () => {
    const idx = new KandidatenZoekindex();
    for (let i = 0; i < 70; i++)
      idx.zet(profiel(i, { urenMin: 8 + (i % 5) * 4, urenMax: 16 + (i % 5) * 4, beschikbaarVanaf: i % 2 ? '2027-06-01' : '2026-01-01' }));
    const verwacht = (f: (i: number) => boolean) =>
      Array.from({ length: 70 }, (_, i) => i)
        .filter(f)
        .map((i) => profiel(i).id)
        .sort();
    // urenMax=12: profiles whose minimum is at most 12 (8 or 12).
    expect(zoek(idx, { urenMax: 12 }).sort()).toEqual(verwacht((i) => 8 + (i % 5) * 4 <= 12));
    expect(zoek(idx, { urenMin: 30 }).sort()).toEqual(verwacht((i) => 16 + (i % 5) * 4 >= 30));
    expect(zoek(idx, { beschikbaarOp: '2026-11-23' }).sort()).toEqual(verwacht((i) => i % 2 === 0));
    // The same bounds again after changes: a profile's hours, one made unknown, one unpublished.
    idx.zet(profiel(1, { urenMin: 40, urenMax: 40, beschikbaarVanaf: '2026-02-01' })); // was 12 and 2027
    idx.zet(profiel(5, { urenMin: null, urenMax: null })); // unknown hours pass every hours bound
    idx.zet(profiel(0, { gepubliceerd: false }));
    const na = (i: number, min: number, max: number | null, beschikbaar: boolean) => ({ i, min, max, beschikbaar });
    const stand = Array.from({ length: 70 }, (_, i) =>
      i === 1 ? na(i, 40, 40, true) : i === 5 ? na(i, Number.NaN, null, false) : na(i, 8 + (i % 5) * 4, 16 + (i % 5) * 4, i % 2 === 0),
    ).filter((x) => x.i !== 0);
    const ids = (f: (x: (typeof stand)[number]) => boolean) =>
      stand
        .filter(f)
        .map((x) => profiel(x.i).id)
        .sort();
    expect(zoek(idx, { urenMax: 12 }).sort()).toEqual(ids((x) => Number.isNaN(x.min) || x.min <= 12));
    expect(zoek(idx, { urenMin: 30 }).sort()).toEqual(ids((x) => x.max === null || x.max >= 30));
    expect(zoek(idx, { beschikbaarOp: '2026-11-23' }).sort()).toEqual(ids((x) => x.beschikbaar || x.i === 5));
  });
});
