import { describe, expect, it } from 'vitest';
import { prng } from '../../seed/demo.js';
import {
  bouwDashboard,
  doorlooptijdTabel,
  ladderTabel,
  mediaanEnP90,
  plusMaanden,
  redenenTabel,
  routewisselingenTabel,
  type Tabel,
  tabelAlsRegels,
  terugvalTabel,
  type VerwijzingFeit,
} from './dashboard.js';
import { herleidbaar, onderdruk, type Verband } from './onderdrukking.js';

const PERIODE = { van: '2026-01-01', tot: '2026-12-31' };
const PEIL = '2026-11-23';

let volgnummer = 0;
function feit(f: Partial<VerwijzingFeit> & { persoonId: string }): VerwijzingFeit {
  volgnummer += 1;
  return {
    verwijzingId: `v${String(volgnummer).padStart(4, '0')}`,
    aanbiederId: 'A',
    aanbiederNaam: 'Aanbieder A',
    route: 'werk_via_reintegratie',
    startdatum: '2026-03-01',
    aanmelddatum: '2026-02-01',
    teruggemeldOp: null,
    primaireReden: null,
    ...f,
  };
}
const medisch = { code: 'medisch', label: 'Medisch', categorie: 'negatief' as const };
const werk = { code: 'werk_gevonden', label: 'Werk gevonden', categorie: 'positief' as const };
const motivatie = { code: 'motivatie', label: 'Motivatie', categorie: 'negatief' as const };

const rij = (t: Tabel, sleutel: string) => t.rijen.find((r) => r.sleutel === sleutel)!;
const weergave = (t: Tabel, sleutel: string) => rij(t, sleutel).cellen.map((c) => c.weergave);

describe('onderdruk (small cells and secondary suppression)', () => {
  it('hides counts of 1–4 and one more part of the same sum, so the hidden one cannot be recomputed', () => {
    // parts 3, 10, 8 with total 21
    const v: Verband[] = [{ totaal: 3, delen: [0, 1, 2] }];
    const verborgen = onderdruk([3, 10, 8, 21], v);
    expect(verborgen).toEqual([true, false, true, false]);
    expect(herleidbaar(verborgen, v)).toBe(false);
  });

  it('hides the total when the only other parts are zero', () => {
    const v: Verband[] = [{ totaal: 2, delen: [0, 1] }];
    expect(onderdruk([3, 0, 3], v)).toEqual([true, false, true]);
  });

  it('leaves a table without small cells alone, zero included', () => {
    expect(onderdruk([5, 0, 7, 12], [{ totaal: 3, delen: [0, 1, 2] }])).toEqual([false, false, false, false]);
  });

  it('never leaves a recomputable cell in random matrices with row and column totals', () => {
    const rand = prng(42);
    for (let proef = 0; proef < 300; proef++) {
      const R = 2 + Math.floor(rand() * 4);
      const C = 2 + Math.floor(rand() * 4);
      const m = Array.from({ length: R }, () => Array.from({ length: C }, () => (rand() < 0.3 ? 0 : Math.floor(rand() * 12))));
      const waarden: number[] = [];
      for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) waarden[r * C + c] = m[r]![c]!;
      const rt = (r: number) => R * C + r;
      const kt = (c: number) => R * C + R + c;
      const g = R * C + R + C;
      for (let r = 0; r < R; r++) waarden[rt(r)] = m[r]!.reduce((a, b) => a + b, 0);
      for (let c = 0; c < C; c++) waarden[kt(c)] = m.reduce((a, x) => a + x[c]!, 0);
      waarden[g] = waarden.slice(R * C, R * C + R).reduce((a, b) => a + b, 0);
      const rs = Array.from({ length: R }, (_, i) => i);
      const cs = Array.from({ length: C }, (_, i) => i);
      const v: Verband[] = [
        ...rs.map((r) => ({ totaal: rt(r), delen: cs.map((c) => r * C + c) })),
        ...cs.map((c) => ({ totaal: kt(c), delen: rs.map((r) => r * C + c) })),
        { totaal: g, delen: rs.map(rt) },
        { totaal: g, delen: cs.map(kt) },
      ];
      const verborgen = onderdruk(waarden, v);
      for (const [i, w] of waarden.entries()) if (w > 0 && w < 5) expect(verborgen[i]).toBe(true);
      expect(herleidbaar(verborgen, v)).toBe(false);
    }
  });
});

describe('terugval binnen drie maanden', () => {
  // A: 10 persons, 5 back within three months, 1 back after four; B: 3 persons, 1 back; C: 8 persons, none back.
  const feiten: VerwijzingFeit[] = [
    ...Array.from({ length: 10 }, (_, i) =>
      feit({ persoonId: `a${i}`, teruggemeldOp: i < 5 ? '2026-04-15' : i === 5 ? '2026-07-15' : null, primaireReden: i < 6 ? medisch : null }),
    ),
    ...Array.from({ length: 3 }, (_, i) =>
      feit({ persoonId: `b${i}`, aanbiederId: 'B', aanbiederNaam: 'Aanbieder B', teruggemeldOp: i === 0 ? '2026-03-20' : null }),
    ),
    ...Array.from({ length: 8 }, (_, i) => feit({ persoonId: `c${i}`, aanbiederId: 'C', aanbiederNaam: 'Aanbieder C', route: 'participatietraject' })),
    // Too young to count: started less than three months before the peildatum.
    feit({ persoonId: 'jong', startdatum: '2026-10-01', teruggemeldOp: '2026-10-10' }),
  ];

  it('counts only mature referrals and returns within the window, and hides small groups with secondary suppression', () => {
    const t = terugvalTabel(feiten, 'aanbieder', PERIODE, PEIL);
    expect(weergave(t, 'totaal')).toEqual(['21', '6', '28,6%']);
    // B is a group of 3 people: hidden. Its count could be recomputed from the total, so C's count is hidden too.
    expect(weergave(t, 'B')).toEqual(['<5', '<5', '<5']);
    expect(rij(t, 'B').cellen.every((c) => c.waarde === null)).toBe(true);
    expect(weergave(t, 'C')).toEqual(['<5', '0', '<5']);
    // A's 5 returns would reveal B's 1 (6 − 5 − 0): hidden as well.
    expect(weergave(t, 'A')).toEqual(['10', '<5', '<5']);
  });

  it('shows a provider in full when every group is large enough', () => {
    const groot = feiten.filter((f) => f.aanbiederId === 'A');
    const t = terugvalTabel(groot, 'aanbieder', PERIODE, PEIL);
    expect(weergave(t, 'A')).toEqual(['10', '5', '50%']);
    expect(weergave(t, 'totaal')).toEqual(['10', '5', '50%']);
  });

  it('groups per route as well', () => {
    const t = terugvalTabel(feiten, 'route', PERIODE, PEIL);
    expect(weergave(t, 'participatietraject')).toEqual(['8', '0', '0%']);
    expect(weergave(t, 'werk_via_reintegratie')).toEqual(['13', '6', '46,2%']);
  });

  it('respects the period', () => {
    const t = terugvalTabel(feiten, 'aanbieder', { van: '2026-05-01', tot: '2026-12-31' }, PEIL);
    expect(t.rijen.map((r) => r.sleutel)).toEqual(['totaal']);
    expect(weergave(t, 'totaal')).toEqual(['0', '0', '–']);
  });
});

describe('redenen, doorlooptijd, routewisselingen, participatieladder', () => {
  it('counts primary reasons per category, hiding small reasons and one more so a category total does not reveal them', () => {
    const feiten = [
      ...Array.from({ length: 6 }, (_, i) => feit({ persoonId: `m${i}`, teruggemeldOp: '2026-05-01', primaireReden: medisch })),
      ...Array.from({ length: 2 }, (_, i) => feit({ persoonId: `n${i}`, teruggemeldOp: '2026-05-01', primaireReden: motivatie })),
      ...Array.from({ length: 5 }, (_, i) => feit({ persoonId: `w${i}`, teruggemeldOp: '2026-05-01', primaireReden: werk })),
    ];
    const t = redenenTabel(feiten, PERIODE);
    expect(weergave(t, 'totaal')).toEqual(['13']);
    expect(weergave(t, 'motivatie')).toEqual(['<5']);
    // Negatief = 8 is shown, so medisch (6) must be hidden too, or motivatie = 8 − 6.
    expect(weergave(t, 'categorie:negatief')).toEqual(['8']);
    expect(weergave(t, 'medisch')).toEqual(['<5']);
    expect(weergave(t, 'werk_gevonden')).toEqual(['5']);
    expect(weergave(t, 'categorie:positief')).toEqual(['5']);
  });

  it('measures days from application to the first referral: median and p90, per route', () => {
    expect(mediaanEnP90([1, 2, 3, 4, 100])).toEqual({ mediaan: 3, p90: 100 });
    expect(mediaanEnP90([10, 20, 30, 40])).toEqual({ mediaan: 25, p90: 40 });
    expect(mediaanEnP90([])).toBeNull();
    const feiten = [10, 20, 30, 40, 50, 60].map((d, i) =>
      feit({
        persoonId: `p${i}`,
        aanmelddatum: '2026-01-01',
        startdatum: plusMaanden('2026-01-01', 0).replace('01-01', `01-${String(1 + d / 10).padStart(2, '0')}`),
      }),
    );
    // A later referral of the same person does not count: only the first.
    feiten.push(feit({ persoonId: 'p0', aanmelddatum: '2026-01-01', startdatum: '2026-09-01' }));
    const t = doorlooptijdTabel(feiten, PERIODE);
    expect(weergave(t, 'totaal')).toEqual(['6', '4 dagen', '6 dagen']);
  });

  it('counts consecutive referrals of a person as movement between routes, hiding small cells in both directions', () => {
    const feiten: VerwijzingFeit[] = [];
    for (let i = 0; i < 6; i++) {
      feiten.push(feit({ persoonId: `r${i}`, route: 'werk_via_reintegratie', startdatum: '2026-02-01' }));
      feiten.push(feit({ persoonId: `r${i}`, route: 'participatietraject', startdatum: '2026-05-01' }));
    }
    feiten.push(feit({ persoonId: 'x', route: 'participatietraject', startdatum: '2026-02-01' }));
    feiten.push(feit({ persoonId: 'x', route: 'werk_via_reintegratie', startdatum: '2026-06-01' }));
    const t = routewisselingenTabel(feiten, PERIODE);
    const werkRij = rij(t, 'werk_via_reintegratie').cellen.map((c) => c.weergave);
    const partRij = rij(t, 'participatietraject').cellen.map((c) => c.weergave);
    expect(partRij[0]).toBe('<5');
    expect(werkRij[1]).not.toBe('6'); // hidden by secondary suppression (else 7 − 6 = 1)
    expect(weergave(t, 'totaal').at(-1)).toBe('7');
  });

  it('shows "nog geen gegevens" without a diagnosis source, and rungs climbed when there is one', () => {
    expect(ladderTabel(null, PERIODE).beschikbaar).toBe(false);
    const ladder = Array.from({ length: 6 }, (_, i) => [
      { persoonId: `l${i}`, datum: '2026-01-10', trede: 2 },
      { persoonId: `l${i}`, datum: '2026-06-10', trede: 3 },
    ]).flat();
    const t = ladderTabel(ladder, PERIODE);
    expect(weergave(t, 'een')).toEqual(['6']);
    expect(weergave(t, 'gelijk')).toEqual(['0']);
    expect(weergave(t, 'totaal')).toEqual(['6']);
  });

  it('builds every table; the CSV lines carry the same suppressed cells', () => {
    const tabellen = bouwDashboard([feit({ persoonId: 'eenling', teruggemeldOp: '2026-03-10', primaireReden: medisch })], null, PERIODE, PEIL);
    expect(tabellen.map((t) => t.sleutel)).toEqual([
      'terugval-per-aanbieder',
      'terugval-per-route',
      'terugmeldredenen',
      'doorlooptijd',
      'routewisselingen',
      'participatieladder',
    ]);
    const regels = tabelAlsRegels(tabellen[0]!);
    expect(regels[1]).toEqual(['Aanbieder A', '<5', '<5', '<5']);
    expect(JSON.stringify(tabellen)).not.toMatch(/"waarde":1\b/);
  });
});
