/**
 * Kandidatenportaal search at national scale: N deterministic synthetic profiles (Dutch vocabulary
 * with Zipf-like word frequencies), searched through the HTTP API as a werkgever — one client
 * (p50/p95) and 16 concurrent clients (throughput, p95) — on PGlite and PostgreSQL.
 * Bulk loading here is plain SQL (the import pipeline has its own benchmark).
 */
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { deriveKeys } from '../src/server/crypto/secrets.js';
import { migrate } from '../src/server/db/migrate.js';
import type { Database } from '../src/server/db/schema.js';
import { openStorage } from '../src/server/db/pool.js';
import { filters, Zoekvraag, type ZoekvraagInput } from '../src/server/modules/kandidaten/routes.js';
import { MatchingIndexen } from '../src/server/modules/matching/sync.js';
import { KandidatenIndexen } from '../src/server/modules/kandidaten/zoekindex-sync.js';
import { prng, seedDemo, stableId } from '../src/server/seed/demo.js';
import { type BenchResult, percentile, progress, round, writeResult } from './lib.js';
import { CONDITIES, NIVEAUS, SECTOREN, WOORDEN, zin, zipf } from './synthetisch.js';

export async function laad(db: Kysely<Database>, n: number, gemeenten: string[], regio: string, kind: string) {
  const rand = prng(4_000_000);
  const STAP = 10_000;
  for (let s = 0; s < n; s += STAP) {
    const m = Math.min(STAP, n - s);
    const ids: string[] = [];
    const orgs: string[] = [];
    const wensen: string[] = [];
    const kwaliteiten: string[] = [];
    const sectoren: string[] = [];
    const niveaus: (string | null)[] = [];
    const urenMin: number[] = [];
    const condities: string[] = [];
    const beschikbaar: string[] = [];
    const publiek: string[] = [];
    for (let i = 0; i < m; i++) {
      const k = s + i;
      ids.push(stableId(`bench-kandidaat:${k}`));
      orgs.push(gemeenten[k % gemeenten.length] as string);
      wensen.push(zin(rand, 8 + Math.floor(rand() * 10)));
      kwaliteiten.push(zin(rand, 4 + Math.floor(rand() * 6)));
      sectoren.push(`{${SECTOREN[zipf(rand, SECTOREN.length)]}}`);
      // ~42% without an education level, as in UWV's portal (REFERENCE.md §5).
      niveaus.push(rand() < 0.42 ? null : (NIVEAUS[zipf(rand, NIVEAUS.length)] as string));
      urenMin.push(8 + Math.floor(rand() * 5) * 4);
      condities.push(`{${CONDITIES.filter(() => rand() < 0.25).join(',')}}`);
      beschikbaar.push(rand() < 0.3 ? '2026-01-01' : '2027-06-01');
      publiek.push(`B${k.toString(36).toUpperCase().padStart(7, '0')}`);
    }
    await sql`INSERT INTO persoon (id, organisatie_id, voornaam, achternaam, geboortedatum, status)
              SELECT id, org, 'Bench', 'Kandidaat', date '1990-01-01', 'actief'
              FROM unnest(${ids}::uuid[], ${orgs}::uuid[]) AS t(id, org)`.execute(db);
    await sql`INSERT INTO kandidaatprofiel (id, organisatie_id, regio_id, persoon_id, publiek_id, wensen, kwaliteiten, sectoren,
                opleidingsniveau, uren_min, uren_max, beschikbaar_vanaf, werkcondities, compleetheid, gepubliceerd)
              SELECT gen_random_uuid(), org, ${regio}::uuid, id, pub, w, kw, sec::text[], niv, u, u + 8, b::date, con::text[], 70, true
              FROM unnest(${ids}::uuid[], ${orgs}::uuid[], ${publiek}::text[], ${wensen}::text[], ${kwaliteiten}::text[], ${sectoren}::text[],
                          ${niveaus}::text[], ${urenMin}::numeric[], ${beschikbaar}::text[], ${condities}::text[])
                   AS t(id, org, pub, w, kw, sec, niv, u, b, con)`.execute(db);
    progress(`${kind}: profielen laden`, s + m, n);
  }
  process.stdout.write('\n');
  await sql`ANALYZE kandidaatprofiel`.execute(db);
  await sql`ANALYZE persoon`.execute(db);
}

/** The search in SQL alone, as the first version did it: the baseline. */
async function zoekMetSql(db: Kysely<Database>, regio: string, q: ZoekvraagInput) {
  const rang = q.q ? sql<number>`ts_rank_cd(k.zoekvector, websearch_to_tsquery('dutch', kandidaat_zoektekst(${q.q})))` : sql<number>`0`;
  await db
    .selectFrom('kandidaatprofiel as k')
    .select(['k.id', rang.as('r'), sql<string>`count(*) over ()`.as('totaal')])
    .where(filters(regio, q))
    .orderBy(sql`r`, 'desc')
    .orderBy('k.compleetheid', 'desc')
    .orderBy('k.publiek_id')
    .limit(q.limit)
    .execute();
  for (const [zonder, expr] of [
    ['sectoren', sql`unnest(k.sectoren)`],
    ['opleidingsniveaus', sql`k.opleidingsniveau`],
    ['gemeenten', sql`k.organisatie_id::text`],
    ['werkcondities', sql`unnest(k.werkcondities)`],
  ] as const) {
    await sql`select code, count(*) from (select ${expr} as code from kandidaatprofiel k where ${filters(regio, q, zonder)}) s where code is not null group by code`.execute(
      db,
    );
  }
}

/** Runs `urls` with `gelijktijdig` concurrent clients in a worker thread; returns each request's latency in ms. */
export function lastgenerator(urls: string[], cookie: string, gelijktijdig: number): Promise<number[]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { urls, cookie, gelijktijdig } = workerData;
    let volgende = 0;
    const tijden = [];
    (async () => {
      await Promise.all(Array.from({ length: gelijktijdig }, async () => {
        while (volgende < urls.length) {
          const url = urls[volgende++];
          const t = performance.now();
          const res = await fetch(url, { headers: { cookie } });
          if (res.status !== 200) throw new Error('status ' + res.status);
          await res.arrayBuffer();
          tijden.push(performance.now() - t);
        }
      }));
      parentPort.postMessage(tijden);
    })().catch((e) => { throw e; });`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { urls, cookie, gelijktijdig } });
    w.once('message', (t: number[]) => {
      resolve(t);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

export async function benchKandidatenZoeken(kind: 'pglite' | 'postgresql', n: number, requests: number): Promise<BenchResult[]> {
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-bench-kand-'));
  if (kind === 'postgresql') {
    const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = `passend_bench_k_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const config = { ...loadConfig({}), dataDir, secret: 'bench-secret-0123456789-0123456789-abcdef', logLevel: 'silent' };
  const storage = await openStorage({ databaseUrl, dataDir });
  try {
    await migrate(storage.pool);
    await seedDemo(storage.db, deriveKeys(config.secret));
    const gemeenten = ['zwolle', 'kampen', 'dalfsen', 'staphorst', 'hattem'].map((g) => stableId(`org:${g}`));
    const t0 = performance.now();
    await laad(storage.db, n, gemeenten, stableId('regio:regio-zwolle'), kind);
    const laadMs = performance.now() - t0;

    const indexen = new KandidatenIndexen();
    const regio = stableId('regio:regio-zwolle');
    const app = await buildApp(
      { config, storage, keys: deriveKeys(config.secret), matching: new MatchingIndexen(), kandidaten: indexen },
      { logger: false, webDir: null },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'werkgever.bakkerij-van-der-veen', password: 'passend-demo' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const rand = prng(16);
    const vraag = (i: number) => {
      const delen: string[] = [];
      if (i % 4 !== 3)
        delen.push(`q=${encodeURIComponent(`${WOORDEN[zipf(rand, WOORDEN.length)]}${i % 5 === 0 ? ` ${WOORDEN[zipf(rand, WOORDEN.length)]}` : ''}`)}`);
      if (i % 3 === 0) delen.push(`sectoren=${SECTOREN[i % SECTOREN.length]}`);
      if (i % 7 === 0) delen.push('beschikbaarNu=ja');
      if (i % 5 === 1) delen.push('urenMax=20');
      return delen.join('&');
    };
    const vragen = Array.from({ length: 20 + requests * 3 }, (_, i) => vraag(i));
    const haal = async (i: number) => {
      const t = performance.now();
      const res = await fetch(`${base}/api/v1/kandidaatprofielen?${vragen[i % vragen.length]}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - t;
    };
    const t0Index = performance.now();
    await indexen.voor(regio).verversen(storage.db);
    const indexLaadMs = performance.now() - t0Index;
    for (let i = 0; i < 20; i++) await haal(i);
    // One client, every answer computed afresh (the answer cache is emptied before each request).
    const enkel: number[] = [];
    for (let i = 20; i < 20 + requests; i++) {
      indexen.voor(regio).legeCache();
      enkel.push(await haal(i));
      if ((i - 19) % Math.max(1, Math.floor(requests / 10)) === 0) progress(`${kind}: zoeken, 1 client`, i - 19, requests);
    }
    process.stdout.write('\n');
    enkel.sort((a, b) => a - b);
    // 16 concurrent clients, driven from a worker thread (as autocannon would from its own process), so
    // the load generator's own work does not run on the server's event loop.
    const totaal = requests * 2;
    const idx = indexen.voor(regio);
    idx.cacheTreffers = 0;
    idx.cacheMissers = 0;
    const urls = Array.from({ length: totaal }, (_, i) => `${base}/api/v1/kandidaatprofielen?${vragen[(20 + requests + i) % vragen.length]}`);
    const tp = performance.now();
    const parallel = await lastgenerator(urls, cookie, 16);
    const duur = (performance.now() - tp) / 1000;
    parallel.sort((a, b) => a - b);
    const cacheAandeel = Math.round((100 * idx.cacheTreffers) / Math.max(1, idx.cacheTreffers + idx.cacheMissers));
    await app.close();
    // Baseline: the same searches answered by PostgreSQL alone (the SQL reference: count, top 20 by ts_rank_cd, 4 facets).
    // The SQL-only design needs a full-text index on the table (the platform itself no longer has one).
    await sql`CREATE INDEX IF NOT EXISTS bench_kandidaatprofiel_zoek_idx ON kandidaatprofiel USING gin (zoekvector)`.execute(storage.db);
    await sql`ANALYZE kandidaatprofiel`.execute(storage.db);
    const basis: number[] = [];
    const nBasis = Math.min(kind === 'pglite' ? 10 : 30, requests);
    for (let i = 20; i < 20 + nBasis; i++) {
      const q = Zoekvraag.parse(Object.fromEntries(new URLSearchParams(vragen[i])));
      const t = performance.now();
      await zoekMetSql(storage.db, regio, q);
      basis.push(performance.now() - t);
      progress(`${kind}: zelfde zoekvragen in SQL (basislijn)`, i - 19, nBasis);
    }
    process.stdout.write('\n');
    basis.sort((a, b) => a - b);
    const rss = Math.round(process.memoryUsage().rss / 1_048_576);
    const machine = { cpus: os.cpus().length, node: process.version };
    const results: BenchResult[] = [
      {
        name: `kandidaten-zoeken-${kind}`,
        storage: kind,
        n,
        requests,
        p50_ms: round(percentile(enkel, 50)),
        p95_ms: round(percentile(enkel, 95)),
        p99_ms: round(percentile(enkel, 99)),
        baseline_p95_ms: round(percentile(basis, 95)),
        ratio: round(percentile(enkel, 95) / percentile(basis, 95)),
        rss_mb: rss,
        notes: `One client through the HTTP API as a werkgever (session, filters, Dutch full text, ranking, 4 facets, audit row), answer cache emptied before every request. Baseline: ${nBasis} of the same searches in SQL alone (with a GIN index on the search vector built for it, ts_rank_cd, 4 facet queries). ${n} profiles loaded with plain SQL in ${Math.round(laadMs / 1000)} s; search index built in ${Math.round(indexLaadMs / 100) / 10} s.`,
        machine,
        at: new Date().toISOString(),
      },
      {
        name: `kandidaten-zoeken-c16-${kind}`,
        storage: kind,
        n,
        requests: totaal,
        p50_ms: round(percentile(parallel, 50)),
        p95_ms: round(percentile(parallel, 95)),
        p99_ms: round(percentile(parallel, 99)),
        rss_mb: rss,
        notes: `16 concurrent clients (load generator in a worker thread): ${Math.round(totaal / duur)} requests/s; ${cacheAandeel}% answered from the answer cache (same search, unchanged index).`,
        requests_per_s: Math.round(totaal / duur),
        machine,
        at: new Date().toISOString(),
      },
    ];
    for (const r of results) writeResult(r);
    return results;
  } finally {
    await storage.close();
    await dropDb?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
