/**
 * Bulk delivery at national scale: N (default 250,000) deterministic synthetic persons with their
 * kandidaatprofiel (Dutch vocabulary with Zipf word frequencies, see synthetisch.ts) are written to a
 * temporary CSV file in the documented template, then imported through the pipeline the CLI uses
 * (`importeer`: streaming read, validation, batches of set-based upserts with audit rows, checkpoint
 * per batch) into a fresh PGlite and, when reachable, a fresh PostgreSQL database. Each storage runs
 * in its own child process, so peak RSS is the import's own.
 *
 * Reports total seconds, rows/s, per-batch latency (p50/p95/p99) and peak RSS.
 * Run alone: BENCH_ONLY=import npm run bench (BENCH_IMPORT_N to change N).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import type { Actor } from '../src/server/access/policy.js';
import { hashPassword } from '../src/server/auth/password.js';
import { deriveKeys } from '../src/server/crypto/secrets.js';
import { migrate } from '../src/server/db/migrate.js';
import { openStorage, type Storage } from '../src/server/db/pool.js';
import { GELIJKTIJDIG, importeer, ZOEKVECTOR_IN_NODE } from '../src/server/modules/import/pijplijn.js';
import { IMPORT_KOLOMMEN } from '../src/server/modules/import/rij.js';
import { prng, stableId } from '../src/server/seed/demo.js';
import { csvRegel } from '../src/server/lib/csv.js';
import { type BenchResult, percentile, round, writeMarkdown, writeResult } from './lib.js';
import { ACHTERNAMEN, bsnReeks, CONDITIES, FUNCTIES, NIVEAUS, PLAATSEN, SECTOREN, VOORNAMEN, zin, zipf } from './synthetisch.js';

const SECRET = 'bench-import-secret-0123456789-abcdefghij';
const HIER = fileURLToPath(import.meta.url);

/** Writes n rows in the template to `bestand`, streaming (never all in memory). */
export async function genereer(bestand: string, n: number): Promise<number> {
  const rand = prng(250_000);
  const bsn = bsnReeks();
  const uit = fs.createWriteStream(bestand);
  const schrijf = (s: string) => (uit.write(s) ? Promise.resolve() : new Promise<void>((r) => uit.once('drain', () => r())));
  await schrijf(csvRegel(IMPORT_KOLOMMEN));
  let buffer = '';
  for (let i = 0; i < n; i++) {
    const sectoren = [...new Set([SECTOREN[zipf(rand, SECTOREN.length)], ...(rand() < 0.3 ? [SECTOREN[zipf(rand, SECTOREN.length)]] : [])])];
    const urenMin = 8 + Math.floor(rand() * 5) * 4;
    const waarden: Record<(typeof IMPORT_KOLOMMEN)[number], string> = {
      extern_id: `BENCH-${String(i).padStart(7, '0')}`,
      voornaam: VOORNAMEN[zipf(rand, VOORNAMEN.length)] as string,
      tussenvoegsel: rand() < 0.2 ? 'van' : '',
      achternaam: ACHTERNAMEN[zipf(rand, ACHTERNAMEN.length)] as string,
      geboortedatum: `${1960 + Math.floor(rand() * 45)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      bsn: bsn.next().value as string,
      email: rand() < 0.7 ? `kandidaat${i}@voorbeeld.invalid` : '',
      telefoon: rand() < 0.6 ? `06-${String(10_000_000 + i).slice(-8)}` : '',
      postcode: `${8000 + Math.floor(rand() * 300)} ${'ABCDEFGH'[Math.floor(rand() * 8)]}${'KLMNPRST'[Math.floor(rand() * 8)]}`,
      woonplaats: PLAATSEN[zipf(rand, PLAATSEN.length)] as string,
      wensen: zin(rand, 8 + Math.floor(rand() * 10)),
      kwaliteiten: zin(rand, 4 + Math.floor(rand() * 6)),
      sectoren: sectoren.join('|'),
      gewenste_functies: FUNCTIES[zipf(rand, FUNCTIES.length)] as string,
      // ~42% without an education level, as in UWV's portal (REFERENCE.md §5).
      opleidingsniveau: rand() < 0.42 ? '' : (NIVEAUS[zipf(rand, NIVEAUS.length)] as string),
      uren_min: String(urenMin),
      uren_max: String(urenMin + 8),
      beschikbaar_vanaf: rand() < 0.3 ? '2026-01-01' : '2027-06-01',
      werkcondities: CONDITIES.filter(() => rand() < 0.25).join('|'),
      banenafspraak: rand() < 0.5 ? 'ja' : 'nee',
      toestemming_kandidaatprofiel: rand() < 0.85 ? 'ja' : 'nee',
    };
    buffer += csvRegel(IMPORT_KOLOMMEN.map((k) => waarden[k]));
    if (buffer.length > 1 << 20) {
      await schrijf(buffer);
      buffer = '';
    }
  }
  await schrijf(buffer);
  await new Promise<void>((resolve, reject) => uit.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return fs.statSync(bestand).size;
}

interface Meting {
  kind: 'pglite' | 'postgresql';
  n: number;
  geaccepteerd: number;
  afgewezen: number;
  total_s: number;
  rows_per_s: number;
  batches: number[];
  rss_mb: number;
  /** The same rows written by four set-based statements from a staging table, in the same process and database. */
  vloer_s: number;
  /** CPU seconds the PostgreSQL server used for the floor (null on PGlite). */
  vloer_server_cpu_s: number | null;
  /** CPU seconds during the import: this process (all threads), its main thread (busy), the local PostgreSQL server (all its processes). */
  cpu: { proces_s: number; hoofdthread_s: number; server_s: number | null };
}

/** CPU seconds used so far by every process of a PostgreSQL server on this machine (null when /proc does not show one). */
function serverCpu(): number | null {
  try {
    const tik = 100; // USER_HZ on Linux
    let som = 0;
    let gevonden = false;
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const eind = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, eind) !== 'postgres') continue;
      const velden = stat.slice(eind + 2).split(' ');
      som += Number(velden[11]) + Number(velden[12]);
      gevonden = true;
    }
    return gevonden ? som / tik : null;
  } catch {
    return null;
  }
}

/**
 * The floor, measured in the same run on the same storage: the same rows (under a second gemeente)
 * written by one INSERT … SELECT per table from an unlogged staging table — persons, profiles (the
 * trigger stems every text), consents, one audit row per person — with no validation, no look-ups, no
 * upsert and no Node in between, over as many connections as the import uses (the rows split by a hash
 * of their extern_id; on PGlite one). The import's time divided by this shows what the pipeline adds,
 * whatever the (shared, noisy) machine is doing that day. Loading the staging table is not timed.
 */
async function vloer(db: Storage['db'], bestand: string, regio: string, gebruiker: string, verbindingen: number): Promise<number> {
  const org = stableId('org:bench-vloer');
  await sql`INSERT INTO organisatie (id, regio_id, slug, naam, soort) VALUES (${org}, ${regio}, 'bench-vloer', 'Gemeente Vloer', 'gemeente')`.execute(db);
  const k = IMPORT_KOLOMMEN;
  await sql.raw(`CREATE UNLOGGED TABLE bench_rij (deel int, ${k.map((c) => `${c} text`).join(', ')})`).execute(db);
  // The template's line ends are CRLF (RFC 4180): split on both, or the last column keeps a \r.
  const regels = fs.readFileSync(bestand, 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
  for (let i = 0; i < regels.length; i += 5000) {
    const velden = regels.slice(i, i + 5000).map((r) => r.split(';'));
    const kolommen = k.map((_, j) => velden.map((v) => v[j] ?? ''));
    await sql`INSERT INTO bench_rij SELECT abs(hashtext(extern_id)) % ${verbindingen}, * FROM unnest(${sql.join(kolommen.map((c) => sql`${c}::text[]`))})
              AS u(${sql.raw(k.join(', '))})`.execute(db);
  }
  await sql`ANALYZE bench_rij`.execute(db);
  const deel = async (d: number) => {
    await sql`
      INSERT INTO persoon (id, organisatie_id, extern_id, voornaam, tussenvoegsel, achternaam, geboortedatum, email, telefoon, postcode, woonplaats, bsn_hash)
      SELECT gen_random_uuid(), ${org}::uuid, extern_id, voornaam, nullif(tussenvoegsel, ''), achternaam, geboortedatum::date, nullif(email, ''),
             nullif(telefoon, ''), postcode, woonplaats, md5(bsn) FROM bench_rij WHERE deel = ${d}`.execute(db);
    await sql`
      INSERT INTO kandidaatprofiel (id, organisatie_id, regio_id, persoon_id, publiek_id, extern_id, wensen, kwaliteiten, sectoren, gewenste_functies,
                                    opleidingsniveau, uren_min, uren_max, beschikbaar_vanaf, werkcondities, banenafspraak, compleetheid, gepubliceerd)
      SELECT gen_random_uuid(), ${org}::uuid, ${regio}::uuid, p.id, 'V-' || substr(md5(r.extern_id), 1, 12), r.extern_id, r.wensen, r.kwaliteiten,
             string_to_array(r.sectoren, '|'), string_to_array(r.gewenste_functies, '|'), nullif(r.opleidingsniveau, ''), r.uren_min::numeric,
             r.uren_max::numeric, r.beschikbaar_vanaf::date, coalesce(string_to_array(nullif(r.werkcondities, ''), '|'), '{}'), r.banenafspraak = 'ja', 80,
             r.toestemming_kandidaatprofiel = 'ja'
      FROM bench_rij r JOIN persoon p ON p.organisatie_id = ${org} AND p.extern_id = r.extern_id WHERE r.deel = ${d}`.execute(db);
    await sql`
      INSERT INTO toestemming (id, organisatie_id, persoon_id, doel, verleend_door, vastgelegd_via, toelichting)
      SELECT gen_random_uuid(), ${org}::uuid, p.id, 'kandidaatprofiel', ${gebruiker}::uuid, 'schriftelijk', 'Aangeleverd via import'
      FROM bench_rij r JOIN persoon p ON p.organisatie_id = ${org} AND p.extern_id = r.extern_id
      WHERE r.deel = ${d} AND r.toestemming_kandidaatprofiel = 'ja'`.execute(db);
    await sql`
      INSERT INTO audit_log (organisatie_id, gebruiker_id, gebruiker_naam, actor_organisatie_id, persoon_id, actie, resource, resource_id, doel, grondslag, wijzigingen, toelichting)
      SELECT ${org}::uuid, ${gebruiker}::uuid, 'beheerder.bench-gemeente (cli)', ${org}::uuid, p.id, 'aanmaken', 'persoon', p.id::text, 'beheer', 'eigen_gemeente',
             '{"aangeleverd":{"oud":null,"nieuw":["achternaam","bsn","email","voornaam","kandidaatprofiel.wensen"]}}'::jsonb, 'vloer regel ' || p.extern_id
      FROM bench_rij r JOIN persoon p ON p.organisatie_id = ${org} AND p.extern_id = r.extern_id WHERE r.deel = ${d}`.execute(db);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: verbindingen }, (_, d) => deel(d)));
  return (performance.now() - t0) / 1000;
}

/** One storage, in this (child) process: fresh database, minimal seed, then the import. */
async function meet(kind: 'pglite' | 'postgresql', bestand: string, n: number): Promise<Meting> {
  let databaseUrl: string | undefined;
  let opruimen: (() => Promise<void>) | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-bench-import-'));
  if (kind === 'postgresql') {
    const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const naam = `passend_bench_imp_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${naam}`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${naam}`;
    databaseUrl = u.toString();
    opruimen = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`);
      await c.end();
    };
  }
  const storage = await openStorage({ databaseUrl, dataDir });
  try {
    await migrate(storage.pool);
    // The minimum the import needs: a region, a gemeente and the account it acts as.
    const regio = stableId('regio:bench');
    const gemeente = stableId('org:bench-gemeente');
    const gebruiker = stableId('gebruiker:beheerder.bench-gemeente');
    await sql`INSERT INTO arbeidsmarktregio (id, slug, naam) VALUES (${regio}, 'bench', 'Benchregio')`.execute(storage.db);
    await sql`INSERT INTO organisatie (id, regio_id, slug, naam, soort) VALUES (${gemeente}, ${regio}, 'bench-gemeente', 'Gemeente Bench', 'gemeente')`.execute(
      storage.db,
    );
    await sql`INSERT INTO gebruiker (id, organisatie_id, gebruikersnaam, naam, wachtwoord_hash, rollen)
              VALUES (${gebruiker}, ${gemeente}, 'beheerder.bench-gemeente', 'Beheerder Bench', ${await hashPassword('bench-wachtwoord-123')}, '{beheerder}')`.execute(
      storage.db,
    );
    const actor: Actor = {
      gebruikerId: gebruiker,
      gebruikersnaam: 'beheerder.bench-gemeente (cli)',
      organisatieId: gemeente,
      organisatieSoort: 'gemeente',
      regioId: regio,
      rollen: ['beheerder'],
      persoonId: null,
      doel: 'beheer',
      via: 'systeem',
    };
    const batches: number[] = [];
    let rss = process.memoryUsage().rss;
    const grootte = fs.statSync(bestand).size;
    // The CLI's choice: two batches in flight on PostgreSQL; PGlite has one connection.
    const verbindingen = GELIJKTIJDIG[kind];
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const server0 = kind === 'postgresql' ? serverCpu() : null;
    const t0 = performance.now();
    let laatst = 0;
    const s = await importeer(fs.createReadStream(bestand, { highWaterMark: 256 * 1024 }), {
      db: storage.db,
      keys: deriveKeys(SECRET),
      actor,
      gestartVia: 'cli',
      organisatieId: gemeente,
      proefdraai: false,
      bestandsnaam: path.basename(bestand),
      gelijktijdig: verbindingen,
      zoekvectorInNode: ZOEKVECTOR_IN_NODE[kind],
      poolGrootte: storage.pool.options.max,
      onBatch: (ms) => {
        batches.push(ms);
        rss = Math.max(rss, process.memoryUsage().rss);
      },
      onVoortgang: (v) => {
        const nu = performance.now();
        if (nu - laatst < 1000) return;
        laatst = nu;
        const sec = (nu - t0) / 1000;
        process.stderr.write(`\r  ${kind}: import ${Math.round((v.bytes / grootte) * 100)}%  ${v.gelezen} rijen  ${Math.round(v.gelezen / sec)} rijen/s   `);
      },
    });
    const totaal = (performance.now() - t0) / 1000;
    const cpu1 = process.cpuUsage(cpu0);
    const elu = performance.eventLoopUtilization(elu0);
    const server1 = server0 === null ? null : serverCpu();
    const cpu = {
      proces_s: round((cpu1.user + cpu1.system) / 1e6),
      hoofdthread_s: round(elu.active / 1000),
      server_s: server0 === null || server1 === null ? null : round(server1 - server0),
    };
    process.stderr.write('\n');
    if (s.status !== 'klaar' || s.geaccepteerd !== n) throw new Error(`import ${s.status}: ${s.geaccepteerd}/${n} ${JSON.stringify(s.fouten.slice(0, 3))}`);
    const personen = await sql<{ n: number }>`SELECT count(*)::int AS n FROM persoon WHERE organisatie_id = ${gemeente}`.execute(storage.db);
    if (personen.rows[0]!.n !== n) throw new Error(`expected ${n} persons, found ${personen.rows[0]!.n}`);
    rss = Math.max(rss, process.resourceUsage().maxRSS * 1024);
    // BENCH_IMPORT_VLOER=0 skips the floor (quick experiments; `npm run bench` always measures it).
    const metVloer = process.env.BENCH_IMPORT_VLOER !== '0';
    if (metVloer) process.stderr.write(`  ${kind}: vloer (dezelfde rijen, vier INSERT … SELECT)…\n`);
    const vloerServer0 = kind === 'postgresql' ? serverCpu() : null;
    const vloerS = metVloer ? await vloer(storage.db, bestand, regio, gebruiker, verbindingen) : Number.NaN;
    const vloerServer1 = vloerServer0 === null ? null : serverCpu();
    const vloerServerS = metVloer && vloerServer0 !== null && vloerServer1 !== null ? round(vloerServer1 - vloerServer0) : null;
    return {
      kind,
      n,
      geaccepteerd: s.geaccepteerd,
      afgewezen: s.afgewezen,
      total_s: round(totaal),
      rows_per_s: Math.round(n / totaal),
      batches: batches.sort((a, b) => a - b),
      rss_mb: Math.round(rss / 1_048_576),
      vloer_s: round(vloerS),
      vloer_server_cpu_s: vloerServerS,
      cpu,
    };
  } finally {
    await storage.close();
    await opruimen?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function inKindproces(kind: 'pglite' | 'postgresql', bestand: string, n: number): Promise<Meting> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', HIER], {
      env: { ...process.env, BENCH_IMPORT_KIND: kind, BENCH_IMPORT_BESTAND: bestand, BENCH_IMPORT_N: String(n) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const regel =
        out
          .trim()
          .split(/[\r\n]/)
          .pop() ?? '';
      if (code !== 0) reject(new Error(`import bench (${kind}) exit ${code}: ${out.slice(-2000)}`));
      else resolve(JSON.parse(regel) as Meting);
    });
  });
}

export async function benchImport(n: number, postgres: boolean): Promise<BenchResult[]> {
  const bestand = path.join(os.tmpdir(), `passend-bench-import-${n}.csv`);
  const t0 = performance.now();
  const bytes = await genereer(bestand, n);
  console.log(`  import: ${n} rijen gegenereerd (${Math.round(bytes / 1_048_576)} MB) in ${Math.round((performance.now() - t0) / 100) / 10} s`);
  try {
    const metingen = [await inKindproces('pglite', bestand, n)];
    if (postgres) metingen.push(await inKindproces('postgresql', bestand, n));
    const machine = { cpus: os.cpus().length, node: process.version };
    const doel = { pglite: 60, postgresql: 30 };
    const cpuTekst = (m: Meting) =>
      m.cpu.server_s === null
        ? `CPU during the import: ${m.cpu.proces_s} s in this process (main thread busy ${m.cpu.hoofdthread_s} s, the rest PGlite's own thread) over ${m.total_s} s`
        : `CPU during the import: Node ${m.cpu.proces_s} s (main thread busy ${m.cpu.hoofdthread_s} s), PostgreSQL server ${m.cpu.server_s} s (the floor: ${m.vloer_server_cpu_s} s), together ${round(m.cpu.proces_s + m.cpu.server_s)} s of the ${round(m.total_s * os.cpus().length)} s ${os.cpus().length} cores offer over ${m.total_s} s`;
    const results: (BenchResult & {
      total_s: number;
      rows_per_s: number;
      batch_rows: number;
      vloer_s: number;
      ratio_vloer: number;
      cpu: Meting['cpu'];
      vloer_server_cpu_s: number | null;
    })[] = metingen.map((m) => ({
      name: `import-${m.kind}`,
      storage: m.kind,
      n: m.n,
      requests: m.batches.length,
      p50_ms: round(percentile(m.batches, 50)),
      p95_ms: round(percentile(m.batches, 95)),
      p99_ms: round(percentile(m.batches, 99)),
      total_s: m.total_s,
      rows_per_s: m.rows_per_s,
      vloer_s: m.vloer_s,
      ratio_vloer: round(m.total_s / m.vloer_s),
      cpu: m.cpu,
      vloer_server_cpu_s: m.vloer_server_cpu_s,
      batch_rows: Math.ceil(m.n / m.batches.length),
      rss_mb: m.rss_mb,
      notes: `${m.n} rows (${Math.round(bytes / 1_048_576)} MB CSV) in ${m.total_s} s = ${m.rows_per_s} rows/s (target ≤ ${doel[m.kind]} s); p50/p95 are per batch of ~${Math.ceil(m.n / m.batches.length)} rows (person + profile + consent + audit + checkpoint in one transaction); peak RSS ${m.rss_mb} MB. Floor in the same run (the same rows by four INSERT … SELECT from a staging table over ${m.kind === 'postgresql' ? 'two connections, as the import' : 'the one connection'}; no validation/look-ups/upsert/Node): ${m.vloer_s} s, import/floor = ${round(m.total_s / m.vloer_s)}. ${cpuTekst(m)}.`,
      machine,
      at: new Date().toISOString(),
    }));
    for (const r of results) writeResult(r);
    fs.writeFileSync(path.resolve('bench/results/import.json'), `${JSON.stringify({ name: 'import', results }, null, 2)}\n`);
    writeMarkdown('import', results);
    return results;
  } finally {
    fs.rmSync(bestand, { force: true });
  }
}

// Child process: measure one storage and print the result as the last line of stdout.
if (process.env.BENCH_IMPORT_KIND && process.argv[1] === HIER) {
  const kind = process.env.BENCH_IMPORT_KIND as 'pglite' | 'postgresql';
  meet(kind, process.env.BENCH_IMPORT_BESTAND as string, Number(process.env.BENCH_IMPORT_N)).then(
    (m) => {
      process.stdout.write(`${JSON.stringify(m)}\n`);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
