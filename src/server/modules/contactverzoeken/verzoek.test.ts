import { describe, expect, it } from 'vitest';
import {
  antwoordtermijn,
  groepscijfers,
  MINIMALE_GROEP,
  mediaan,
  percentiel,
  plusWerkdagen,
  STANDAARD_ANTWOORDTERMIJN,
  type StatistiekRij,
  statistiek,
  teLaat,
  werkgeverStatus,
} from './verzoek.js';

const rij = (gemeenteId: string, status: StatistiekRij['status'], dagen: number | null, deadline = '2026-01-10'): StatistiekRij => {
  const aangemaaktOp = new Date('2026-01-01T09:00:00Z');
  return { gemeenteId, status, aangemaaktOp, beantwoordOp: dagen === null ? null : new Date(aangemaaktOp.getTime() + dagen * 86_400_000), deadline };
};

describe('answer term', () => {
  it('counts working days, skipping the weekend', () => {
    expect(plusWerkdagen('2026-11-23', 5)).toBe('2026-11-30'); // Monday → next Monday
    expect(plusWerkdagen('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(plusWerkdagen('2026-11-28', 1)).toBe('2026-11-30'); // Saturday → Monday
    expect(plusWerkdagen('2026-11-25', 2)).toBe('2026-11-27');
  });
  it("uses the gemeente's own term when set, else the regional default with its source", () => {
    expect(antwoordtermijn(undefined)).toEqual({ werkdagen: STANDAARD_ANTWOORDTERMIJN.werkdagen, bron: STANDAARD_ANTWOORDTERMIJN.bron });
    expect(antwoordtermijn({ contactverzoek_termijn_werkdagen: null, contactverzoek_termijn_bron: null }).werkdagen).toBe(STANDAARD_ANTWOORDTERMIJN.werkdagen);
    expect(antwoordtermijn({ contactverzoek_termijn_werkdagen: 3, contactverzoek_termijn_bron: 'Beleidsregel 2026' })).toEqual({
      werkdagen: 3,
      bron: 'Beleidsregel 2026',
    });
    expect(STANDAARD_ANTWOORDTERMIJN.bron.length).toBeGreaterThan(20);
  });
  it('flags only open requests past their deadline', () => {
    expect(teLaat('nieuw', '2026-11-20', '2026-11-23')).toBe(true);
    expect(teLaat('in_behandeling', '2026-11-23', '2026-11-23')).toBe(false);
    expect(teLaat('ja', '2026-11-20', '2026-11-23')).toBe(false);
  });
});

describe('what the employer is shown', () => {
  it('is "in behandeling" while open and neutral on no or lapse', () => {
    expect(werkgeverStatus('nieuw').code).toBe('in_behandeling');
    expect(werkgeverStatus('in_behandeling').code).toBe('in_behandeling');
    expect(werkgeverStatus('nee')).toEqual(werkgeverStatus('verlopen'));
    expect(werkgeverStatus('ja').code).toBe('ja');
  });
});

describe('response-time statistics', () => {
  it('median and nearest-rank p90', () => {
    expect(mediaan([1, 2, 3, 4])).toBe(2.5);
    expect(mediaan([5, 1, 9].sort((a, b) => a - b))).toBe(5);
    expect(percentiel([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentiel([1, 2, 3], 90)).toBe(3);
    expect(mediaan([])).toBeNull();
  });

  it('computes a group of at least 5: shares, days to answer, open overdue', () => {
    const rijen = [
      rij('a', 'ja', 1),
      rij('a', 'ja', 2),
      rij('a', 'nee', 3),
      rij('a', 'ja', 4),
      rij('a', 'nee', 10),
      rij('a', 'nieuw', null, '2026-01-05'),
      rij('a', 'ingetrokken', null),
    ];
    const c = groepscijfers(rijen, '2026-01-08');
    expect(c).toEqual({ onderdrukt: false, aantal: 7, aandeelBeantwoord: 0.833, mediaanDagen: 3, p90Dagen: 10, aandeelJa: 0.6, openTeLaat: 1 });
  });

  it('suppresses a group smaller than the threshold, and response times over fewer than 5 answers', () => {
    const vier = [rij('a', 'ja', 1), rij('a', 'ja', 2), rij('a', 'nee', 3), rij('a', 'ja', 4)];
    expect(groepscijfers(vier, '2026-01-08')).toMatchObject({ onderdrukt: true, aantal: null, mediaanDagen: null, aandeelJa: null, openTeLaat: null });
    const weinigAntwoorden = [...vier, rij('a', 'nieuw', null)];
    expect(groepscijfers(weinigAntwoorden, '2026-01-08')).toMatchObject({ onderdrukt: false, aantal: 5, mediaanDagen: null, p90Dagen: null, aandeelJa: null });
    expect(MINIMALE_GROEP.aantal).toBe(5);
  });

  it('suppresses a second gemeente when only one would be hidden (the region total would give it away)', () => {
    const groot = Array.from({ length: 8 }, () => rij('groot', 'ja', 2));
    const middel = Array.from({ length: 6 }, () => rij('middel', 'nee', 3));
    const klein = [rij('klein', 'ja', 1), rij('klein', 'nee', 1)];
    const s = statistiek([...groot, ...middel, ...klein], ['groot', 'middel', 'klein', 'leeg'], '2026-01-08');
    const per = Object.fromEntries(s.perGemeente.map((g) => [g.gemeenteId, g.cijfers]));
    expect(per.klein!.onderdrukt).toBe(true);
    expect(per.middel!.onderdrukt).toBe(true); // the smallest shown one goes too
    expect(per.groot).toMatchObject({ onderdrukt: false, aantal: 8 });
    expect(s.regio).toMatchObject({ onderdrukt: false, aantal: 16 });
    // With two small gemeenten the difference no longer reveals one of them: nothing extra hidden.
    const s2 = statistiek([...groot, ...middel, ...klein, rij('ander', 'ja', 1)], ['groot', 'middel', 'klein', 'ander'], '2026-01-08');
    expect(s2.perGemeente.find((g) => g.gemeenteId === 'middel')!.cijfers.onderdrukt).toBe(false);
  });
});
