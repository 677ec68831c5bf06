import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';

let p: TestPlatform;
let s: Session;
beforeAll(async () => {
  p = await createTestPlatform();
  s = await login(p.app, 'klantmanager.kampen');
});
afterAll(async () => p?.close());

const url = '/api/v1/loonkostensubsidie/berekeningen';

it('returns monthly and yearly amounts, the parameters used with source and validity, and the steps', async () => {
  const res = await as(p.app, s)('POST', url, { peildatum: '2026-03-01', loonwaarde: 60, urenPerWeek: 32 });
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body.maandbedrag).toBe(1088.26);
  expect(body.jaarbedrag).toBe(13059.12);
  expect(body.parameters.find((x: { naam: string }) => x.naam === 'werkgeverslasten_pct')).toMatchObject({ waarde: 23.5, geldigVan: '2021-01-01' });
  expect(body.stappen.length).toBeGreaterThan(8);
});

it('refuses a loonwaarde outside 0–100%, zero hours and unknown fields with 400, and a date without parameters with 422', async () => {
  const api = as(p.app, s);
  for (const body of [
    { peildatum: '2026-03-01', loonwaarde: 150, urenPerWeek: 32 },
    { peildatum: '2026-03-01', loonwaarde: -1, urenPerWeek: 32 },
    { peildatum: '2026-03-01', loonwaarde: 60, urenPerWeek: 0 },
    { peildatum: '2026-02-30', loonwaarde: 60, urenPerWeek: 32 },
    { peildatum: '2026-03-01', loonwaarde: '60', urenPerWeek: 32 },
    { peildatum: '2026-03-01', loonwaarde: 60, urenPerWeek: 32, bsn: '123456782' },
  ]) {
    const res = await api('POST', url, body);
    expect(res.statusCode, JSON.stringify(body)).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  }
  const old = await api('POST', url, { peildatum: '2019-01-01', loonwaarde: 60, urenPerWeek: 32 });
  expect(old.statusCode).toBe(422);
  expect(old.json().invalidParams[0].name).toBe('body.peildatum');
});
