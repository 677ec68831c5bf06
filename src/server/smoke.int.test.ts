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
  expect(res.json()).toMatchObject({ status: 'ok', schemaVersion: 4 });
  expect(res.json().storage).toBe(process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite');
});

it('a klantmanager logs in and lists persons', async () => {
  const s = await login(p.app, 'klantmanager.zwolle');
  const res = await as(p.app, s)('GET', '/api/v1/personen');
  expect(res.statusCode).toBe(200);
  expect(res.json().totaal).toBeGreaterThan(0);
});
