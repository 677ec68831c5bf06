/** `npm run bench`: every benchmark, on PGlite and (when it answers) PostgreSQL, in one run. */
import pg from 'pg';
import type { BenchResult } from './lib.js';
import { writeMarkdown } from './lib.js';
import { benchKandidatenZoeken } from './kandidaten-zoeken.js';
import { benchImport } from './import.js';
import { benchMatching } from './matching.js';
import { benchPersonenZoeken } from './personen-zoeken.js';

const n = Number(process.env.BENCH_N ?? 50_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 300);

async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const alleen = process.env.BENCH_ONLY; // e.g. BENCH_ONLY=matching
const postgres = await postgresAvailable();
if (!postgres) console.log('  PostgreSQL not reachable: PGlite only');
const results: BenchResult[] = [];
if (!alleen || alleen === 'personen-zoeken') {
  console.log(`Passend benchmarks (n=${n}, ${requests} requests each)`);
  results.push(await benchPersonenZoeken('pglite', n, requests));
  if (postgres) results.push(await benchPersonenZoeken('postgresql', n, requests));
  writeMarkdown('personen-zoeken', results);
}
if (!alleen || alleen === 'matching') {
  const m = await benchMatching(Number(process.env.BENCH_MATCHING_N ?? 250_000), postgres);
  writeMarkdown('matching', m);
  results.push(...m);
}
if (!alleen || alleen === 'kandidaten') {
  const nk = Number(process.env.BENCH_KANDIDATEN_N ?? 250_000);
  const k = process.env.BENCH_STORAGE === 'postgresql' ? [] : await benchKandidatenZoeken('pglite', nk, requests);
  if (postgres) k.push(...(await benchKandidatenZoeken('postgresql', nk, requests)));
  writeMarkdown('kandidaten-zoeken', k);
  results.push(...k);
}
if (!alleen || alleen === 'import') {
  const imp = await benchImport(Number(process.env.BENCH_IMPORT_N ?? 250_000), postgres);
  results.push(...imp);
  for (const r of imp) console.log(`  ${r.name}: ${r.notes}`);
}
for (const r of results) {
  console.log(
    `  ${r.name} (${r.storage}, n=${r.n}): p50 ${r.p50_ms} ms, p95 ${r.p95_ms} ms${r.baseline_p95_ms !== undefined ? ` (baseline p95 ${r.baseline_p95_ms} ms, ratio ${r.ratio})` : ''}`,
  );
}
console.log('Results in bench/results/');
