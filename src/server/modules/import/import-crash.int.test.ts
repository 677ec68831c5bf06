/**
 * Killing `passend import` half-way (SIGKILL, as a crash or a power cut would) and running it again
 * ends with every row exactly once and the run complete. The CLI runs as a child process on a copy
 * of the demo-seeded test database: PGlite on disk, and PostgreSQL when TEST_DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type RawBuilder, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { isValidBsn } from '../../../shared/bsn.js';
import { openStorage, PGLITE_EXTENSIONS } from '../../db/pool.js';
import { stableId } from '../../seed/demo.js';
import { TEST_SECRET } from '../../testing/constants.js';
import { withDatabase } from '../../testing/global-setup.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const N = 12_000;
const ZWOLLE = stableId('org:zwolle');
const opruimen: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const f of opruimen.reverse()) await f().catch(() => undefined);
});

function bestand(): string {
  const f = path.join(os.tmpdir(), `passend-crash-import-${randomBytes(4).toString('hex')}.csv`);
  let bsn = 400_000_000;
  const regels = ['extern_id;voornaam;achternaam;geboortedatum;bsn;email;wensen;sectoren;uren_min;uren_max;toestemming_kandidaatprofiel'];
  for (let i = 0; i < N; i++) {
    while (!isValidBsn(String(bsn))) bsn++;
    regels.push(`CR-${i};Crash;Test ${i};1990-01-01;${bsn++};crash${i}@voorbeeld.invalid;Ik werk graag buiten in het groen, in een vast team.;groen;16;24;ja`);
  }
  // A few bad rows in the middle: they are reported once, never twice.
  regels.splice(N / 2, 0, 'CR-fout-1;;Leeg;1990-01-01;;;;;;;ja', 'CR-fout-2;Datum;Fout;31-12-1990;;;;;;;ja');
  fs.writeFileSync(f, `${regels.join('\n')}\n`);
  opruimen.push(async () => fs.rmSync(f, { force: true }));
  return f;
}

interface Uitvoer {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `passend import`; with `doodBij` it is SIGKILLed once its progress passes that percentage. */
function importeer(env: Record<string, string>, bestand: string, doodBij?: number): Promise<Uitvoer> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PASSEND_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  delete childEnv.NODE_ENV;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/passend.ts', 'import', bestand, '--gemeente', 'zwolle'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (doodBij === undefined) return;
    const pct = Math.max(0, ...[...stderr.matchAll(/\]\s+(\d+)%/g)].map((m) => Number(m[1])));
    if (pct >= doodBij && child.exitCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

async function scenario(env: Record<string, string>, open: () => ReturnType<typeof openStorage>) {
  const f = bestand();
  const eerste = await importeer(env, f, 50);
  expect(eerste.signal, `${eerste.stdout}\n${eerste.stderr}`).toBe('SIGKILL');

  const tweede = await importeer(env, f);
  expect(tweede.code, `${tweede.stdout}\n${tweede.stderr}`).toBe(0);
  expect(tweede.stdout).toMatch(/hervat na regel \d/);
  expect(tweede.stdout).toContain(`${(N + 2).toLocaleString('nl-NL')} rijen gelezen, ${N.toLocaleString('nl-NL')} geaccepteerd, 2 afgewezen`);

  const storage = await open();
  try {
    const db = storage.db;
    const tel = async (q: RawBuilder<{ n: number }>) => (await q.execute(db)).rows[0]!.n;
    expect(await tel(sql`SELECT count(*)::int AS n FROM persoon WHERE organisatie_id = ${ZWOLLE} AND extern_id LIKE 'CR-%'`)).toBe(N);
    expect(await tel(sql`SELECT count(DISTINCT extern_id)::int AS n FROM persoon WHERE extern_id LIKE 'CR-%'`)).toBe(N);
    expect(await tel(sql`SELECT count(*)::int AS n FROM kandidaatprofiel WHERE extern_id LIKE 'CR-%' AND gepubliceerd`)).toBe(N);
    expect(
      await tel(sql`SELECT count(*)::int AS n FROM toestemming t JOIN persoon p ON p.id = t.persoon_id
                    WHERE p.extern_id LIKE 'CR-%' AND t.doel = 'kandidaatprofiel' AND t.ingetrokken_op IS NULL`),
    ).toBe(N);
    // Exactly one audit row per person: a batch is committed once (its checkpoint commits with it).
    expect(
      await tel(
        sql`SELECT count(*)::int AS n FROM audit_log a JOIN persoon p ON p.id = a.persoon_id WHERE p.extern_id LIKE 'CR-%' AND a.toelichting LIKE 'import %'`,
      ),
    ).toBe(N);
    const runs = await db.selectFrom('import_run').selectAll().where('bestandsnaam', '=', path.basename(f)).execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'klaar', gelezen: N + 2, geaccepteerd: N, afgewezen: 2, nieuw: N });
    const fouten = await db.selectFrom('import_fout').select(['regel', 'veld']).where('run_id', '=', runs[0]!.id).orderBy('regel').execute();
    expect(fouten).toEqual([
      { regel: N / 2 + 1, veld: 'voornaam' },
      { regel: N / 2 + 2, veld: 'geboortedatum' },
    ]);
  } finally {
    await storage.close();
  }
}

describe('passend import: exit codes and output', () => {
  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'exits 0 with the counts for a readable file (also with rejected rows), 1 only when the file cannot be read',
    async () => {
      const template = inject('passendTemplate');
      if (template.kind !== 'pglite') throw new Error('expected the PGlite template');
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-cli-import-'));
      opruimen.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      const kopie = await PGlite.create(dataDir, { loadDataDir: new Blob([fs.readFileSync(template.file)]), extensions: PGLITE_EXTENSIONS });
      await kopie.close();
      const run = (args: string[]) =>
        new Promise<Uitvoer>((resolve) => {
          const env: NodeJS.ProcessEnv = { ...process.env, PASSEND_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', DATA_DIR: dataDir };
          delete env.DATABASE_URL;
          delete env.NODE_ENV;
          const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/passend.ts', 'import', ...args], {
            cwd: ROOT,
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => {
            stdout += d.toString();
          });
          child.stderr.on('data', (d: Buffer) => {
            stderr += d.toString();
          });
          child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
        });
      const goed = path.join(dataDir, 'goed.csv');
      fs.writeFileSync(goed, 'extern_id;voornaam;achternaam;geboortedatum\nCLI-1;A;B;1990-01-01\nCLI-2;C;D;1990-02-30\n');
      const kapot = path.join(dataDir, 'kapot.csv');
      fs.writeFileSync(kapot, 'naam;adres\nA;B\n');

      const proef = await run([goed, '--dry-run']);
      expect(proef.code, proef.stderr).toBe(0);
      // More than one gemeente and none chosen: only checked, never guessed.
      expect(proef.stderr).toContain('Geen gemeente gekozen');
      expect(proef.stdout).toContain('2 rijen gelezen, 1 geaccepteerd, 1 afgewezen');
      expect(proef.stdout).toContain('regel 3 · geboortedatum');
      const echt = await run([goed, '--gemeente', 'zwolle', '--rapport', path.join(dataDir, 'rapport.csv')]);
      expect(echt.code, echt.stderr).toBe(0);
      expect(echt.stdout).toContain('1 nieuw');
      expect(fs.readFileSync(path.join(dataDir, 'rapport.csv'), 'utf8').replace(/^\uFEFF/, '')).toMatch(/^regel;veld;reden\r\n3;geboortedatum;/);
      const onleesbaar = await run([kapot, '--gemeente', 'zwolle']);
      expect(onleesbaar.code).toBe(1);
      expect(onleesbaar.stdout).toContain("Kolom 'extern_id' ontbreekt");
      const weg = await run([path.join(dataDir, 'bestaat-niet.csv')]);
      expect(weg.code).toBe(1);
    },
    300_000,
  );
});

describe('SIGKILL during passend import', () => {
  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'PGlite: a second run resumes from the checkpoint and each row is there exactly once',
    async () => {
      const template = inject('passendTemplate');
      if (template.kind !== 'pglite') throw new Error('expected the PGlite template');
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-crash-import-'));
      opruimen.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      const kopie = await PGlite.create(dataDir, { loadDataDir: new Blob([fs.readFileSync(template.file)]), extensions: PGLITE_EXTENSIONS });
      await kopie.close();
      await scenario({ DATA_DIR: dataDir }, () => openStorage({ dataDir }));
    },
    600_000,
  );

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'PostgreSQL: a second run resumes from the checkpoint and each row is there exactly once',
    async () => {
      const template = inject('passendTemplate');
      if (template.kind !== 'postgresql') throw new Error('expected the PostgreSQL template');
      const naam = `passend_crash_imp_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: template.serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${naam} TEMPLATE ${template.templateName}`);
      await admin.end();
      opruimen.push(async () => {
        const c = new pg.Client({ connectionString: template.serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`);
        await c.end();
      });
      const url = withDatabase(template.serverUrl, naam);
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-crash-import-pg-'));
      opruimen.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      await scenario({ DATA_DIR: dataDir, DATABASE_URL: url }, () => openStorage({ databaseUrl: url }));
    },
    600_000,
  );
});
