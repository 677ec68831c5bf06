/**
 * The search vector built in Node (zoekvector.ts) is exactly the one the table's trigger computes in
 * PostgreSQL, for generated profile texts — or Node declines and the trigger computes it. And the
 * trigger keeps a given vector only inside a transaction that says so.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../testing/harness.js';
import { bouwZoekvector, LexemenCache, profielDelen } from './zoekvector.js';

let p: TestPlatform;
let profielId: string;
beforeAll(async () => {
  p = await createTestPlatform();
  const { rows } = await sql<{ id: string }>`SELECT id FROM kandidaatprofiel ORDER BY id LIMIT 1`.execute(p.services.storage.db);
  profielId = (rows[0] as { id: string }).id;
});
afterAll(() => p.close());

const WOORDEN = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom('tuin', 'tuinen', 'Tuinieren', 'werken', 'werk', 'buiten', 'BUITEN', 'magazijn', 'heftruck', 'lopende', 'band', 'koken'),
  },
  { weight: 4, arbitrary: fc.constantFrom('de', 'het', 'een', 'en', 'van', 'ik', 'graag', 'niet', 'op', 'te', 'zijn', 'was', 'die') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '32',
      '007',
      '2e',
      'mbo2',
      'abc123',
      '1e5',
      'x',
      'a',
      'zz',
      're-integratie',
      'e-mail',
      'Re-Integratie',
      'café',
      'reïntegratie',
      'financiële',
      'ideeën',
      'façade',
      'señor',
      'cafés-bar',
    ),
  },
  // Texts Node must leave to PostgreSQL.
  { weight: 1, arbitrary: fc.constantFrom('a-b-c', 'CAFÉ', 'Ødegaard', 'naïef’', "auto's", 'werk.nl', 'tuin/groen', '1.5', '-tuin', 'tuin-', 'x@y') },
);
const SCHEIDING = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(' ', '  ', '_', ', ', ',', '. ', '\n', '\t') },
  { weight: 1, arbitrary: fc.constantFrom('.', ' - ', '/', '-') },
);

const tekst = fc
  .array(fc.tuple(WOORDEN, SCHEIDING), { maxLength: 14 })
  .chain((delen) =>
    fc.constantFrom('', '.', ' ', ',').map((slot) => delen.map(([w, s], i) => (i < delen.length - 1 ? w + s : w)).join('') + (delen.length ? slot : '')),
  );
const codes = fc.array(fc.constantFrom('groen', 'zorg_welzijn', 'werkt_graag_buiten', 'geen_zwaar_tilwerk', 'korte_werkdagen', 'ict'), { maxLength: 3 });
const profiel = fc.record({
  gewenste_functies: fc.array(fc.constantFrom('Hovenier', 'Medewerker groen', 'Kok', 'Schoonmaker', 'Orderpicker', 'Café-medewerker'), { maxLength: 2 }),
  wensen: fc.option(tekst, { nil: null }),
  kwaliteiten: fc.option(tekst, { nil: null }),
  sectoren: codes,
  werkcondities: codes,
});

describe('zoekvector built in Node', () => {
  it('equals what the trigger computes, or declines', async () => {
    const db = p.services.storage.db;
    const cache = new LexemenCache();
    let gebouwd = 0;
    let totaal = 0;
    await fc.assert(
      fc.asyncProperty(profiel, async (pr) => {
        totaal++;
        const delen = profielDelen(pr);
        await cache.aanvullen(
          db,
          delen.map(([t]) => t),
        );
        const node = bouwZoekvector(delen, cache.get);
        const { rows } = await sql<{ v: string }>`
          UPDATE kandidaatprofiel SET gewenste_functies = ${pr.gewenste_functies}::text[], wensen = ${pr.wensen}, kwaliteiten = ${pr.kwaliteiten},
                 sectoren = ${pr.sectoren}::text[], werkcondities = ${pr.werkcondities}::text[]
          WHERE id = ${profielId} RETURNING zoekvector::text AS v`.execute(db);
        if (node === null) return;
        gebouwd++;
        const { rows: n } = await sql<{ v: string }>`SELECT ${node}::tsvector::text AS v`.execute(db);
        expect(n[0]?.v).toBe(rows[0]?.v);
      }),
      { numRuns: 400, seed: 20261123 },
    );
    // Most generated texts are simple enough to be built here (else the test proves little).
    expect(gebouwd).toBeGreaterThan(totaal * 0.3);
    expect(gebouwd).toBeLessThan(totaal);
  });

  it('gives up where tsvector limits positions, so the trigger cuts them as it always did', async () => {
    const db = p.services.storage.db;
    const cache = new LexemenCache();
    for (const n of [255, 256, 300]) {
      const delen = profielDelen({ gewenste_functies: [], wensen: Array(n).fill('tuin').join(' '), kwaliteiten: 'tuin', sectoren: [], werkcondities: [] });
      await cache.aanvullen(
        db,
        delen.map(([t]) => t),
      );
      const node = bouwZoekvector(delen, cache.get);
      const { rows } = await sql<{ v: string }>`SELECT kandidaat_zoekvector('{}', ${delen[1]?.[0]}, 'tuin', '{}', '{}')::text AS v`.execute(db);
      if (node !== null) expect((await sql<{ v: string }>`SELECT ${node}::tsvector::text AS v`.execute(db)).rows[0]?.v).toBe(rows[0]?.v);
      else expect(n).toBeGreaterThan(254);
    }
  });
});

describe('the trigger and a given vector', () => {
  const geef = (db: TestPlatform['services']['storage']['db'], vector: string | null) =>
    sql<{ v: string }>`UPDATE kandidaatprofiel SET gewenste_functies = '{}', sectoren = '{}', werkcondities = '{}', kwaliteiten = NULL,
                              wensen = 'tuinen en bloemen ' || gen_random_uuid(), zoekvector = ${vector}::tsvector
                       WHERE id = ${profielId} RETURNING zoekvector::text AS v`.execute(db);

  it('keeps it only inside a transaction that set passend.zoekvector_aangeleverd', async () => {
    const db = p.services.storage.db;
    // Without the setting: computed from the text, whatever was given.
    const zonder = await geef(db, "'verzonnen':1");
    expect(zonder.rows[0]?.v).toContain("'tuin':1B");
    expect(zonder.rows[0]?.v).not.toContain('verzonnen');
    await db.transaction().execute(async (tx) => {
      await sql`SELECT set_config('passend.zoekvector_aangeleverd', 'aan', true)`.execute(tx);
      expect((await geef(tx, "'gegeven':1B")).rows[0]?.v).toBe("'gegeven':1B");
      // Given nothing: computed.
      expect((await geef(tx, null)).rows[0]?.v).toContain("'tuin':1B");
    });
    // The setting ended with its transaction.
    expect((await geef(db, "'gegeven':1B")).rows[0]?.v).toContain("'tuin':1B");
  });
});
