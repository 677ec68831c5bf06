/**
 * Matching benchmark (arbeidsdeskundige issue): rank 250,000 synthetic persons against a function in
 * the in-process engine, and the same query in SQL on the same data (PGlite and PostgreSQL); rank
 * 500 functions for one person. Results are checked equal before they are timed.
 */
import { sql } from 'kysely';
import { FML_ITEMS } from '../src/server/modules/belastbaarheid/fml-catalogus.js';
import { REGIONALE_FUNCTIES } from '../src/server/modules/functies/catalogus-data.js';
import { compileCatalogus, type FunctieInvoer, MatchingEngine, type Profiel } from '../src/server/modules/matching/engine.js';
import { DEMO_PROFIELEN } from '../src/server/seed/demo-belastbaarheid.js';
import { prng } from '../src/server/seed/demo.js';
import { openStorage } from '../src/server/db/pool.js';
import { type BenchResult, percentile, progress, round, writeResult } from './lib.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cat = compileCatalogus();
const ORD = cat.ordinaal;
const GEMEENTEN = ['g0', 'g1', 'g2', 'g3', 'g4'];

/** Deterministic synthetic profiles: most people have a few limitations, in recognisable patterns. */
export function maakPersonen(n: number): { gemeente: number; rangbaar: boolean; profiel: Profiel }[] {
  const rand = prng(250_000);
  const soorten = Object.values(DEMO_PROFIELEN);
  const uit: { gemeente: number; rangbaar: boolean; profiel: Profiel }[] = [];
  for (let i = 0; i < n; i++) {
    const niveaus: Record<string, number> = {};
    const voorwaarden: Record<string, string[]> = {};
    if (rand() < 0.7) {
      const s = soorten[Math.floor(rand() * soorten.length)] as (typeof soorten)[number];
      for (const [item, l] of Object.entries(s.niveaus)) {
        const max = ORD[cat.ordIndex.get(item) as number]?.max ?? 1;
        const jitter = Math.floor(rand() * 3) - 1;
        const niveau = Math.min(max, Math.max(0, l + jitter));
        if (niveau > 0) niveaus[item] = niveau;
      }
      for (const [item, v] of Object.entries(s.voorwaarden ?? {})) voorwaarden[item] = v.filter(() => rand() < 0.7);
    }
    const extra = Math.floor(rand() * 3);
    for (let e = 0; e < extra; e++) {
      const o = ORD[Math.floor(rand() * ORD.length)] as (typeof ORD)[number];
      niveaus[o.code] = 1 + Math.floor(rand() * o.max);
    }
    uit.push({ gemeente: Math.floor(rand() * GEMEENTEN.length), rangbaar: rand() < 0.95, profiel: { niveaus, voorwaarden } });
  }
  return uit;
}

/** The regional catalogue plus variants with jittered loads, up to `n` functions. */
export function maakFuncties(n: number): FunctieInvoer[] {
  const rand = prng(500);
  const uit: FunctieInvoer[] = [];
  for (let i = 0; i < n; i++) {
    const basis = REGIONALE_FUNCTIES[i % REGIONALE_FUNCTIES.length] as (typeof REGIONALE_FUNCTIES)[number];
    const variant = Math.floor(i / REGIONALE_FUNCTIES.length);
    const belasting: Record<string, number | readonly string[]> = {};
    for (const [item, w] of Object.entries(basis.belasting)) {
      const max = ORD[cat.ordIndex.get(item) ?? -1]?.max;
      belasting[item] = typeof w === 'number' && variant > 0 && max !== undefined ? Math.min(max - 1, Math.max(0, w + Math.floor(rand() * 3) - 1)) : w;
    }
    uit.push({
      id: `f${i}`,
      naam: variant > 0 ? `${basis.naam} (${variant + 1})` : basis.naam,
      groep: basis.groep,
      opleidingsrang: 0,
      urenMin: basis.urenMin,
      urenMax: basis.urenMax,
      organisatieId: null,
      actief: true,
      taken: basis.taken,
      belasting,
    });
  }
  return uit;
}

function machine() {
  return { cpus: os.cpus().length, node: process.version };
}

/** The SQL baseline's view of a function: (item, level) pairs; conditions as items ≥ 1000 at level 0. */
function sqlFunctie(f: FunctieInvoer): { items: number[]; niveaus: number[] } {
  const items: number[] = [];
  const niveaus: number[] = [];
  ORD.forEach((o, k) => {
    const b = f.belasting[o.code];
    if (typeof b === 'number' && b < o.max) {
      items.push(k);
      niveaus.push(b);
    }
  });
  cat.voorwaarden.forEach((v, vi) => {
    const b = f.belasting[v.code];
    if (Array.isArray(b)) {
      for (const c of b) {
        const bit = v.bits.get(c);
        if (bit !== undefined) {
          items.push(1000 + vi * 16 + bit);
          niveaus.push(0);
        }
      }
    }
  });
  return { items, niveaus };
}

async function sqlBaseline(
  kind: 'pglite' | 'postgresql',
  personen: ReturnType<typeof maakPersonen>,
  functies: FunctieInvoer[],
  toegestaan: number[],
  verwacht: (f: FunctieInvoer) => { totaal: number; eerste: string[] },
  herhalingen: number,
): Promise<{ p50: number; p95: number; laadMs: number }> {
  const dataDir = kind === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'passend-bench-match-')) : undefined;
  const storage = await openStorage(
    kind === 'pglite' ? { dataDir: dataDir as string } : { databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  );
  const db = storage.db;
  try {
    await sql`DROP TABLE IF EXISTS bench_niveau`.execute(db);
    await sql`DROP TABLE IF EXISTS bench_persoon`.execute(db);
    await sql`CREATE TABLE bench_persoon (idx int PRIMARY KEY, gemeente smallint NOT NULL, rangbaar boolean NOT NULL)`.execute(db);
    await sql`CREATE TABLE bench_niveau (persoon int NOT NULL, item smallint NOT NULL, niveau smallint NOT NULL)`.execute(db);
    const t0 = performance.now();
    const STAP = 25_000;
    for (let s = 0; s < personen.length; s += STAP) {
      const deel = personen.slice(s, s + STAP);
      await sql`INSERT INTO bench_persoon SELECT * FROM unnest(${deel.map((_, i) => s + i)}::int[], ${deel.map((p) => p.gemeente)}::int2[], ${deel.map((p) => p.rangbaar)}::bool[])`.execute(
        db,
      );
      const pp: number[] = [];
      const it: number[] = [];
      const nv: number[] = [];
      deel.forEach((p, i) => {
        for (const [code, l] of Object.entries(p.profiel.niveaus)) {
          pp.push(s + i);
          it.push(cat.ordIndex.get(code) as number);
          nv.push(l);
        }
        for (const [code, codes] of Object.entries(p.profiel.voorwaarden)) {
          const vi = cat.vwIndex.get(code) as number;
          for (const c of codes) {
            pp.push(s + i);
            it.push(1000 + vi * 16 + (cat.voorwaarden[vi]?.bits.get(c) as number));
            nv.push(1);
          }
        }
      });
      await sql`INSERT INTO bench_niveau SELECT * FROM unnest(${pp}::int[], ${it}::int2[], ${nv}::int2[])`.execute(db);
      progress(`SQL-basislijn ${kind}: laden`, Math.min(s + STAP, personen.length), personen.length);
    }
    process.stdout.write('\n');
    await sql`CREATE INDEX ON bench_niveau (item, niveau, persoon)`.execute(db);
    await sql`ANALYZE bench_persoon`.execute(db);
    await sql`ANALYZE bench_niveau`.execute(db);
    const laadMs = performance.now() - t0;
    const query = (f: FunctieInvoer) => {
      const { items, niveaus } = sqlFunctie(f);
      return sql<{ idx: number; g: number; totaal: string }>`
        WITH f(item, lvl) AS (SELECT * FROM unnest(${items}::int2[], ${niveaus}::int2[])),
        mis AS (SELECT DISTINCT n.persoon FROM bench_niveau n JOIN f ON n.item = f.item AND n.niveau > f.lvl),
        grens AS (SELECT n.persoon, count(*)::int AS g FROM bench_niveau n JOIN f ON n.item = f.item AND n.niveau = f.lvl AND f.lvl > 0 GROUP BY n.persoon)
        SELECT p.idx, coalesce(grens.g, 0) AS g, count(*) OVER () AS totaal
        FROM bench_persoon p LEFT JOIN grens ON grens.persoon = p.idx
        WHERE p.rangbaar AND p.gemeente = ANY(${toegestaan}::int2[]) AND NOT EXISTS (SELECT 1 FROM mis WHERE mis.persoon = p.idx)
        ORDER BY g, p.idx LIMIT 20`.execute(db);
    };
    // Same answers as the engine, or the comparison means nothing.
    for (const f of functies.slice(0, 3)) {
      const r = await query(f);
      const v = verwacht(f);
      const totaal = Number(r.rows[0]?.totaal ?? 0);
      const eerste = r.rows.map((x) => `p${x.idx}`);
      if (totaal !== v.totaal || JSON.stringify(eerste) !== JSON.stringify(v.eerste)) {
        throw new Error(`SQL en engine verschillen voor ${f.naam}: ${totaal} vs ${v.totaal}; ${eerste.slice(0, 3)} vs ${v.eerste.slice(0, 3)}`);
      }
    }
    const tijden: number[] = [];
    for (let i = 0; i < herhalingen; i++) {
      const t = performance.now();
      await query(functies[i % functies.length] as FunctieInvoer);
      tijden.push(performance.now() - t);
      progress(`SQL-basislijn ${kind}: rangschikken`, i + 1, herhalingen);
    }
    process.stdout.write('\n');
    tijden.sort((a, b) => a - b);
    await sql`DROP TABLE bench_niveau`.execute(db);
    await sql`DROP TABLE bench_persoon`.execute(db);
    return { p50: percentile(tijden, 50), p95: percentile(tijden, 95), laadMs };
  } finally {
    await storage.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchMatching(n: number, postgres: boolean): Promise<BenchResult[]> {
  console.log(`Matching: ${n} synthetische personen, 500 functies`);
  const heap0 = process.memoryUsage();
  const personen = maakPersonen(n);
  const functies = maakFuncties(500);
  const engine = new MatchingEngine(cat);
  engine.reserveer(n);
  const t0 = performance.now();
  personen.forEach((p, i) => {
    engine.zetPersoon({ id: `p${i}`, gemeenteId: GEMEENTEN[p.gemeente] as string, actief: p.rangbaar, profiel: p.profiel, aanpassingen: [] });
    if ((i + 1) % 50_000 === 0) progress('engine laden', i + 1, n);
  });
  process.stdout.write('\n');
  for (const f of functies) engine.zetFunctie(f);
  const laadMs = performance.now() - t0;
  const heap1 = process.memoryUsage();
  const toegestaan = [0, 1, 2];
  const vraag = { gemeenten: new Set(toegestaan.map((g) => GEMEENTEN[g] as string)), offset: 0, limit: 20 };
  const verwacht = (f: FunctieInvoer) => {
    const r = engine.rangschikPersonen(f.id, vraag);
    return { totaal: r.totaal, eerste: r.resultaten.map((x) => x.persoonId) };
  };
  // Warm up, then time ranking persons for rotating functions.
  for (let i = 0; i < 50; i++) engine.rangschikPersonen((functies[i % functies.length] as FunctieInvoer).id, vraag);
  const herhalingen = 400;
  const tijden: number[] = [];
  for (let i = 0; i < herhalingen; i++) {
    const t = performance.now();
    engine.rangschikPersonen((functies[i % functies.length] as FunctieInvoer).id, vraag);
    tijden.push(performance.now() - t);
  }
  tijden.sort((a, b) => a - b);
  // Rank 500 functions for one person.
  const fTijden: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    engine.rangschikFuncties(`p${(i * 7919) % n}`, { organisaties: new Set(), offset: 0, limit: 20, inclusiefNietPassend: false });
    fTijden.push(performance.now() - t);
  }
  fTijden.sort((a, b) => a - b);

  const sqlHerhalingen = Number(process.env.BENCH_SQL_HERHALINGEN ?? 30);
  const baselines: Record<string, { p50: number; p95: number; laadMs: number }> = {};
  baselines.pglite = await sqlBaseline('pglite', personen, functies, toegestaan, verwacht, sqlHerhalingen);
  if (postgres) baselines.postgresql = await sqlBaseline('postgresql', personen, functies, toegestaan, verwacht, sqlHerhalingen);
  const basis = baselines.postgresql ?? baselines.pglite;

  const rss = Math.round(process.memoryUsage().rss / 1e6);
  const engineMb = Math.round((heap1.heapUsed + heap1.arrayBuffers - heap0.heapUsed - heap0.arrayBuffers) / 1e6);
  const p95 = percentile(tijden, 95);
  const results: BenchResult[] = [
    {
      name: 'matching-personen',
      storage: 'in-process',
      n,
      requests: herhalingen,
      p50_ms: round(percentile(tijden, 50)),
      p95_ms: round(p95),
      p99_ms: round(percentile(tijden, 99)),
      baseline_p50_ms: round(basis.p50),
      baseline_p95_ms: round(basis.p95),
      ratio: round(p95 / basis.p95),
      rss_mb: rss,
      notes: `Engine: rank ${n} persons (3 of 5 gemeenten, top 20) for one of 500 functions; loaded in ${Math.round(laadMs)} ms, ~${engineMb} MB incl. the generated input. Baseline: the same query in SQL on ${baselines.postgresql ? 'PostgreSQL' : 'PGlite'} with an (item, niveau, persoon) index, results checked equal. SQL p95: ${Object.entries(
        baselines,
      )
        .map(([k, v]) => `${k} ${round(v.p95)} ms`)
        .join(', ')}.`,
      machine: machine(),
      at: new Date().toISOString(),
    },
    {
      name: 'matching-functies',
      storage: 'in-process',
      n: functies.length,
      requests: fTijden.length,
      p50_ms: round(percentile(fTijden, 50)),
      p95_ms: round(percentile(fTijden, 95)),
      p99_ms: round(percentile(fTijden, 99)),
      rss_mb: rss,
      notes: `Rank 500 functions for one person (of ${n}), ${FML_ITEMS.length} FML items.`,
      machine: machine(),
      at: new Date().toISOString(),
    },
  ];
  for (const r of results) writeResult(r);
  fs.writeFileSync(path.resolve('bench/results/matching-baselines.json'), `${JSON.stringify({ n, baselines }, null, 2)}\n`);
  return results;
}
