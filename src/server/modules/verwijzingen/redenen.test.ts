import { describe, expect, it } from 'vitest';
import { TERUGMELDREDEN_CATEGORIE_CODES } from '../../../shared/codes.js';
import { controleerGeldigheid, controleerRedenen, type RedenInLijst, redenGeldig, STANDAARD_TERUGMELDREDENEN } from './redenen.js';

const lijst: RedenInLijst[] = STANDAARD_TERUGMELDREDENEN.map((r, i) => ({
  id: `id-${i}`,
  code: r.code,
  label: r.label,
  categorie: r.categorie,
  versie: 1,
  geldigVan: '2026-01-01',
  geldigTot: r.code === 'vervoer' ? '2026-06-01' : null,
  toelichtingVerplicht: r.toelichtingVerplicht ?? false,
}));
const DATUM = '2026-11-23';

describe('standaardlijst', () => {
  it('has unique codes, valid categories, one positive exit and the reasons the issue names', () => {
    const codes = STANDAARD_TERUGMELDREDENEN.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of STANDAARD_TERUGMELDREDENEN) expect(TERUGMELDREDEN_CATEGORIE_CODES).toContain(r.categorie);
    expect(STANDAARD_TERUGMELDREDENEN.find((r) => r.code === 'werk_gevonden')?.categorie).toBe('positief');
    for (const c of ['medisch', 'zorgbehoefte', 'motivatie', 'taal', 'kinderopvang', 'schulden', 'huisvesting', 'anders_met_toelichting'])
      expect(codes).toContain(c);
  });
});

describe('controleerRedenen', () => {
  it('refuses a return without a coded reason', () => {
    const r = controleerRedenen([], lijst, DATUM, 'Hij kwam niet meer.');
    expect(r).toMatchObject({ ok: false, fouten: [{ name: 'redenen', code: 'verplicht' }] });
  });

  it('makes a single reason primary', () => {
    const r = controleerRedenen([{ code: 'medisch' }], lijst, DATUM, 'Rugklachten');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.redenen.map((x) => [x.reden.code, x.primair])).toEqual([['medisch', true]]);
  });

  it('needs exactly one primary among several reasons', () => {
    expect(controleerRedenen([{ code: 'medisch' }, { code: 'schulden' }], lijst, DATUM, 'x')).toMatchObject({ ok: false, fouten: [{ code: 'hoofdreden' }] });
    expect(
      controleerRedenen(
        [
          { code: 'medisch', primair: true },
          { code: 'schulden', primair: true },
        ],
        lijst,
        DATUM,
        'x',
      ),
    ).toMatchObject({ ok: false });
    const ok = controleerRedenen([{ code: 'medisch' }, { code: 'schulden', primair: true }], lijst, DATUM, 'x');
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.redenen.find((x) => x.primair)?.reden.code).toBe('schulden');
  });

  it('refuses unknown, retired and doubled reasons, naming the field', () => {
    expect(controleerRedenen([{ code: 'pech' }], lijst, DATUM, 'x')).toMatchObject({ ok: false, fouten: [{ name: 'redenen.0.code', code: 'onbekend' }] });
    expect(controleerRedenen([{ code: 'vervoer' }], lijst, DATUM, 'x')).toMatchObject({ ok: false, fouten: [{ code: 'niet_geldig' }] });
    expect(controleerRedenen([{ code: 'vervoer' }], lijst, '2026-05-31', 'x').ok).toBe(true);
    expect(controleerRedenen([{ code: 'taal', primair: true }, { code: 'taal' }], lijst, DATUM, 'x')).toMatchObject({
      ok: false,
      fouten: [{ name: 'redenen.1.code', code: 'dubbel' }],
    });
  });

  it('asks a concrete explanation for "anders"', () => {
    expect(controleerRedenen([{ code: 'anders_met_toelichting' }], lijst, DATUM, 'anders')).toMatchObject({ ok: false, fouten: [{ name: 'toelichting' }] });
    expect(controleerRedenen([{ code: 'anders_met_toelichting' }], lijst, DATUM, 'Is mantelzorger geworden voor zijn vader').ok).toBe(true);
  });

  it('treats geldig_tot as exclusive and checks the order of the dates', () => {
    expect(redenGeldig({ geldigVan: '2026-01-01', geldigTot: '2026-06-01' }, '2026-06-01')).toBe(false);
    expect(redenGeldig({ geldigVan: '2026-01-01', geldigTot: null }, '2025-12-31')).toBe(false);
    expect(controleerGeldigheid('2026-02-01', '2026-01-01')).toHaveLength(1);
    expect(controleerGeldigheid('2026-02-01', null)).toEqual([]);
  });
});
