import { describe, expect, it } from 'vitest';
import { OPLEIDINGSNIVEAUS } from '../../../shared/codes.js';
import { FML_ITEM_BY_CODE } from '../belastbaarheid/fml-catalogus.js';
import { CATALOGUS_TOELICHTING, type FunctieData, FUNCTIEGROEPEN, REGIONALE_FUNCTIES, SECTOREN, TAKEN } from './catalogus-data.js';

/** A person's profile on the same items: ordinal level, or the conditions the person needs. */
type Profiel = Readonly<Record<string, number | readonly string[]>>;

/** Items on which the person does not fit the function, by the semantics documented in catalogus-data.ts. */
function knelpunten(functie: FunctieData, persoon: Profiel): string[] {
  const uit: string[] = [];
  for (const [code, nodig] of Object.entries(persoon)) {
    const belasting = functie.belasting[code];
    if (belasting === undefined) continue;
    if (typeof nodig === 'number') {
      if (typeof belasting === 'number' && nodig > belasting) uit.push(code);
    } else if (typeof belasting !== 'number' && nodig.some((c) => belasting.includes(c))) {
      uit.push(code);
    }
  }
  return uit;
}
const past = (f: FunctieData, p: Profiel) => knelpunten(f, p).length === 0;
const verwant = (a: FunctieData, b: FunctieData) => a.code !== b.code && (a.groep === b.groep || a.taken.some((t) => b.taken.includes(t)));
const functie = (code: string) => {
  const f = REGIONALE_FUNCTIES.find((x) => x.code === code);
  if (!f) throw new Error(`functie ${code} ontbreekt`);
  return f;
};

/** Back problems: lifting ~5 kg, frequent bending ~150×/h, no twisting, bent posture ≤5 min, carrying ~5 kg. */
const RUGKLACHTEN: Profiel = { 'IV.13': 3, 'IV.10': 2, 'IV.11': 1, 'V.6': 1, 'IV.14': 3 };

describe('function catalogue seed data', () => {
  it('has at least 160 functions with unique kebab-case codes and unique names', () => {
    expect(REGIONALE_FUNCTIES.length).toBeGreaterThanOrEqual(160);
    const codes = REGIONALE_FUNCTIES.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c, c).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const namen = REGIONALE_FUNCTIES.map((f) => f.naam);
    expect(new Set(namen).size).toBe(namen.length);
  });

  it('has at least 25 groups, each with at least 3 functions and an existing sector matching its functions', () => {
    const groepen = Object.entries(FUNCTIEGROEPEN);
    expect(groepen.length).toBeGreaterThanOrEqual(25);
    for (const [groep, { sector }] of groepen) {
      expect(Object.hasOwn(SECTOREN, sector), `${groep}: sector ${sector}`).toBe(true);
      expect(REGIONALE_FUNCTIES.filter((f) => f.groep === groep).length, groep).toBeGreaterThanOrEqual(3);
    }
    for (const f of REGIONALE_FUNCTIES) {
      expect(Object.hasOwn(FUNCTIEGROEPEN, f.groep), `${f.code}: groep`).toBe(true);
      expect(f.sector, `${f.code}: sector`).toBe(FUNCTIEGROEPEN[f.groep].sector);
    }
  });

  it('gives every function a valid ISCO code, education level and hours', () => {
    for (const f of REGIONALE_FUNCTIES) {
      expect(f.isco, f.code).toMatch(/^\d{4}$/);
      expect(Object.hasOwn(OPLEIDINGSNIVEAUS, f.opleidingsniveau), f.code).toBe(true);
      expect(f.urenMin, f.code).toBeGreaterThan(0);
      expect(f.urenMax, f.code).toBeGreaterThanOrEqual(f.urenMin);
      expect(f.urenMax, f.code).toBeLessThanOrEqual(40);
    }
    // The target group needs low-threshold work: most functions ask for at most mbo 2.
    const laag = REGIONALE_FUNCTIES.filter((f) => OPLEIDINGSNIVEAUS[f.opleidingsniveau].rang <= OPLEIDINGSNIVEAUS.mbo2.rang);
    expect(laag.length / REGIONALE_FUNCTIES.length).toBeGreaterThan(0.5);
  });

  it('gives every function 3–6 distinct tasks from TAKEN and uses every task', () => {
    const taken = new Set<string>(TAKEN);
    expect(taken.size).toBe(TAKEN.length);
    const gebruikt = new Set<string>();
    for (const f of REGIONALE_FUNCTIES) {
      expect(f.taken.length, f.code).toBeGreaterThanOrEqual(3);
      expect(f.taken.length, f.code).toBeLessThanOrEqual(6);
      expect(new Set(f.taken).size, f.code).toBe(f.taken.length);
      for (const t of f.taken) {
        expect(taken.has(t), `${f.code}: ${t}`).toBe(true);
        gebruikt.add(t);
      }
    }
    expect(TAKEN.filter((t) => !gebruikt.has(t))).toEqual([]);
  });

  it('uses only FML items, with ordinal levels below the maximum and valid, unique, non-empty conditions', () => {
    for (const f of REGIONALE_FUNCTIES) {
      const items = Object.entries(f.belasting);
      expect(items.length, f.code).toBeGreaterThanOrEqual(3);
      for (const [code, waarde] of items) {
        const item = FML_ITEM_BY_CODE.get(code);
        expect(item, `${f.code}: ${code}`).toBeDefined();
        if (!item) continue;
        if (item.soort === 'ordinaal') {
          expect(typeof waarde, `${f.code}: ${code}`).toBe('number');
          expect(Number.isInteger(waarde), `${f.code}: ${code}`).toBe(true);
          expect(waarde, `${f.code}: ${code}`).toBeGreaterThanOrEqual(0);
          // The maximum level fits everyone, so such an item must be omitted.
          expect(waarde, `${f.code}: ${code}`).toBeLessThan(item.niveaus.length - 1);
        } else {
          expect(Array.isArray(waarde), `${f.code}: ${code}`).toBe(true);
          const codes = waarde as readonly string[];
          expect(codes.length, `${f.code}: ${code}`).toBeGreaterThan(0);
          expect(new Set(codes).size, `${f.code}: ${code}`).toBe(codes.length);
          for (const c of codes) expect(Object.hasOwn(item.voorwaarden, c), `${f.code}: ${code} ${c}`).toBe(true);
        }
      }
    }
  });

  it('derives VI.3 (uren per week) from the minimum weekly hours', () => {
    const urenPerNiveau = [Number.POSITIVE_INFINITY, 40, 30, 20, 10];
    for (const f of REGIONALE_FUNCTIES) {
      let verwacht = 0;
      urenPerNiveau.forEach((uren, niveau) => {
        if (uren >= f.urenMin) verwacht = niveau;
      });
      expect(f.belasting['VI.3'] ?? 4, f.code).toBe(verwacht);
    }
  });

  it('differentiates loads: heavy and light functions exist side by side', () => {
    const tillen = (f: FunctieData) => {
      const waarde = f.belasting['IV.13'] ?? 4;
      return typeof waarde === 'number' ? waarde : -1;
    };
    expect(REGIONALE_FUNCTIES.filter((f) => tillen(f) === 0).length).toBeGreaterThanOrEqual(10);
    expect(REGIONALE_FUNCTIES.filter((f) => tillen(f) >= 3).length).toBeGreaterThanOrEqual(40);
    expect(REGIONALE_FUNCTIES.filter((f) => f.belasting['IV.4'] === 0).length).toBeGreaterThanOrEqual(20);
    expect(REGIONALE_FUNCTIES.filter((f) => f.belasting['VI.1'] !== undefined).length).toBeGreaterThanOrEqual(20);
    expect(REGIONALE_FUNCTIES.filter((f) => f.belasting['II.12'] !== undefined).length).toBeGreaterThanOrEqual(20);
  });

  it('back-problems scenario: metselaar does not fit, at least 4 related functions do', () => {
    const metselaar = functie('metselaar');
    expect(metselaar.groep).toBe('metselwerk_en_ruwbouw');
    expect(metselaar.sector).toBe('bouw');
    for (const code of ['IV.13', 'IV.14', 'IV.9', 'IV.10', 'IV.11', 'V.6', 'IV.20', 'III.1']) expect(metselaar.belasting[code], code).toBe(0);
    expect(knelpunten(metselaar, RUGKLACHTEN).sort()).toEqual(['IV.10', 'IV.11', 'IV.13', 'IV.14', 'V.6']);

    const passendVerwant = REGIONALE_FUNCTIES.filter((f) => verwant(metselaar, f) && past(f, RUGKLACHTEN));
    expect(passendVerwant.length).toBeGreaterThanOrEqual(4);
    for (const code of ['werkvoorbereider-bouw', 'calculator-bouw', 'tekenaar-bouwkunde', 'medewerker-materiaaluitgifte-bouw']) {
      expect(
        passendVerwant.some((f) => f.code === code),
        code,
      ).toBe(true);
    }
  });

  it('offers lighter related functions in other heavy groups too', () => {
    for (const code of ['orderpicker', 'hovenier', 'medewerker-groenvoorziening', 'opperman']) {
      const zwaar = functie(code);
      expect(past(zwaar, RUGKLACHTEN), code).toBe(false);
      expect(REGIONALE_FUNCTIES.filter((f) => verwant(zwaar, f) && past(f, RUGKLACHTEN)).length, code).toBeGreaterThanOrEqual(2);
    }
    // Across the catalogue: every function the back-problems profile does not fit has a related function that does.
    const zonderAlternatief = REGIONALE_FUNCTIES.filter((f) => !past(f, RUGKLACHTEN))
      .filter((f) => !REGIONALE_FUNCTIES.some((g) => verwant(f, g) && past(g, RUGKLACHTEN)))
      .map((f) => f.code);
    expect(zonderAlternatief).toEqual([]);
  });

  it('mismatches on conditions a function cannot offer', () => {
    const geenKlantcontact: Profiel = { 'II.12': ['weinig_klantcontact'] };
    expect(past(functie('receptionist'), geenKlantcontact)).toBe(false);
    expect(past(functie('data-invoerder'), geenKlantcontact)).toBe(true);
    const rustig: Profiel = { 'I.8': ['geen_hoog_tempo', 'geen_deadlines'] };
    expect(past(functie('klantenservicemedewerker'), rustig)).toBe(false);
    expect(REGIONALE_FUNCTIES.filter((f) => past(f, rustig)).length).toBeGreaterThanOrEqual(40);
  });

  it('states in Dutch that the loads are illustrative and must be checked', () => {
    expect(CATALOGUS_TOELICHTING).toMatch(/illustratie/i);
    expect(CATALOGUS_TOELICHTING).toMatch(/arbeidsdeskundige/);
    expect(CATALOGUS_TOELICHTING).toMatch(/CBBS/);
  });
});
