import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRAJECTROUTE_CODES, type Trajectroute } from '../../../shared/codes.js';
import {
  type Advies,
  BESCHERMDE_GROND_CODES,
  berekenAdvies,
  detecteerBeschermdeGronden,
  effectiefKader,
  FACTOREN,
  type Factor,
  type FactorGrens,
  type Factorwaarde,
  type Factorwaarden,
  type Gemeentekader,
  GEWICHT_MAX,
  OngeldigeFactorwaarden,
  type Regiogrenzen,
  type Richting,
  RICHTINGEN,
  standaardGemeentekader,
  standaardRegiogrenzen,
  valideerFactorwaarden,
  valideerGemeentekader,
  valideerRegiogrenzen,
} from './afwegingskader.js';

const standaard = () => effectiefKader(standaardGemeentekader(), standaardRegiogrenzen()).kader;
const route = (a: Advies, r: Trajectroute) => a.routes.find((x) => x.route === r)!;
const netto = (a: Advies) => Object.fromEntries(a.routes.map((r) => [r.route, r.netto]));

describe('catalogue', () => {
  it('every protected factor is neutral by default and in its default bounds', () => {
    const beschermd = FACTOREN.filter((f) => f.beschermdeGrond);
    expect(beschermd.map((f) => f.beschermdeGrond).sort()).toEqual(
      ['burgerlijke_staat', 'geslacht', 'godsdienst', 'handicap', 'herkomst', 'leeftijd', 'seksuele_gerichtheid', 'werkgeversweerstand', 'zwangerschap'].sort(),
    );
    for (const f of beschermd) {
      expect(f.standaardGewicht, f.code).toBe(0);
      expect(f.effecten, f.code).toEqual({});
      expect(f.standaardGrenzen.maxGewicht, f.code).toBe(0);
    }
  });

  it('the default configuration passes its own validation', () => {
    expect(valideerRegiogrenzen(standaardRegiogrenzen())).toEqual([]);
    expect(valideerGemeentekader(standaardGemeentekader(), standaardRegiogrenzen())).toEqual([]);
  });

  it('motivation weighs most heavily by default and can never argue against work (seed 001)', () => {
    const m = FACTOREN.find((f) => f.code === 'motivatie')!;
    expect(m.standaardGewicht).toBe(Math.max(...FACTOREN.map((f) => f.standaardGewicht)));
    expect(m.standaardGrenzen.richtingen.werk_via_reintegratie).toEqual(['voor']);
    expect(m.standaardGrenzen.minGewicht).toBeGreaterThanOrEqual(3);
  });
});

describe('worked examples (defaults)', () => {
  it('the 65-year-old who very much wants to work: motivation counts, age and employer reluctance do not', () => {
    const waarden: Factorwaarden = {
      motivatie: 5,
      eigen_wens: 'werk_via_reintegratie',
      participatieladder: 2,
      werkervaring: 3,
      leeftijd: 65,
      werkgeversweerstand: ['leeftijd'],
    };
    const a = berekenAdvies({ waarden, kader: standaard() });
    const werk = route(a, 'werk_via_reintegratie');
    // motivatie 4×1×1 + wens 3 + ladder 2×(2−1)/5 + werkervaring 2×1 = 9.4
    expect(werk.voor).toBe(9.4);
    expect(werk.tegen).toBe(0);
    expect(werk.oordeel).toBe('meest_passend');
    expect(werk.argumentenVoor.map((x) => [x.factor, x.bijdrage])).toEqual([
      ['motivatie', 4],
      ['eigen_wens', 3],
      ['werkervaring', 2],
      ['participatieladder', 0.4],
    ]);
    // ladder 2 is low: 2×(6−2)/5 = 1.6 for a participatietraject
    expect(route(a, 'participatietraject').netto).toBe(1.6);
    expect(a.meestPassend).toEqual(['werk_via_reintegratie']);
    expect(a.label).toBe('Advies, geen besluit');
    expect(a.nietMeegewogen.map((n) => n.factor)).toEqual(['leeftijd', 'werkgeversweerstand']);
    expect(a.nietMeegewogen[0]!.waarde).toBe('65 jaar');
    expect(a.aandachtspunten.join(' ')).toContain('werkgeversdienstverlening');
    // The same person at 30 without employer reluctance gets exactly the same scores.
    const jonger = berekenAdvies({ waarden: { ...waarden, leeftijd: 30, werkgeversweerstand: [] }, kader: standaard() });
    expect(netto(jonger)).toEqual(netto(a));
  });

  it('a very motivated pregnant woman with debts: work first, debts point to the wijkteam, pregnancy does not count', () => {
    const a = berekenAdvies({ waarden: { motivatie: 5, zwangerschap: true, financien: 2, werkgeversweerstand: ['zwangerschap'] }, kader: standaard() });
    // financien 2 on ZRM 1–5: applies for (5−2)/4 = 0.75 → wijkteam 2×0.75 = 1.5, against work 2×0.5×0.75 = 0.75
    expect(route(a, 'werk_via_reintegratie')).toMatchObject({ voor: 4, tegen: 0.75, netto: 3.25, rang: 1 });
    expect(route(a, 'doorverwijzing_wijkteam')).toMatchObject({ voor: 1.5, netto: 1.5, oordeel: 'passend' });
    expect(route(a, 'werk_via_reintegratie').argumentenTegen[0]).toMatchObject({ factor: 'financien', bijdrage: -0.75, sterkte: 0.75 });
    expect(a.nietMeegewogen.map((n) => n.grond)).toEqual(['zwangerschap', 'werkgeversweerstand']);
  });

  it('few obstacles but not motivated: still a route to work (seed 001)', () => {
    const a = berekenAdvies({
      waarden: { motivatie: 1, participatieladder: 4, werkervaring: 2, financien: 5, huisvesting: 5, belastbaarheid_bekend: true },
      kader: standaard(),
    });
    // ladder 2×0.6 = 1.2 + werkervaring 2×2/3 = 1.33 + belastbaarheid 1 = 3.53
    expect(route(a, 'werk_via_reintegratie').netto).toBe(3.53);
    // ladder 2×0.4 = 0.8 + werkervaring 2×0.5×1/3 = 0.33
    expect(route(a, 'participatietraject').netto).toBe(1.13);
    expect(a.meestPassend).toEqual(['werk_via_reintegratie']);
    expect(route(a, 'werk_via_reintegratie').argumentenTegen).toEqual([]);
  });

  it('lasting intensive support and a UWV question point to beschut werk and UWV', () => {
    const a = berekenAdvies({
      waarden: { ondersteuning_werkplek: 'blijvend_intensief', uwv_regeling: true, belastbaarheid_bekend: false },
      kader: standaard(),
    });
    expect(route(a, 'advies_beschut_werk').netto).toBe(3);
    // uwv_regeling 3 + belastbaarheid unknown 1×0.5
    expect(route(a, 'doorverwijzing_uwv').netto).toBe(3.5);
    expect(a.meestPassend).toEqual(['doorverwijzing_uwv']);
    expect(route(a, 'werk_via_reintegratie').oordeel).toBe('geen_argumenten');
  });

  it('lists unknown factors and counts them nowhere', () => {
    const a = berekenAdvies({ waarden: {}, kader: standaard() });
    expect(a.meestPassend).toEqual([]);
    expect(a.routes.every((r) => r.netto === 0 && r.oordeel === 'geen_argumenten')).toBe(true);
    expect(a.ontbrekend.map((o) => o.factor)).toContain('motivatie');
    expect(a.ontbrekend.map((o) => o.factor)).not.toContain('leeftijd');
  });

  it("a gemeente's own weights change the advice within the region's bounds", () => {
    const eigen = standaardGemeentekader();
    eigen.financien = { gewicht: 4, richtingen: { doorverwijzing_wijkteam: 'voor', werk_via_reintegratie: 'geen' } };
    expect(valideerGemeentekader(eigen, standaardRegiogrenzen())).toEqual([]);
    const a = berekenAdvies({ waarden: { financien: 1 }, kader: effectiefKader(eigen, standaardRegiogrenzen()).kader });
    expect(route(a, 'doorverwijzing_wijkteam').netto).toBe(4);
    expect(route(a, 'werk_via_reintegratie').tegen).toBe(0);
  });
});

describe('invalid factor values', () => {
  it('refuses out-of-range scores, unknown factors and protected grounds that are never recorded', () => {
    const fouten = valideerFactorwaarden({
      motivatie: 7,
      participatieladder: 2.5,
      onzin: 1,
      herkomst: true,
      eigen_wens: 'naar_de_maan',
      kinderopvang: 'misschien',
    });
    expect(Object.fromEntries(fouten.map((f) => [f.veld, f.code]))).toEqual({
      'factorwaarden.motivatie': 'ongeldige_waarde',
      'factorwaarden.participatieladder': 'ongeldige_waarde',
      'factorwaarden.onzin': 'onbekende_factor',
      'factorwaarden.herkomst': 'niet_vastleggen',
      'factorwaarden.eigen_wens': 'ongeldige_waarde',
      'factorwaarden.kinderopvang': 'ongeldige_waarde',
    });
    expect(() => berekenAdvies({ waarden: { motivatie: 0 }, kader: standaard() })).toThrow(OngeldigeFactorwaarden);
  });
  it('accepts null as "unknown"', () => {
    expect(valideerFactorwaarden({ motivatie: null, herkomst: null })).toEqual([]);
  });
});

describe('configuration guardrail', () => {
  it('refuses a gemeente setting that weighs a protected ground against the person, naming the ground', () => {
    const fouten = valideerGemeentekader({ leeftijd: { gewicht: 2, richtingen: { werk_via_reintegratie: 'tegen' } } }, standaardRegiogrenzen());
    expect(fouten).toHaveLength(1);
    expect(fouten[0]).toMatchObject({ veld: 'gewichten.leeftijd', code: 'beschermde_grond', grond: 'leeftijd' });
    expect(fouten[0]!.reden).toContain('mag nooit tegen de persoon wegen');
    expect(fouten[0]!.reden).toContain('leeftijd');
    expect(valideerGemeentekader({ zwangerschap: { gewicht: -1, richtingen: {} } }, standaardRegiogrenzen())[0]).toMatchObject({ grond: 'zwangerschap' });
    // Even a positive weight on a protected ground is refused: it would steer the advice on that ground.
    expect(
      valideerGemeentekader({ werkgeversweerstand: { gewicht: 1, richtingen: { werk_via_reintegratie: 'voor' } } }, standaardRegiogrenzen())[0],
    ).toMatchObject({ code: 'beschermde_grond', grond: 'werkgeversweerstand' });
    // Neutral is fine.
    expect(valideerGemeentekader({ leeftijd: { gewicht: 0, richtingen: {} } }, standaardRegiogrenzen())).toEqual([]);
  });

  it('refuses region bounds that would let a protected ground weigh', () => {
    const fouten = valideerRegiogrenzen({ godsdienst: { minGewicht: 0, maxGewicht: 3, richtingen: { werk_via_reintegratie: ['geen', 'tegen'] } } });
    expect(fouten).toEqual([expect.objectContaining({ code: 'beschermde_grond', grond: 'godsdienst' })]);
    expect(fouten[0]!.reden).toContain('mag nooit tegen de persoon wegen');
  });

  it('refuses weights and directions outside the region bounds', () => {
    const grenzen = standaardRegiogrenzen();
    const fouten = valideerGemeentekader(
      {
        motivatie: { gewicht: 2, richtingen: { werk_via_reintegratie: 'tegen' } },
        taalvaardigheid: { gewicht: 1, richtingen: { werk_via_reintegratie: 'tegen' } },
        financien: { gewicht: 2, richtingen: { naar_de_maan: 'voor' } as never },
      },
      grenzen,
    );
    expect(fouten.map((f) => [f.veld, f.code])).toEqual([
      ['gewichten.motivatie.gewicht', 'buiten_grenzen'],
      ['gewichten.motivatie.richtingen.werk_via_reintegratie', 'richting_niet_toegestaan'],
      ['gewichten.taalvaardigheid.richtingen.werk_via_reintegratie', 'richting_niet_toegestaan'],
      ['gewichten.financien.richtingen.naar_de_maan', 'onbekende_route'],
    ]);
    expect(valideerRegiogrenzen({ motivatie: { minGewicht: 4, maxGewicht: 2, richtingen: {} } })[0]!.code).toBe('buiten_grenzen');
  });

  it('brings a stored gemeente setting within bounds the region narrowed later, and says so', () => {
    const grenzen = standaardRegiogrenzen();
    grenzen.financien = { minGewicht: 0, maxGewicht: 1, richtingen: { doorverwijzing_wijkteam: ['voor'], werk_via_reintegratie: ['geen'] } };
    const { kader, aanpassingen } = effectiefKader(standaardGemeentekader(), grenzen);
    expect(kader.financien).toEqual({ gewicht: 1, richtingen: { doorverwijzing_wijkteam: 'voor', werk_via_reintegratie: 'geen' } });
    expect(aanpassingen.length).toBe(2);
  });
});

describe('free-text detector', () => {
  const gronden = (t: string) => [...new Set(detecteerBeschermdeGronden(t, 'notitie').map((s) => s.grond))].sort();
  it.each([
    ['Hij is eigenlijk te oud voor dit soort werk.', ['leeftijd']],
    ['Een 65-jarige krijgt geen kans meer.', ['leeftijd']],
    ['Een man van 63 die graag wil.', ['leeftijd']],
    ['Ze is zwanger, dus nu geen traject.', ['zwangerschap']],
    ['Mevrouw draagt een hoofddoek.', ['godsdienst']],
    ['Allochtone kandidaten plaatsen we moeilijk.', ['herkomst']],
    ['De werkgever wil geen vrouw met een hoofddoek.', ['godsdienst', 'werkgeversweerstand']],
    ['Werkgevers zijn terughoudend bij deze kandidaat.', ['werkgeversweerstand']],
    ['Vanwege zijn handicap is hij niet geschikt.', ['handicap']],
    ['Zij is in verwachting van haar tweede kind.', ['zwangerschap']],
  ])('flags "%s"', (tekst, verwacht) => {
    expect(gronden(tekst)).toEqual(verwacht);
  });
  it.each([
    'Wil graag als kok werken en heeft drie jaar ervaring in een keuken.',
    'Schulden zijn in beeld bij de schuldhulpverlening; huisvesting is stabiel.',
    'Kan goed met de computer werken, zoekt een rustige werkplek.',
  ])('does not flag "%s"', (tekst) => {
    expect(detecteerBeschermdeGronden(tekst, 'notitie')).toEqual([]);
  });
  it('explains each flag, names the field and ignores accents and case', () => {
    const [s] = detecteerBeschermdeGronden('ZWANGERSCHAP is genoemd', 'visieProfessional');
    expect(s).toMatchObject({ veld: 'visieProfessional', grond: 'zwangerschap', fragment: 'zwangerschap' });
    expect(s!.uitleg).toContain('verandert het advies niet');
    expect(detecteerBeschermdeGronden('Geïsoleerd, religieus', 'x').map((x) => x.grond)).toEqual(['godsdienst']);
  });
});

/* ------------------------------------------------------------------------------------------------ */
/* Property tests: the guardrail holds for every accepted configuration and every input            */
/* ------------------------------------------------------------------------------------------------ */

const beschermdeFactoren = FACTOREN.filter((f) => f.beschermdeGrond && f.vastleggen);
const gewonefactoren = FACTOREN.filter((f) => !f.beschermdeGrond);
const halven = (min: number, max: number) => fc.integer({ min: Math.ceil(min * 2), max: Math.floor(max * 2) }).map((x) => x / 2);

function waardeArb(f: Factor): fc.Arbitrary<Factorwaarde> {
  const s = f.waarde;
  switch (s.soort) {
    case 'schaal':
    case 'getal':
      return fc.integer({ min: s.min, max: s.max });
    case 'janee':
      return fc.boolean();
    case 'keuze':
      return fc.constantFrom(...Object.keys(s.opties));
    case 'route':
      return fc.constantFrom('geen_voorkeur', ...TRAJECTROUTE_CODES);
    case 'gronden':
      return fc.subarray(BESCHERMDE_GROND_CODES.filter((g) => g !== 'werkgeversweerstand'));
  }
}

const gewoneWaardenArb: fc.Arbitrary<Factorwaarden> = fc.record(
  Object.fromEntries(gewonefactoren.map((f) => [f.code, fc.option(waardeArb(f), { nil: null })])),
  { requiredKeys: [] },
) as fc.Arbitrary<Factorwaarden>;
const beschermdeWaardenArb: fc.Arbitrary<Factorwaarden> = fc.record(
  Object.fromEntries(beschermdeFactoren.map((f) => [f.code, fc.option(waardeArb(f), { nil: null })])),
  { requiredKeys: [] },
) as fc.Arbitrary<Factorwaarden>;

/** Region bounds: free for ordinary factors; protected factors usually neutral, sometimes hostile. */
const regiogrenzenArb: fc.Arbitrary<Regiogrenzen> = fc.record(
  Object.fromEntries(
    FACTOREN.map((f) => {
      const routes = f.beschermdeGrond ? TRAJECTROUTE_CODES.slice(0, 2) : (Object.keys(f.effecten) as Trajectroute[]);
      const richtingen = fc.record(Object.fromEntries(routes.map((r) => [r, fc.subarray([...RICHTINGEN], { minLength: 1 })])));
      const grens = halven(0, GEWICHT_MAX).chain((min) =>
        fc.record({ minGewicht: fc.constant(min), maxGewicht: halven(min, GEWICHT_MAX), richtingen }).map((g) => g as FactorGrens),
      );
      return [
        f.code,
        f.beschermdeGrond
          ? fc.oneof({ arbitrary: fc.constant(structuredClone(f.standaardGrenzen) as FactorGrens), weight: 19 }, { arbitrary: grens, weight: 1 })
          : grens,
      ];
    }),
  ),
) as fc.Arbitrary<Regiogrenzen>;

/** A gemeente configuration within the given bounds, plus — sometimes — a hostile setting on a protected ground. */
function gemeentekaderArb(grenzen: Regiogrenzen): fc.Arbitrary<Gemeentekader> {
  return fc.record(
    Object.fromEntries(
      FACTOREN.map((f) => {
        const g = grenzen[f.code]!;
        if (f.beschermdeGrond) {
          const vijandig = fc.record({
            gewicht: halven(-GEWICHT_MAX, GEWICHT_MAX),
            richtingen: fc.record({ werk_via_reintegratie: fc.constantFrom<Richting>(...RICHTINGEN) }),
          });
          return [f.code, fc.oneof({ arbitrary: fc.constant({ gewicht: 0, richtingen: {} }), weight: 14 }, { arbitrary: vijandig, weight: 1 })];
        }
        const richtingen = fc.record(
          Object.fromEntries(Object.keys(f.effecten).map((r) => [r, fc.constantFrom(...(g.richtingen[r as Trajectroute] ?? ['geen']))])),
        );
        return [f.code, fc.record({ gewicht: halven(g.minGewicht, g.maxGewicht), richtingen })];
      }),
    ),
  ) as fc.Arbitrary<Gemeentekader>;
}

const configArb = regiogrenzenArb.chain((grenzen) => gemeentekaderArb(grenzen).map((kader) => ({ grenzen, kader })));

const VIJANDIGE_TEKSTEN = [
  'Te oud, 65-jarige, werkgever wil geen oudere.',
  'Ze is zwanger; werkgevers zijn terughoudend.',
  'Draagt een hoofddoek en bidt tijdens de ramadan.',
  'Allochtoon, buitenlandse achtergrond.',
  'Gehandicapt, dus geen werk.',
];
const tekstenArb = fc.array(
  fc.record({
    veld: fc.constantFrom('visieProfessional', 'visiePersoon', 'toelichting.motivatie'),
    tekst: fc.oneof(fc.string(), fc.constantFrom(...VIJANDIGE_TEKSTEN)),
  }),
  { maxLength: 4 },
);

describe('guardrail properties', () => {
  it('for every configuration the validation accepts and every input, changing only protected-ground attributes never lowers any route', () => {
    let geaccepteerd = 0;
    fc.assert(
      fc.property(configArb, gewoneWaardenArb, beschermdeWaardenArb, beschermdeWaardenArb, ({ grenzen, kader }, gewoon, beschermdA, beschermdB) => {
        const fouten = [...valideerRegiogrenzen(grenzen), ...valideerGemeentekader(kader, grenzen)];
        if (fouten.length > 0) {
          // Every refusal of a hostile protected setting names its ground.
          for (const f of fouten.filter((x) => x.code === 'beschermde_grond')) expect(f.grond).toBeDefined();
          return;
        }
        geaccepteerd++;
        const k = effectiefKader(kader, grenzen).kader;
        const a = berekenAdvies({ waarden: { ...gewoon, ...beschermdA }, kader: k });
        const b = berekenAdvies({ waarden: { ...gewoon, ...beschermdB }, kader: k });
        for (const r of TRAJECTROUTE_CODES) {
          expect(route(b, r).netto).toBeGreaterThanOrEqual(route(a, r).netto);
          expect(route(b, r).netto).toBe(route(a, r).netto);
          expect(route(b, r).tegen).toBe(route(a, r).tegen);
        }
      }),
      { numRuns: 300 },
    );
    // The generator must really produce accepted configurations, or the property proves nothing.
    expect(geaccepteerd).toBeGreaterThan(50);
  });

  it('a configuration that lets a protected ground weigh is always refused, naming the ground', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FACTOREN.filter((f) => f.beschermdeGrond)),
        halven(-GEWICHT_MAX, GEWICHT_MAX),
        fc.constantFrom(...TRAJECTROUTE_CODES),
        fc.constantFrom<Richting>('voor', 'tegen'),
        (f, gewicht, r, richting) => {
          const fouten = valideerGemeentekader({ [f.code]: { gewicht, richtingen: { [r]: richting } } }, standaardRegiogrenzen());
          expect(fouten).toHaveLength(1);
          expect(fouten[0]).toMatchObject({ code: 'beschermde_grond', grond: f.beschermdeGrond });
          if (richting === 'tegen' || gewicht < 0) expect(fouten[0]!.reden).toContain('mag nooit tegen de persoon wegen');
        },
      ),
    );
  });

  it('even a configuration that bypassed validation cannot make a protected ground weigh (defence in depth)', () => {
    fc.assert(
      fc.property(gewoneWaardenArb, beschermdeWaardenArb, beschermdeWaardenArb, halven(0.5, GEWICHT_MAX), (gewoon, a, b, gewicht) => {
        const kader = standaard();
        for (const f of FACTOREN.filter((x) => x.beschermdeGrond)) {
          kader[f.code] = { gewicht, richtingen: Object.fromEntries(TRAJECTROUTE_CODES.map((r) => [r, 'tegen'])) };
        }
        expect(netto(berekenAdvies({ waarden: { ...gewoon, ...b }, kader }))).toEqual(netto(berekenAdvies({ waarden: { ...gewoon, ...a }, kader })));
      }),
      { numRuns: 200 },
    );
  });

  it('adding free text, flagged or not, never changes any route', () => {
    fc.assert(
      fc.property(gewoneWaardenArb, tekstenArb, (waarden, teksten) => {
        const zonder = berekenAdvies({ waarden, kader: standaard() });
        const met = berekenAdvies({ waarden, kader: standaard(), teksten });
        expect(met.routes).toEqual(zonder.routes);
        expect(met.meestPassend).toEqual(zonder.meestPassend);
      }),
      { numRuns: 200 },
    );
    // And the hostile texts are in fact flagged.
    for (const t of VIJANDIGE_TEKSTEN) expect(detecteerBeschermdeGronden(t, 'x').length, t).toBeGreaterThan(0);
  });
});
