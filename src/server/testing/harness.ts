import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type BuildOptions, type PassendApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import { deriveKeys } from '../crypto/secrets.js';
import { openStorage, PGLITE_EXTENSIONS } from '../db/pool.js';
import type { Services } from '../services.js';
import { TEST_SECRET } from './constants.js';
import { withDatabase } from './global-setup.js';
import { MatchingIndexen } from '../modules/matching/sync.js';
import { KandidatenIndexen } from '../modules/kandidaten/zoekindex-sync.js';

export interface TestPlatform {
  app: PassendApp;
  services: Services;
  close(): Promise<void>;
}

/** A fresh copy of the migrated, demo-seeded template database with the full HTTP app on top. */
export async function createTestPlatform(options: BuildOptions & { config?: Partial<Config> } = {}): Promise<TestPlatform> {
  const template = inject('passendTemplate');
  const config: Config = {
    ...loadConfig({}),
    secret: TEST_SECRET,
    logLevel: 'silent',
    dataDir: path.join(os.tmpdir(), 'passend-test-unused'),
    ...options.config,
  };
  let storage: Services['storage'];
  let cleanup: () => Promise<void> = async () => undefined;
  if (template.kind === 'pglite') {
    const dump = fs.readFileSync(template.file);
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: PGLITE_EXTENSIONS });
    storage = await openStorage({ pglite });
    cleanup = () => pglite.close();
  } else {
    const name = `passend_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: template.serverUrl });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.templateName}`);
        break;
      } catch (error) {
        if (attempt >= 10) throw error;
        await new Promise((r) => setTimeout(r, 200 + attempt * 200));
      }
    }
    await admin.end();
    storage = await openStorage({ databaseUrl: withDatabase(template.serverUrl, name), poolSize: 4 });
    cleanup = async () => {
      const drop = new pg.Client({ connectionString: template.serverUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await drop.end();
    };
  }
  const services: Services = { config, storage, keys: deriveKeys(TEST_SECRET), matching: new MatchingIndexen(), kandidaten: new KandidatenIndexen() };
  const app = await buildApp(services, { logger: options.logger ?? false, webDir: options.webDir ?? null });
  await app.ready();
  return {
    app,
    services,
    async close() {
      await app.close();
      await storage.close();
      await cleanup();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  gebruiker: { id: string; gebruikersnaam: string; persoonId: string | null; organisatie: { id: string; slug: string } };
}

export const DEMO_PASSWORD = 'passend-demo';

export async function login(app: PassendApp, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'passend_sessie');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json();
  return { cookie: `passend_sessie=${cookie.value}`, csrfToken: body.csrfToken, gebruiker: body.gebruiker };
}

/** Request helper that sends the session cookie and, for mutations, the CSRF token. */
export function as(app: PassendApp, session: Session | null) {
  return (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: {
        ...(session ? { cookie: session.cookie } : {}),
        ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrfToken } : {}),
        // A string body is a file upload (CSV), as a browser would send it.
        ...(typeof payload === 'string' ? { 'content-type': 'text/csv' } : {}),
        ...headers,
      },
    });
}
