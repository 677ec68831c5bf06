import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, createTestPlatform, login, type TestPlatform } from './testing/harness.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p?.close());

it('health reports storage kind and schema version', async () => {
  const res = await p.app.inject({ method: 'GET', url: '/api/v1/health' });
  expect(res.statusCode).toBe(200);
  // The newest migration file is the schema version every started platform must report.
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'db/migrations');
  const nieuwste = Math.max(
    ...fs
      .readdirSync(dir)
      .map((f) => Number(f.slice(0, 4)))
      .filter(Number.isFinite),
  );
  expect(nieuwste).toBeGreaterThanOrEqual(5);
  expect(res.json()).toMatchObject({ status: 'ok', schemaVersion: nieuwste });
  expect(res.json().storage).toBe(process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite');
});

it('a klantmanager logs in and lists persons', async () => {
  const s = await login(p.app, 'klantmanager.zwolle');
  const res = await as(p.app, s)('GET', '/api/v1/personen');
  expect(res.statusCode).toBe(200);
  expect(res.json().totaal).toBeGreaterThan(0);
});
