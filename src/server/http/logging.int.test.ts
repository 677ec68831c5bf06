import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, createTestPlatform, login, type TestPlatform } from '../testing/harness.js';

let p: TestPlatform;
const lines: string[] = [];
beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  p = await createTestPlatform({ logger: { level: 'info', stream } });
});
afterAll(async () => p?.close());

it('never writes a BSN, a session cookie or a CSRF token to the log', async () => {
  const s = await login(p.app, 'klantmanager.zwolle');
  const api = as(p.app, s);
  await api('GET', '/api/v1/personen?zoek=123456782');
  await api('POST', '/api/v1/personen/zoek-op-bsn', { bsn: '123456782' });
  const list = (await api('GET', '/api/v1/personen?paginaGrootte=1')).json();
  const bsn = (await api('POST', `/api/v1/personen/${list.resultaten[0].id}/bsn-inzien`)).json().bsn as string;
  await api('POST', '/api/v1/personen', {
    voornaam: 'Log',
    achternaam: 'Test',
    geboortedatum: '1990-01-01',
    bsn: '111222333',
    gemeenteId: s.gebruiker.organisatie.id,
  });
  await api('GET', '/api/v1/personen?zoek=bestaat-niet-12345');
  const log = lines.join('');
  expect(lines.length).toBeGreaterThan(5);
  expect(log).toContain('[bsn]');
  for (const secret of ['123456782', bsn, '111222333', s.csrfToken, s.cookie.split('=')[1]!]) expect(log).not.toContain(secret);
});
