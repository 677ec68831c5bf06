import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FML_ITEMS } from '../belastbaarheid/fml-catalogus.js';
import { type FunctieInvoer, MatchingEngine, type PersoonInvoer, type Profiel } from './engine.js';
import { rangschikFunctiesReferentie, rangschikPersonenReferentie } from './reference.js';

const ORDINAAL = FML_ITEMS.flatMap((i) => (i.soort === 'ordinaal' ? [{ code: i.code, max: i.niveaus.length - 1 }] : []));
const VOORWAARDEN = FML_ITEMS.flatMap((i) => (i.soort === 'voorwaarden' ? [{ code: i.code, codes: Object.keys(i.voorwaarden) }] : []));
// A small pool of items makes collisions (mismatches, limits, adaptations) frequent.
const ITEMS = [...ORDINAAL.slice(0, 3), ...ORDINAAL.filter((o) => ['IV.13', 'IV.10', 'V.3', 'VI.3'].includes(o.code)), ...ORDINAAL.slice(-2)];
const VW = VOORWAARDEN.slice(0, 2);
const GEMEENTEN = ['g1', 'g2', 'g3'];
const FUNCTIE_IDS = ['f1', 'f2', 'f3', 'f4', 'f5'];

const profielArb: fc.Arbitrary<Profiel> = fc.record({
  niveaus: fc
    .array(
      fc
        .integer({ min: 0, max: ITEMS.length - 1 })
        .chain((k) => fc.tuple(fc.constant(ITEMS[k]?.code as string), fc.integer({ min: 0, max: ITEMS[k]?.max ?? 1 }))),
      {
        maxLength: 5,
      },
    )
    .map((e) => Object.fromEntries(e)),
  voorwaarden: fc
    .array(
      fc.integer({ min: 0, max: VW.length - 1 }).chain((v) => fc.tuple(fc.constant(VW[v]?.code as string), fc.subarray(VW[v]?.codes ?? [], { maxLength: 3 }))),
      { maxLength: 2 },
    )
    .map((e) => Object.fromEntries(e)),
});

const persoonArb: fc.Arbitrary<PersoonInvoer> = fc.record({
  id: fc.integer({ min: 0, max: 12 }).map((i) => `p${i}`),
  gemeenteId: fc.constantFrom(...GEMEENTEN),
  actief: fc.integer({ min: 0, max: 6 }).map((x) => x > 0),
  profiel: fc.option(profielArb, { freq: 6 }),
  aanpassingen: fc.array(
    fc.record({
      functieId: fc.option(fc.constantFrom(...FUNCTIE_IDS), { freq: 2 }),
      item: fc.constantFrom(...ITEMS.map((i) => i.code), ...VW.map((v) => v.code)),
    }),
    { maxLength: 2 },
  ),
});

const belastingArb = fc
  .tuple(
    fc.array(
      fc
        .integer({ min: 0, max: ITEMS.length - 1 })
        .chain((k) => fc.tuple(fc.constant(ITEMS[k]?.code as string), fc.integer({ min: 0, max: ITEMS[k]?.max ?? 1 }))),
      {
        maxLength: 6,
      },
    ),
    fc.array(
      fc.integer({ min: 0, max: VW.length - 1 }).chain((v) => fc.tuple(fc.constant(VW[v]?.code as string), fc.subarray(VW[v]?.codes ?? [], { minLength: 1 }))),
      {
        maxLength: 2,
      },
    ),
  )
  .map(([o, v]) => ({ ...Object.fromEntries(o), ...Object.fromEntries(v) }));

const functieArb: fc.Arbitrary<FunctieInvoer> = fc.record({
  id: fc.constantFrom(...FUNCTIE_IDS),
  naam: fc.constantFrom('Afwasser', 'Bakker', 'Conciërge', 'Datatypist', 'Elektricien', 'afwasser'),
  groep: fc.constantFrom('a', 'b'),
  opleidingsrang: fc.integer({ min: 0, max: 6 }),
  urenMin: fc.integer({ min: 4, max: 20 }),
  urenMax: fc.integer({ min: 20, max: 40 }),
  organisatieId: fc.option(fc.constantFrom(...GEMEENTEN), { freq: 2 }),
  actief: fc.integer({ min: 0, max: 9 }).map((x) => x > 0),
  taken: fc.constant([]),
  belasting: belastingArb,
});

type Stap = { soort: 'persoon'; p: PersoonInvoer } | { soort: 'functie'; f: FunctieInvoer } | { soort: 'weg'; id: string };
const stapArb: fc.Arbitrary<Stap> = fc.oneof(
  { weight: 6, arbitrary: persoonArb.map((p) => ({ soort: 'persoon' as const, p })) },
  { weight: 2, arbitrary: functieArb.map((f) => ({ soort: 'functie' as const, f })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 12 }).map((i) => ({ soort: 'weg' as const, id: `p${i}` })) },
);

/** Replays the steps into the engine and into plain maps (insertion order = first insert). */
function speel(stappen: Stap[]) {
  const engine = new MatchingEngine();
  const personen = new Map<string, PersoonInvoer>();
  const functies = new Map<string, FunctieInvoer>();
  for (const s of stappen) {
    if (s.soort === 'persoon') {
      engine.zetPersoon(s.p);
      personen.set(s.p.id, s.p);
    } else if (s.soort === 'functie') {
      engine.zetFunctie(s.f);
      functies.set(s.f.id, s.f);
    } else {
      engine.verwijderPersoon(s.id);
      const p = personen.get(s.id);
      if (p) personen.set(s.id, { ...p, actief: false, profiel: null, aanpassingen: [] });
    }
  }
  return { engine, personen: [...personen.values()], functies: [...functies.values()] };
}

describe('MatchingEngine', () => {
  it('ranks persons for a function exactly as the reference implementation does (property)', () => {
    fc.assert(
      fc.property(
        fc.array(stapArb, { minLength: 1, maxLength: 80 }),
        functieArb,
        fc.subarray(GEMEENTEN),
        fc.subarray(
          Array.from({ length: 13 }, (_, i) => `p${i}`),
          { maxLength: 4 },
        ),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 15 }),
        (stappen, functie, gemeenten, extra, offset, limit) => {
          const { engine, personen } = speel([...stappen, { soort: 'functie', f: functie }]);
          const vraag = { gemeenten: new Set(gemeenten), extraPersonen: new Set(extra), offset, limit };
          expect(engine.rangschikPersonen(functie.id, vraag)).toEqual(rangschikPersonenReferentie(personen, functie, vraag));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('ranks functions for a person exactly as the reference implementation does (property)', () => {
    fc.assert(
      fc.property(
        fc.array(stapArb, { minLength: 1, maxLength: 60 }),
        persoonArb,
        fc.subarray(GEMEENTEN),
        fc.record(
          {
            maxOpleidingsrang: fc.integer({ min: 0, max: 6 }),
            urenMin: fc.integer({ min: 0, max: 30 }),
            urenMax: fc.integer({ min: 10, max: 40 }),
            groep: fc.constantFrom('a', 'b'),
            inclusiefNietPassend: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 6 }),
        (stappen, persoon, organisaties, filters, offset, limit) => {
          const { engine, functies } = speel([...stappen, { soort: 'persoon', p: persoon }]);
          const vraag = { organisaties: new Set(organisaties), ...filters, offset, limit };
          expect(engine.rangschikFuncties(persoon.id, vraag)).toEqual(rangschikFunctiesReferentie(persoon, functies, vraag));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('explains the back-problems example: tillen 5 kg does not fit a job that asks 10 kg, unless adapted', () => {
    const engine = new MatchingEngine();
    engine.zetFunctie({
      id: 'orderpicker',
      naam: 'Orderpicker',
      groep: 'logistiek',
      opleidingsrang: 0,
      urenMin: 16,
      urenMax: 38,
      organisatieId: null,
      actief: true,
      taken: [],
      belasting: { 'IV.13': 2, 'V.3': 1 },
    });
    const persoon = { id: 'p', gemeenteId: 'g', actief: true, profiel: { niveaus: { 'IV.13': 3, 'V.3': 1 }, voorwaarden: {} }, aanpassingen: [] };
    engine.zetPersoon(persoon);
    expect(engine.beoordeel('p', 'orderpicker')).toEqual({ mismatches: 1, opDeGrens: 1, aangepast: 0 });
    expect(engine.rangschikPersonen('orderpicker', { gemeenten: new Set(['g']), offset: 0, limit: 10 }).totaal).toBe(0);
    engine.zetPersoon({ ...persoon, aanpassingen: [{ functieId: 'orderpicker', item: 'IV.13' }] });
    expect(engine.beoordeel('p', 'orderpicker')).toEqual({ mismatches: 0, opDeGrens: 1, aangepast: 1 });
    expect(engine.rangschikPersonen('orderpicker', { gemeenten: new Set(['g']), offset: 0, limit: 10 }).resultaten).toEqual([
      { persoonId: 'p', opDeGrens: 1, aangepast: 1 },
    ]);
    // A person of another gemeente is never ranked unless named as an extra basis.
    expect(engine.rangschikPersonen('orderpicker', { gemeenten: new Set(['x']), offset: 0, limit: 10 }).totaal).toBe(0);
    expect(engine.rangschikPersonen('orderpicker', { gemeenten: new Set(['x']), extraPersonen: new Set(['p']), offset: 0, limit: 10 }).totaal).toBe(1);
  });
});
