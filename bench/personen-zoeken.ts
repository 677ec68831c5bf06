/**
 * Person search through the HTTP API (session, access filter, audit rows, presenter) on N synthetic
 * persons, against the same search as one plain SQL query on the same data (the baseline).
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { deriveKeys } from '../src/server/crypto/secrets.js';
import { migrate } from '../src/server/db/migrate.js';
import { openStorage } from '../src/server/db/pool.js';
import { seedDemo, stableId } from '../src/server/seed/demo.js';
import { type BenchResult, percentile, round, timeMany, writeResult } from './lib.js';
import { MatchingIndexen } from '../src/server/modules/matching/sync.js';
import { KandidatenIndexen } from '../src/server/modules/kandidaten/zoekindex-sync.js';

const ACHTERNAMEN = [
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Kaya',
  'Yilmaz',
  'ter Horst',
  'Kamphuis',
  'Nijboer',
  'Wolters',
  'Çelik',
  'Özdemir',
];
const VOORNAMEN = ['Sanne', 'Daan', 'Fleur', 'Bram', 'Lotte', 'Sem', 'Noor', 'Milan', 'Eva', 'Jesse', 'Iris', 'Thijs', 'Yara', 'Luuk', 'Zoë', 'René'];

export async function benchPersonenZoeken(kind: 'pglite' | 'postgresql', n: number, requests: number): Promise<BenchResult> {
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-bench-'));
  if (kind === 'postgresql') {
    const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = `passend_bench_${Date.now()}`;
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
    const keys = deriveKeys(config.secret);
    await seedDemo(storage.db, keys);
    const zwolle = stableId('org:zwolle');
    const t0 = performance.now();
    await sql`
      INSERT INTO persoon (id, organisatie_id, voornaam, achternaam, geboortedatum, woonplaats, status)
      SELECT gen_random_uuid(), ${zwolle}::uuid,
             (${VOORNAMEN}::text[])[1 + (i % ${VOORNAMEN.length})],
             (${ACHTERNAMEN}::text[])[1 + ((i * 7) % ${ACHTERNAMEN.length})] || CASE WHEN i % 3 = 0 THEN '' ELSE '-' || (i % 997)::text END,
             date '1960-01-01' + (i % 16000),
             'Zwolle', 'actief'
      FROM generate_series(1, ${n}) AS i`.execute(storage.db);
    await sql`ANALYZE persoon`.execute(storage.db);
    console.log(`  ${kind}: ${n} personen aangemaakt in ${Math.round(performance.now() - t0)} ms`);

    const app = await buildApp(
      { config, storage, keys, matching: new MatchingIndexen(), kandidaten: new KandidatenIndexen() },
      { logger: false, webDir: null },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'klantmanager.zwolle', password: 'passend-demo' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const term = (i: number) => ACHTERNAMEN[i % ACHTERNAMEN.length]!.split(' ').at(-1)!.toLowerCase();

    // Warm-up.
    for (let i = 0; i < 20; i++) await (await fetch(`${base}/api/v1/personen?zoek=${encodeURIComponent(term(i))}`, { headers: { cookie } })).arrayBuffer();
    const api = await timeMany(
      requests,
      async (i) => {
        const res = await fetch(`${base}/api/v1/personen?zoek=${encodeURIComponent(term(i))}&paginaGrootte=20`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        await res.arrayBuffer();
      },
      `${kind} API zoeken`,
    );
    const baseline = await timeMany(
      requests,
      async (i) => {
        const like = `%${term(i)}%`;
        await sql`SELECT id, voornaam, achternaam, geboortedatum, status, count(*) OVER () AS totaal FROM persoon
                WHERE organisatie_id = ${zwolle} AND zoektekst LIKE ${like}
                ORDER BY achternaam, voornaam, id LIMIT 20`.execute(storage.db);
      },
      `${kind} SQL-baseline`,
    );
    await app.close();
    const result: BenchResult = {
      name: `personen-zoeken-${kind}`,
      storage: kind,
      n,
      requests,
      p50_ms: round(percentile(api, 50)),
      p95_ms: round(percentile(api, 95)),
      p99_ms: round(percentile(api, 99)),
      baseline_p50_ms: round(percentile(baseline, 50)),
      baseline_p95_ms: round(percentile(baseline, 95)),
      ratio: round(percentile(api, 95) / percentile(baseline, 95)),
      rss_mb: Math.round(process.memoryUsage().rss / 1_048_576),
      notes: 'API = session + access filter + one audit row per listed person + presenter; baseline = the name search alone in SQL.',
      machine: { cpus: os.cpus().length, node: process.version },
      at: new Date().toISOString(),
    };
    writeResult(result);
    return result;
  } finally {
    await storage.close();
    await dropDb?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
