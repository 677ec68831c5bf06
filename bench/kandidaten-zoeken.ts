/**
 * Kandidatenportaal search at national scale: N deterministic synthetic profiles (Dutch vocabulary
 * with Zipf-like word frequencies), searched through the HTTP API as a werkgever — one client
 * (p50/p95) and 16 concurrent clients (throughput, p95) — on PGlite and PostgreSQL.
 * Bulk loading here is plain SQL (the import pipeline has its own benchmark).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { deriveKeys } from '../src/server/crypto/secrets.js';
import { migrate } from '../src/server/db/migrate.js';
import type { Database } from '../src/server/db/schema.js';
import { openStorage } from '../src/server/db/pool.js';
import { MatchingIndexen } from '../src/server/modules/matching/sync.js';
import { KandidatenIndexen } from '../src/server/modules/kandidaten/zoekindex-sync.js';
import { prng, seedDemo, stableId } from '../src/server/seed/demo.js';
import { type BenchResult, percentile, progress, round, writeResult } from './lib.js';

/** Words a candidate or klantmanager writes, most frequent first (weight ~ 1/rank). */
const WOORDEN = (
  'werken graag buiten mensen team vast uren dagen week helpen winkel magazijn keuken schoonmaken ' +
  'tuin tuinen groen dieren auto fiets computer kantoor administratie zorg ouderen kinderen school ' +
  'koken bakken bakkerij horeca café restaurant bediening afwas vakken vullen kassa klanten telefoon ' +
  'logistiek inpakken orders heftruck chauffeur bezorgen post archief scannen invoeren techniek ' +
  'installatie elektra hout timmeren metaal lassen productie fabriek lopende band kwaliteit controle ' +
  'recycling kringloop schilderen onderhoud conciërge beveiliging receptie gastvrij rustig structuur ' +
  're-integratie werkervaring leerwerkplek stage opleiding diploma certificaat rijbewijs ochtend middag ' +
  'parttime fulltime flexibel betrouwbaar nauwkeurig handig vriendelijk zelfstandig samenwerken leren'
).split(' ');
const SECTOREN = ['groen', 'logistiek', 'horeca', 'administratie', 'schoonmaak_facilitair', 'detailhandel', 'zorg_welzijn', 'productie', 'techniek', 'bouw'];
const NIVEAUS = ['geen', 'entree', 'mbo2', 'mbo3', 'mbo4', 'hbo'];
const CONDITIES = [
  'werkt_graag_buiten',
  'werkt_graag_binnen',
  'geen_zwaar_tilwerk',
  'vaste_structuur',
  'werkt_graag_met_mensen',
  'rustige_werkplek',
  'korte_werkdagen',
];

function zipf(rand: () => number, n: number): number {
  // Inverse of a harmonic CDF, approximately: rank ∝ exp(u · ln n).
  return Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1)) - 1));
}

function zin(rand: () => number, woorden: number): string {
  return Array.from({ length: woorden }, () => WOORDEN[zipf(rand, WOORDEN.length)]).join(' ');
}

async function laad(db: Kysely<Database>, n: number, gemeenten: string[], regio: string, kind: string) {
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

    const app = await buildApp(
      { config, storage, keys: deriveKeys(config.secret), matching: new MatchingIndexen(), kandidaten: new KandidatenIndexen() },
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
      return `${base}/api/v1/kandidaatprofielen?${delen.join('&')}`;
    };
    const haal = async (i: number) => {
      const t = performance.now();
      const res = await fetch(vraag(i), { headers: { cookie } });
      if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - t;
    };
    for (let i = 0; i < 20; i++) await haal(i);
    const enkel: number[] = [];
    for (let i = 0; i < requests; i++) {
      enkel.push(await haal(i));
      if ((i + 1) % Math.max(1, Math.floor(requests / 10)) === 0) progress(`${kind}: zoeken, 1 client`, i + 1, requests);
    }
    process.stdout.write('\n');
    enkel.sort((a, b) => a - b);
    // 16 concurrent clients.
    const totaal = requests * 2;
    let volgende = 0;
    const parallel: number[] = [];
    const tp = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (volgende < totaal) {
          const i = volgende++;
          parallel.push(await haal(i + 10_000));
        }
      }),
    );
    const duur = (performance.now() - tp) / 1000;
    parallel.sort((a, b) => a - b);
    await app.close();
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
        rss_mb: rss,
        notes: `One client through the HTTP API as a werkgever (session, filters, Dutch full text, ranking, 4 facets, audit row). Loaded ${n} profiles in ${Math.round(laadMs / 1000)} s with plain SQL.`,
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
        notes: `16 concurrent clients: ${Math.round(totaal / duur)} requests/s.`,
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
