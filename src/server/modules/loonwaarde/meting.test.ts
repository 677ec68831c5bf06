import { describe, expect, it } from 'vitest';
import { berekenLoonwaarde, type HoofdtaakInvoer, type MetingFout, type MetingInvoer, OngeldigeMeting, valideerMeting } from './meting.js';

const taak = (omschrijving: string, urenPerWeek: number, tempo: number, kwaliteit: number, inzetbaarheid: number): HoofdtaakInvoer => ({
  omschrijving,
  urenPerWeek,
  tempo,
  kwaliteit,
  inzetbaarheid,
});

/** A bakery: 32 hours over 4 days, three hoofdtaken covering 28 hours; normfunctie 38 hours. */
const invoer = (over: Partial<MetingInvoer> = {}): MetingInvoer => ({
  meetdatum: '2026-03-01',
  volgendeMetingOp: '2027-03-01',
  werkplek: { werkgever: 'Bakkerij Van der Veen', functie: 'Medewerker bakkerij', arbeidsurenPerWeek: 32, werkdagenPerWeek: 4 },
  normfunctie: { naam: 'Productiemedewerker bakkerij', omschrijving: 'Inpakken, vullen en schoonmaken in een ambachtelijke bakkerij', urenPerWeek: 38 },
  hoofdtaken: [taak('Brood en banket inpakken', 12, 80, 90, 90), taak('Schappen vullen', 10, 70, 100, 90), taak('Afwas en schoonmaak', 6, 90, 95, 100)],
  methode: 'Loonwaarde Methodiek (gevalideerd)',
  kwalificatie: { omschrijving: 'hbo Toegepaste Psychologie, 5 jaar loonwaardebepaling, gecertificeerd', hboOfGelijkwaardig: true, jarenErvaring: 5 },
  ...over,
});

/** The codes per field of a refused input. */
function geweigerd(i: MetingInvoer, opties: { vandaag?: string } = {}): Record<string, string[]> {
  let fouten: MetingFout[] = [];
  try {
    berekenLoonwaarde(i, opties);
  } catch (error) {
    expect(error).toBeInstanceOf(OngeldigeMeting);
    fouten = (error as OngeldigeMeting).fouten;
  }
  expect(fouten.length, 'expected the input to be refused').toBeGreaterThan(0);
  expect(valideerMeting(i, opties)).toEqual(fouten);
  const perVeld: Record<string, string[]> = {};
  for (const f of fouten) {
    expect(f.reden.length).toBeGreaterThan(10);
    perVeld[f.veld] = [...(perVeld[f.veld] ?? []), f.code];
  }
  return perVeld;
}

describe('loonwaarde: worked examples', () => {
  it('three hoofdtaken, time-weighted: 68.59% → 69%', () => {
    // Taakwaarde = T × K × I:
    //   1. 0.80 × 0.90 × 0.90 = 0.648 → 64.8%   12 h
    //   2. 0.70 × 1.00 × 0.90 = 0.630 → 63.0%   10 h
    //   3. 0.90 × 0.95 × 1.00 = 0.855 → 85.5%    6 h
    // Hoofdtaken 28 h of the 32-hour week; 4 h overige taken, not measured.
    // Loonwaarde = (64.8 × 12 + 63 × 10 + 85.5 × 6) / 28 = (777.6 + 630 + 513) / 28 = 1920.6 / 28 = 68.5928… → 69%.
    const u = berekenLoonwaarde(invoer());
    expect(u.taken.map((t) => t.taakwaarde)).toEqual([64.8, 63, 85.5]);
    // Shares: 12/28 = 42.857…%, 10/28 = 35.714…%, 6/28 = 21.428…%.
    expect(u.taken.map((t) => t.aandeel)).toEqual([42.86, 35.71, 21.43]);
    // Share of the week: 12/32, 10/32, 6/32.
    expect(u.taken.map((t) => t.aandeelWerkweek)).toEqual([37.5, 31.25, 18.75]);
    // Contributions: 64.8 × 12/28 = 27.771…, 63 × 10/28 = 22.5, 85.5 × 6/28 = 18.321…
    expect(u.taken.map((t) => t.bijdrage)).toEqual([27.77, 22.5, 18.32]);
    expect(u.exacteLoonwaarde).toBe(68.59);
    expect(u.berekendeLoonwaarde).toBe(69);
    expect(u.loonwaarde).toBe(69);
    expect(u.afgeweken).toBe(false);
    expect(u.urenHoofdtaken).toBe(28);
    expect(u.urenOverigeTaken).toBe(4);
    expect(u.toelichting.join(' ')).toContain('overige taken');
    // Every step is shown, the last one gives the outcome.
    expect(u.stappen[0]).toMatchObject({ omschrijving: 'Tijd in hoofdtaken per week', berekening: '12 + 10 + 6', uitkomst: 28, eenheid: 'uur' });
    expect(u.stappen.find((s) => s.omschrijving.startsWith('Hoofdtaak 1: taakwaarde'))).toMatchObject({ berekening: '80% × 90% × 90%', uitkomst: 64.8 });
    expect(u.stappen.at(-1)).toMatchObject({ omschrijving: 'Loonwaarde afgerond op een heel procent', uitkomst: 69 });
    expect(u.stappen.map((s) => s.nr)).toEqual(u.stappen.map((_, i) => i + 1));
  });

  it('one hoofdtaak covering the whole week: the loonwaarde is its taakwaarde, and no overige taken', () => {
    // 0.75 × 0.80 × 1.00 = 60% for all 20 hours.
    const u = berekenLoonwaarde(invoer({ werkplek: { ...invoer().werkplek, arbeidsurenPerWeek: 20 }, hoofdtaken: [taak('Post sorteren', 20, 75, 80, 100)] }));
    expect(u.loonwaarde).toBe(60);
    expect(u.exacteLoonwaarde).toBe(60);
    expect(u.urenOverigeTaken).toBe(0);
    expect(u.toelichting.join(' ')).not.toContain('overige taken');
  });

  it('rounds half up, only at the end: 50% and 51% over equal time → 50.5 → 51', () => {
    const u = berekenLoonwaarde(invoer({ hoofdtaken: [taak('A', 8, 50, 100, 100), taak('B', 8, 51, 100, 100)] }));
    expect(u.exacteLoonwaarde).toBe(50.5);
    expect(u.loonwaarde).toBe(51);
    // 68.49… stays 68: 0.7 × 0.9783 × 1 = 68.481% for 10 h.
    expect(berekenLoonwaarde(invoer({ hoofdtaken: [taak('A', 10, 70, 97.83, 100)] })).loonwaarde).toBe(68);
    // Float noise does not flip the rounding: (30 + 30.5 + 31) / 3 = 30.5 on paper → 31, though in
    // binary floating point 30 × 2.3/6.9 + 30.5 × 2.3/6.9 + 31 × 2.3/6.9 is 30.499999999999996.
    const drie = [taak('A', 2.3, 30, 100, 100), taak('B', 2.3, 30.5, 100, 100), taak('C', 2.3, 31, 100, 100)];
    expect(berekenLoonwaarde(invoer({ hoofdtaken: drie })).loonwaarde).toBe(31);
  });

  it('tempo above 100% makes up for lower kwaliteit within one task, but a task counts for at most 100%', () => {
    // 1. 1.30 × 0.90 × 1.00 = 1.17 → capped at 100%.   16 h
    // 2. 1.10 × 0.80 × 1.00 = 0.88 →  88%.              16 h
    // Loonwaarde = (100 × 16 + 88 × 16) / 32 = 94%.
    const u = berekenLoonwaarde(invoer({ hoofdtaken: [taak('Snel inpakken', 16, 130, 90, 100), taak('Bestellingen klaarzetten', 16, 110, 80, 100)] }));
    expect(u.taken.map((t) => [t.taakwaarde, t.begrensd])).toEqual([
      [100, true],
      [88, false],
    ]);
    expect(u.loonwaarde).toBe(94);
    expect(u.stappen.some((s) => s.omschrijving.includes('ten hoogste 100%'))).toBe(true);
  });

  it('stays within 0–100: all tasks at the norm give 100%, zero scores give 0%', () => {
    expect(berekenLoonwaarde(invoer({ hoofdtaken: [taak('A', 16, 150, 100, 100), taak('B', 16, 100, 100, 100)] })).loonwaarde).toBe(100);
    expect(berekenLoonwaarde(invoer({ hoofdtaken: [taak('A', 16, 0, 100, 100), taak('B', 16, 100, 0, 100)] })).loonwaarde).toBe(0);
  });

  it('the deskundige may set a different loonwaarde with a reason; the calculated value stays recorded', () => {
    const u = berekenLoonwaarde(invoer({ afwijking: { loonwaarde: 65, reden: 'De werknemer werkte in de meetweek in een ongewoon rustige periode.' } }));
    expect(u.loonwaarde).toBe(65);
    expect(u.berekendeLoonwaarde).toBe(69);
    expect(u.afgeweken).toBe(true);
    expect(u.afwijkingsreden).toContain('rustige periode');
    expect(u.stappen.at(-1)).toMatchObject({ berekening: '69% → 65%', uitkomst: 65 });
  });

  it('notes when the person works more hours than the normfunctie’s full-time week', () => {
    const u = berekenLoonwaarde(invoer({ werkplek: { ...invoer().werkplek, arbeidsurenPerWeek: 40, werkdagenPerWeek: 5 } }));
    expect(u.toelichting.join(' ')).toContain('ten hoogste 38 uur');
  });

  it('accepts a hoofdtaak of exactly 1/16 of the week and exactly 30 minutes per day', () => {
    // 32 h / 16 = 2 h; over 4 days that is 30 minutes per day.
    const u = berekenLoonwaarde(invoer({ hoofdtaken: [taak('Groot', 20, 80, 100, 100), taak('Klein', 2, 100, 100, 100)] }));
    // (80 × 20 + 100 × 2) / 22 = 1800 / 22 = 81.818… → 82%.
    expect(u.loonwaarde).toBe(82);
  });
});

describe('loonwaarde: refused input', () => {
  it('refuses no hoofdtaken and more than 5', () => {
    expect(geweigerd(invoer({ hoofdtaken: [] }))).toEqual({ hoofdtaken: ['aantal_hoofdtaken'] });
    const zes = Array.from({ length: 6 }, (_, i) => taak(`Taak ${i + 1}`, 4, 80, 80, 80));
    expect(geweigerd(invoer({ hoofdtaken: zes }))).toEqual({ hoofdtaken: ['aantal_hoofdtaken'] });
  });

  it('refuses hoofdtaken that together take more than the week', () => {
    // 20 + 15 = 35 h > 32 h.
    const f = geweigerd(invoer({ hoofdtaken: [taak('A', 20, 80, 80, 80), taak('B', 15, 80, 80, 80)] }));
    expect(f).toEqual({ hoofdtaken: ['meer_dan_werkweek'] });
  });

  it('refuses a hoofdtaak under 1/16 of the week', () => {
    // 32 / 16 = 2 h; 1.5 h is too little.
    const f = geweigerd(invoer({ hoofdtaken: [taak('A', 20, 80, 80, 80), taak('B', 1.5, 80, 80, 80)] }));
    expect(f).toEqual({ 'hoofdtaken.1.urenPerWeek': ['hoofdtaak_te_klein'] });
  });

  it('refuses a hoofdtaak under 30 minutes per working day even when it passes 1/16', () => {
    // 8 h over 5 days: 1/16 = 0.5 h, so 1 h passes; but 60 / 5 = 12 minutes per day.
    const werkplek = { ...invoer().werkplek, arbeidsurenPerWeek: 8, werkdagenPerWeek: 5 };
    const f = geweigerd(invoer({ werkplek, hoofdtaken: [taak('A', 6, 80, 80, 80), taak('B', 1, 80, 80, 80)] }));
    expect(f).toEqual({ 'hoofdtaken.1.urenPerWeek': ['te_weinig_per_werkdag'] });
  });

  it('refuses scores outside their range, naming each one', () => {
    const f = geweigerd(
      invoer({
        hoofdtaken: [taak('A', 10, -1, 101, 100), taak('B', 10, 151, 100, Number.NaN)],
      }),
    );
    expect(f).toEqual({
      'hoofdtaken.0.tempo': ['buiten_bereik'],
      'hoofdtaken.0.kwaliteit': ['buiten_bereik'],
      'hoofdtaken.1.tempo': ['buiten_bereik'],
      'hoofdtaken.1.inzetbaarheid': ['buiten_bereik'],
    });
  });

  it('refuses a loonwaarde outside 0–100, a fraction, and a deviation without a reason', () => {
    expect(geweigerd(invoer({ afwijking: { loonwaarde: 101, reden: 'Een goede reden om af te wijken.' } }))).toEqual({
      'afwijking.loonwaarde': ['buiten_bereik'],
    });
    expect(geweigerd(invoer({ afwijking: { loonwaarde: -5, reden: 'Een goede reden om af te wijken.' } }))).toEqual({
      'afwijking.loonwaarde': ['buiten_bereik'],
    });
    expect(geweigerd(invoer({ afwijking: { loonwaarde: 62.5, reden: 'Een goede reden om af te wijken.' } }))).toEqual({
      'afwijking.loonwaarde': ['buiten_bereik'],
    });
    expect(geweigerd(invoer({ afwijking: { loonwaarde: 60, reden: '  kort  ' } }))).toEqual({ 'afwijking.reden': ['reden_ontbreekt'] });
  });

  it('refuses wrong dates: next measurement not after the meetdatum, a meetdatum in the future, a non-date', () => {
    expect(geweigerd(invoer({ volgendeMetingOp: '2026-03-01' }))).toEqual({ volgendeMetingOp: ['datum_volgorde'] });
    expect(geweigerd(invoer(), { vandaag: '2026-02-28' })).toEqual({ meetdatum: ['datum_in_toekomst'] });
    expect(geweigerd(invoer({ meetdatum: '2026-02-30' }))).toEqual({ meetdatum: ['ongeldige_datum'] });
  });

  it('refuses a deskundige without the qualification of Regeling LKS 2021 art. 3', () => {
    const f = geweigerd(invoer({ kwalificatie: { omschrijving: 'mbo 4, 1 jaar ervaring', hboOfGelijkwaardig: false, jarenErvaring: 1 } }));
    expect(f).toEqual({ 'kwalificatie.hboOfGelijkwaardig': ['kwalificatie'], 'kwalificatie.jarenErvaring': ['kwalificatie'] });
  });

  it('refuses empty texts and impossible hours, and reports every problem at once', () => {
    const f = geweigerd(
      invoer({
        werkplek: { werkgever: ' ', functie: '', arbeidsurenPerWeek: 0, werkdagenPerWeek: 8 },
        normfunctie: { naam: '', omschrijving: '', urenPerWeek: 50 },
        methode: '',
        hoofdtaken: [taak('', 0, 80, 80, 80)],
      }),
    );
    expect(Object.keys(f).sort()).toEqual(
      [
        'werkplek.werkgever',
        'werkplek.functie',
        'werkplek.arbeidsurenPerWeek',
        'werkplek.werkdagenPerWeek',
        'normfunctie.naam',
        'normfunctie.omschrijving',
        'normfunctie.urenPerWeek',
        'hoofdtaken.0.omschrijving',
        'hoofdtaken.0.urenPerWeek',
        'methode',
      ].sort(),
    );
  });
});
