/**
 * The in-process search index answers exactly what the SQL reference (the WHERE clause in routes.ts,
 * run by PostgreSQL) answers: the same total, the same matches and the same facet counts, for
 * generated searches over generated profiles — and it follows every write at once.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPLEIDINGSNIVEAU_CODES, WERKCONDITIE_CODES } from '../../../shared/codes.js';
import { prng, stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';
import { filters, type ZoekvraagInput } from './routes.js';

let p: TestPlatform;
let wg: Session;
const REGIO = stableId('regio:regio-zwolle');
const GEMEENTEN = ['zwolle', 'kampen', 'dalfsen'].map((g) => stableId(`org:${g}`));
const SECTOREN = ['groen', 'logistiek', 'horeca', 'zorg_welzijn', 'productie'];
const WOORDEN =
  'tuin tuinen groen buiten werken werk magazijn re-integratie reïntegratie café koken schoonmaken zorg ouderen dieren heftruck lopende band kassa winkel rustig vast team nacht ochtend'.split(
    ' ',
  );
const N = 400;

beforeAll(async () => {
  p = await createTestPlatform();
  wg = await login(p.app, 'werkgever.bakkerij-van-der-veen');
  const rand = prng(7);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)] as T;
  const ids: string[] = [];
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < N; i++) {
    const id = stableId(`zoekindex-test:${i}`);
    ids.push(id);
    const urenMin = rand() < 0.2 ? null : 8 + Math.floor(rand() * 6) * 4;
    rows.push({
      id,
      organisatie_id: pick(GEMEENTEN),
      regio_id: REGIO,
      persoon_id: id,
      publiek_id: `T-${i.toString().padStart(6, '0')}`,
      wensen: Array.from({ length: 3 + Math.floor(rand() * 8) }, () => pick(WOORDEN)).join(' '),
      kwaliteiten: rand() < 0.3 ? null : Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(WOORDEN)).join(', '),
      sectoren: SECTOREN.filter(() => rand() < 0.3),
      gewenste_functies: rand() < 0.5 ? [pick(['Hovenier', 'Orderpicker', 'Kok', 'Schoonmaker'])] : [],
      opleidingsniveau: rand() < 0.4 ? null : pick(OPLEIDINGSNIVEAU_CODES),
      uren_min: urenMin,
      uren_max: urenMin === null ? (rand() < 0.5 ? null : 20) : urenMin + Math.floor(rand() * 3) * 4,
      beschikbaar_vanaf: rand() < 0.2 ? null : pick(['2025-06-01', '2026-01-01', '2099-01-01']),
      werkcondities: WERKCONDITIE_CODES.filter(() => rand() < 0.15),
      banenafspraak: rand() < 0.5,
      compleetheid: Math.floor(rand() * 101),
      gepubliceerd: rand() < 0.85,
    });
  }
  const db = p.services.storage.db;
  await sql`INSERT INTO persoon (id, organisatie_id, voornaam, achternaam, geboortedatum, status)
            SELECT id, org, 'Test', 'Zoekindex', date '1990-01-01', 'actief' FROM unnest(${ids}::uuid[], ${rows.map((r) => r.organisatie_id)}::uuid[]) AS t(id, org)`.execute(
    db,
  );
  await db
    .insertInto('kandidaatprofiel')
    .values(rows as never)
    .execute();
});
afterAll(async () => p?.close());

type Vraag = Partial<Record<'q' | 'gemeenten' | 'sectoren' | 'opleidingsniveaus' | 'werkcondities' | 'urenMin' | 'urenMax' | 'beschikbaarNu', string>>;

const vraagArb: fc.Arbitrary<Vraag> = fc
  .record(
    {
      q: fc.oneof(
        fc.constantFrom(
          'tuinen',
          'reintegratie',
          'cafe',
          'buiten -nacht',
          'werken or koken',
          '"lopende band"',
          'werken -"lopende band"',
          '"vast team" or koken',
          'de het',
          'TUIN groen',
          'magazijn heftruck',
        ),
        fc.array(fc.constantFrom(...WOORDEN), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
      ),
      gemeenten: fc.subarray(GEMEENTEN, { minLength: 1 }).map((g) => g.join(',')),
      sectoren: fc.subarray(SECTOREN, { minLength: 1, maxLength: 2 }).map((g) => g.join(',')),
      opleidingsniveaus: fc.subarray([...OPLEIDINGSNIVEAU_CODES], { minLength: 1, maxLength: 3 }).map((g) => g.join(',')),
      werkcondities: fc.subarray([...WERKCONDITIE_CODES], { minLength: 1, maxLength: 2 }).map((g) => g.join(',')),
      urenMin: fc.integer({ min: 8, max: 36 }).map(String),
      urenMax: fc.integer({ min: 20, max: 40 }).map(String),
      beschikbaarNu: fc.constant('ja'),
    },
    { requiredKeys: [] },
  )
  .map((v) => (v.urenMin !== undefined && v.urenMax !== undefined && Number(v.urenMax) < Number(v.urenMin) ? { ...v, urenMax: v.urenMin } : v));

/** The SQL reference: PostgreSQL evaluates the search's WHERE clause. */
async function referentie(v: Vraag) {
  const q: ZoekvraagInput = {
    q: v.q,
    gemeenten: v.gemeenten?.split(','),
    sectoren: v.sectoren?.split(',') as never,
    opleidingsniveaus: v.opleidingsniveaus?.split(',') as never,
    werkcondities: v.werkcondities?.split(',') as never,
    urenMin: v.urenMin === undefined ? undefined : Number(v.urenMin),
    urenMax: v.urenMax === undefined ? undefined : Number(v.urenMax),
    beschikbaarNu: v.beschikbaarNu === 'ja' ? 'ja' : 'nee',
    limit: 100,
    offset: 0,
  };
  const db = p.services.storage.db;
  // A query of only stop words has no text condition (the index ignores it too).
  const leeg = q.q
    ? (await sql<{ leeg: boolean }>`select websearch_to_tsquery('dutch', kandidaat_zoektekst(${q.q}))::text = '' as leeg`.execute(db)).rows[0]?.leeg
    : true;
  if (leeg) q.q = undefined;
  const treffers = await db
    .selectFrom('kandidaatprofiel as k')
    .select(['k.publiek_id', 'k.compleetheid'])
    .where(filters(REGIO, q))
    .orderBy('k.compleetheid', 'desc')
    .orderBy('k.publiek_id')
    .execute();
  const facet = async (zonder: 'sectoren' | 'opleidingsniveaus' | 'gemeenten' | 'werkcondities', expr: ReturnType<typeof sql>) => {
    const r = await sql<{
      code: string;
      aantal: string;
    }>`select code, count(*) as aantal from (select ${expr} as code from kandidaatprofiel k where ${filters(REGIO, q, zonder)}) s
      where code is not null group by code`.execute(db);
    return Object.fromEntries(r.rows.map((x) => [x.code, Number(x.aantal)]));
  };
  return {
    treffers: treffers.map((t) => t.publiek_id),
    facetten: {
      sectoren: await facet('sectoren', sql`unnest(k.sectoren)`),
      opleidingsniveaus: await facet('opleidingsniveaus', sql`k.opleidingsniveau`),
      gemeenten: await facet('gemeenten', sql`k.organisatie_id::text`),
      werkcondities: await facet('werkcondities', sql`unnest(k.werkcondities)`),
    },
  };
}

async function viaApi(v: Vraag, extra = 'limit=100') {
  const qs = new URLSearchParams({ ...(v as Record<string, string>) }).toString();
  const res = await as(p.app, wg)('GET', `/api/v1/kandidaatprofielen?${qs}&${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    totaal: number;
    resultaten: { publiekId: string; relevantie: number; compleetheid: number }[];
    facetten: Record<string, { code: string; aantal: number }[]>;
  };
}

describe('kandidaten search index', () => {
  it('returns exactly the matches, totals and facet counts of the SQL reference', async () => {
    await fc.assert(
      fc.asyncProperty(vraagArb, async (v) => {
        const ref = await referentie(v);
        const api = await viaApi(v);
        expect(api.totaal).toBe(ref.treffers.length);
        if (ref.treffers.length <= 100) expect(api.resultaten.map((r) => r.publiekId).sort()).toEqual([...ref.treffers].sort());
        if (!v.q) expect(api.resultaten.map((r) => r.publiekId)).toEqual(ref.treffers.slice(0, 100));
        for (const f of ['sectoren', 'opleidingsniveaus', 'gemeenten', 'werkcondities'] as const) {
          expect(Object.fromEntries(api.facetten[f]!.map((x) => [x.code, x.aantal])), f).toEqual(ref.facetten[f]);
        }
      }),
      { numRuns: 60, seed: 20261123 },
    );
  });

  it('ranks by relevance, then completeness, and pages without overlap', async () => {
    const alles = await viaApi({ q: 'tuin' });
    const r = alles.resultaten;
    expect(r.length).toBeGreaterThan(10);
    for (let i = 1; i < r.length; i++) {
      const a = r[i - 1]!;
      const b = r[i]!;
      expect(a.relevantie > b.relevantie || (a.relevantie === b.relevantie && a.compleetheid >= b.compleetheid)).toBe(true);
    }
    // A profile that wants the word as a function (weight A) ranks above one that only mentions it (weight B).
    const pagina1 = await viaApi({ q: 'tuin' }, 'limit=5&offset=0');
    const pagina2 = await viaApi({ q: 'tuin' }, 'limit=5&offset=5');
    expect([...pagina1.resultaten, ...pagina2.resultaten].map((x) => x.publiekId)).toEqual(r.slice(0, 10).map((x) => x.publiekId));
  });

  it('follows writes at once: an unpublished profile disappears, a changed one is found by its new text', async () => {
    const db = p.services.storage.db;
    const voor = await viaApi({ q: 'zeppelinpiloot' });
    expect(voor.totaal).toBe(0);
    const doel = await db.selectFrom('kandidaatprofiel').select(['id', 'publiek_id']).where('publiek_id', '=', 'T-000001').executeTakeFirstOrThrow();
    await db.updateTable('kandidaatprofiel').set({ wensen: 'Ik word graag zeppelinpiloot', gepubliceerd: true }).where('id', '=', doel.id).execute();
    const na = await viaApi({ q: 'zeppelinpiloot' });
    expect(na.resultaten.map((r) => r.publiekId)).toEqual(['T-000001']);
    await db.updateTable('kandidaatprofiel').set({ gepubliceerd: false }).where('id', '=', doel.id).execute();
    expect((await viaApi({ q: 'zeppelinpiloot' })).totaal).toBe(0);
  });
});
