import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { deriveKeys } from '../crypto/secrets.js';
import { migrate, migrationsFingerprint } from '../db/migrate.js';
import { openStorage, PGLITE_EXTENSIONS } from '../db/pool.js';
import { seedDemo } from '../seed/demo.js';
import { TEST_SECRET } from './constants.js';

/**
 * Builds a migrated, demo-seeded template database once per run; every test file clones it, so
 * tests start from the same state in about a second. PGlite: a data-dir dump on disk, keyed by the
 * migrations' fingerprint. PostgreSQL (TEST_DATABASE_URL): a template database.
 */
export default async function setup(project: TestProject) {
  const fingerprint = `${migrationsFingerprint()}-${seedFingerprint()}`;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const templateName = `passend_tpl_${fingerprint.replace(/-/g, '_')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [templateName]);
      if (exists.rowCount === 0) {
        const building = `${templateName}_bouw_${process.pid}`;
        await admin.query(`DROP DATABASE IF EXISTS ${building}`);
        await admin.query(`CREATE DATABASE ${building}`);
        const storage = await openStorage({ databaseUrl: withDatabase(serverUrl, building), poolSize: 2 });
        await migrate(storage.pool);
        await seedDemo(storage.db, deriveKeys(TEST_SECRET));
        await storage.close();
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${templateName}`).catch(async () => {
          await admin.query(`DROP DATABASE IF EXISTS ${building}`);
        });
      }
    } finally {
      await admin.end();
    }
    project.provide('passendTemplate', { kind: 'postgresql', serverUrl, templateName });
    return;
  }
  const file = path.join(os.tmpdir(), `passend-test-template-${fingerprint}.tar`);
  if (!fs.existsSync(file)) {
    const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    const storage = await openStorage({ pglite });
    await migrate(storage.pool);
    await seedDemo(storage.db, deriveKeys(TEST_SECRET));
    await storage.close();
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
  }
  project.provide('passendTemplate', { kind: 'pglite', file });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The seed's source changes the template too (every file of the seed folder: demo.ts calls the others). */
function seedFingerprint(): string {
  const dir = new URL('../seed/', import.meta.url);
  let h = 0;
  for (const naam of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.ts'))
    .sort()) {
    for (const byte of fs.readFileSync(new URL(naam, dir))) h = (Math.imul(h, 31) + byte) | 0;
  }
  return (h >>> 0).toString(16);
}

declare module 'vitest' {
  export interface ProvidedContext {
    passendTemplate: { kind: 'pglite'; file: string } | { kind: 'postgresql'; serverUrl: string; templateName: string };
  }
}
