/**
 * Killing the server with SIGKILL during writes loses no committed data; it restarts cleanly.
 *
 * The real server runs as a child process (`passend serve`) on PGlite in a fresh data directory,
 * and, when TEST_DATABASE_URL is set, also on a fresh PostgreSQL database. Many concurrent writes
 * go over real HTTP; every write answered with 2xx is recorded. While writes are still in flight
 * the process is SIGKILLed, restarted on the same storage, and every acknowledged write must be
 * there. A write that was in flight may or may not have committed, but never half, never twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { stableId } from './seed/demo.js';
import { withDatabase } from './testing/global-setup.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECRET = 'crash-test-secret-0123456789-abcdefghijk'; // 40 characters, for this test only
const ZWOLLE = stableId('org:zwolle');
const WORKERS = 10;
/** Kill once this many writes have been acknowledged (and others are still in flight). */
const ACKS_BEFORE_KILL = 60;

const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  base: string;
  /** The last few kilobytes of stdout and stderr, for failure messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'silent', PASSEND_SECRET: SECRET, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  delete childEnv.NODE_ENV; // vitest sets NODE_ENV=test; the server must run as it would for a user
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/passend.ts', 'serve', '--port', String(port)], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, base: `http://127.0.0.1:${port}`, output: () => out, exited };
}

async function waitHealthy(server: Server, timeoutMs: number): Promise<{ status: string; storage: string; schemaVersion: number }> {
  const deadline = Date.now() + timeoutMs;
  let gone: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  void server.exited.then((e) => {
    gone = e;
  });
  while (Date.now() < deadline) {
    if (gone) throw new Error(`server exited before it was healthy (${JSON.stringify(gone)}):\n${server.output()}`);
    try {
      const res = await fetch(`${server.base}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return (await res.json()) as { status: string; storage: string; schemaVersion: number };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not healthy within ${timeoutMs} ms:\n${server.output()}`);
}

interface Client {
  request(method: string, url: string, body?: unknown): Promise<Response>;
}

async function signIn(base: string, username: string): Promise<Client> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'passend-demo' }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('passend_sessie='));
  if (!cookie) throw new Error('no passend_sessie cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    request: (method, url, body) =>
      fetch(`${base}${url}`, {
        method,
        headers: {
          cookie,
          ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
  };
}

interface Ledger {
  /** Per person: titles of timeline entries answered with 201. */
  acked: Map<string, Set<string>>;
  /** Per person: every telefoon value sent, in order, and the index of the last one answered 200. */
  telefoon: Map<string, { sent: string[]; lastAcked: number }>;
  ackCount: number;
  inFlight: number;
  failedBeforeKill: string[];
}

async function scenario(env: Record<string, string>, expectedStorage: 'pglite' | 'postgresql') {
  const run = randomBytes(3).toString('hex');
  const first = await startServer(env);
  const health1 = await waitHealthy(first, 90_000);
  expect(health1.storage).toBe(expectedStorage);

  const client = await signIn(first.base, 'klantmanager.zwolle');
  const list = await client.request('GET', `/api/v1/personen?gemeenteId=${ZWOLLE}&paginaGrootte=${WORKERS}`);
  expect(list.status).toBe(200);
  const persons = ((await list.json()) as { resultaten: { id: string }[] }).resultaten.map((r) => r.id);
  expect(persons.length).toBe(WORKERS);

  const ledger: Ledger = { acked: new Map(), telefoon: new Map(), ackCount: 0, inFlight: 0, failedBeforeKill: [] };
  let killed = false;
  const tracked = async (what: string, call: () => Promise<Response>, expected: number): Promise<boolean> => {
    ledger.inFlight++;
    try {
      const res = await call();
      await res.arrayBuffer(); // the whole response arrived
      if (res.status === expected) {
        ledger.ackCount++;
        return true;
      }
      if (!killed) ledger.failedBeforeKill.push(`${what}: ${res.status}`);
      return false;
    } catch (error) {
      if (!killed) ledger.failedBeforeKill.push(`${what}: ${String(error)}`);
      return false;
    } finally {
      ledger.inFlight--;
    }
  };

  // Each worker owns one person and writes to it in turn: a timeline entry, then a new telefoon.
  const workers = persons.map(async (persoonId, w) => {
    const acked = new Set<string>();
    const tel = { sent: [] as string[], lastAcked: -1 };
    ledger.acked.set(persoonId, acked);
    ledger.telefoon.set(persoonId, tel);
    for (let n = 0; !killed; n++) {
      const titel = `crash ${run} w${w} n${n}`;
      const ok = await tracked(
        titel,
        () => client.request('POST', `/api/v1/personen/${persoonId}/tijdlijn`, { soort: 'notitie', titel, tekst: `schrijfactie ${n}` }),
        201,
      );
      if (ok) acked.add(titel);
      if (killed) break;
      const telefoon = `06${String(w * 100_000 + n).padStart(8, '0')}`;
      tel.sent.push(telefoon);
      const index = tel.sent.length - 1;
      if (await tracked(`telefoon ${telefoon}`, () => client.request('PATCH', `/api/v1/personen/${persoonId}`, { telefoon }), 200)) tel.lastAcked = index;
    }
  });

  // Kill once enough writes are acknowledged, while others are in flight.
  const deadline = Date.now() + 60_000;
  while (ledger.ackCount < ACKS_BEFORE_KILL || ledger.inFlight === 0) {
    if (Date.now() > deadline)
      throw new Error(`only ${ledger.ackCount} writes acknowledged: ${ledger.failedBeforeKill.slice(0, 5).join('; ')}\n${first.output()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const inFlightAtKill = ledger.inFlight;
  killed = true;
  first.child.kill('SIGKILL');
  const exit = await first.exited;
  await Promise.all(workers);
  expect(exit.signal).toBe('SIGKILL');
  expect(inFlightAtKill).toBeGreaterThan(0);
  expect(ledger.failedBeforeKill, 'every write before the kill succeeded').toEqual([]);
  expect(ledger.ackCount).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

  // Restart on the same storage.
  const second = await startServer(env);
  const health2 = await waitHealthy(second, 90_000);
  expect(health2).toMatchObject({ status: 'ok', storage: expectedStorage });
  expect(health2.schemaVersion).toBeGreaterThanOrEqual(1);
  expect(health2.schemaVersion).toBe(health1.schemaVersion);

  const after = await signIn(second.base, 'klantmanager.zwolle');
  let tijdlijnChecked = 0;
  let telefoonChecked = 0;
  for (const persoonId of persons) {
    const res = await after.request('GET', `/api/v1/personen/${persoonId}/tijdlijn`);
    expect(res.status).toBe(200);
    const titles = ((await res.json()) as { titel: string }[]).map((t) => t.titel).filter((t) => t.startsWith(`crash ${run} `));
    const missing = [...ledger.acked.get(persoonId)!].filter((t) => !titles.includes(t));
    expect(missing, `acknowledged timeline entries of ${persoonId} lost after SIGKILL`).toEqual([]);
    expect(new Set(titles).size, 'no entry is stored twice').toBe(titles.length);
    tijdlijnChecked += ledger.acked.get(persoonId)!.size;

    const detail = await after.request('GET', `/api/v1/personen/${persoonId}`);
    expect(detail.status).toBe(200);
    const { telefoon } = (await detail.json()) as { telefoon: string | null };
    const tel = ledger.telefoon.get(persoonId)!;
    if (tel.lastAcked >= 0) {
      // The last acknowledged value, or one sent after it that committed without its answer arriving.
      expect(tel.sent.slice(tel.lastAcked), `telefoon of ${persoonId}`).toContain(telefoon);
      telefoonChecked++;
    }
  }
  // Both kinds of write were acknowledged before the kill, so both were really checked.
  expect(tijdlijnChecked).toBeGreaterThan(ACKS_BEFORE_KILL / 4);
  expect(telefoonChecked).toBeGreaterThan(WORKERS / 2);

  // The restarted server takes new writes.
  const nieuw = await after.request('POST', `/api/v1/personen/${persons[0]}/tijdlijn`, { soort: 'notitie', titel: `na herstart ${run}` });
  expect(nieuw.status).toBe(201);
  const terug = await after.request('GET', `/api/v1/personen/${persons[0]}/tijdlijn`);
  expect(((await terug.json()) as { titel: string }[]).some((t) => t.titel === `na herstart ${run}`)).toBe(true);

  second.child.kill('SIGTERM');
  const stopped = await second.exited;
  expect(stopped.code, second.output()).toBe(0);
}

describe('SIGKILL during writes', () => {
  it('PGlite: loses no acknowledged write and restarts cleanly', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-crash-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    await scenario({ DATA_DIR: dataDir }, 'pglite');
  }, 180_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'PostgreSQL: loses no acknowledged write and restarts cleanly',
    async () => {
      const serverUrl = process.env.TEST_DATABASE_URL!;
      const name = `passend_crash_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      cleanups.push(async () => {
        const drop = new pg.Client({ connectionString: serverUrl });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      });
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passend-crash-pg-'));
      cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      await scenario({ DATA_DIR: dataDir, DATABASE_URL: withDatabase(serverUrl, name) }, 'postgresql');
    },
    180_000,
  );
});
