/**
 * What employers see of candidates never identifies them: no search response, profile, list, export or
 * log line contains a candidate's name, BSN, address, phone or e-mail. Every GET route a werkgever can
 * call is exercised (generated from the route table, so a new route is scanned too), plus every
 * published profile's detail and every search page.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decrypt } from '../../crypto/secrets.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';

let p: TestPlatform;
let wg: Session;
const log: string[] = [];
/** Per candidate, the strings that must never reach an employer or a log. */
let geheimen: { persoonId: string; waarden: string[] }[] = [];
let publiekIds: string[] = [];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, cb) {
      log.push(chunk.toString());
      cb();
    },
  });
  p = await createTestPlatform({ logger: { level: 'info', stream } });
  wg = await login(p.app, 'werkgever.bakkerij-van-der-veen');
  const rijen = await p.services.storage.db
    .selectFrom('kandidaatprofiel as k')
    .innerJoin('persoon', 'persoon.id', 'k.persoon_id')
    .select([
      'persoon.id',
      'persoon.voornaam',
      'persoon.tussenvoegsel',
      'persoon.achternaam',
      'persoon.bsn_versleuteld',
      'persoon.email',
      'persoon.telefoon',
      'persoon.straat',
      'persoon.huisnummer',
      'persoon.postcode',
      'k.publiek_id',
      'k.gepubliceerd',
    ])
    .execute();
  publiekIds = rijen.filter((r) => r.gepubliceerd).map((r) => r.publiek_id);
  geheimen = rijen.map((r) => ({
    persoonId: r.id,
    waarden: [
      r.id,
      [r.voornaam, r.tussenvoegsel, r.achternaam].filter(Boolean).join(' '),
      `${r.voornaam} ${r.achternaam}`,
      r.achternaam.length >= 5 ? r.achternaam : null,
      r.bsn_versleuteld ? decrypt(p.services.keys.bsnEncryption, r.bsn_versleuteld) : null,
      r.email,
      r.telefoon,
      r.telefoon?.replace(/\D/g, '') ?? null,
      r.straat && r.huisnummer ? `${r.straat} ${r.huisnummer}` : null,
      r.postcode,
      r.postcode?.replace(/\s/g, '') ?? null,
    ].filter((w): w is string => typeof w === 'string' && w.length >= 4),
  }));
  expect(publiekIds.length).toBeGreaterThan(10);
  // The scan itself finds a name where there is one.
  expect(() => scan(`{"x":"${geheimen[0]?.waarden[1]}"}`, 'zelftest')).toThrow();
  expect(geheimen.some((g) => g.waarden.length >= 6)).toBe(true);
});
afterAll(async () => p?.close());

const patroon = (w: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'iu');

/** Whole words only: the surname 'Horst' is not found in the gemeente 'Staphorst'. */
function scan(tekst: string, waar: string) {
  for (const g of geheimen) for (const w of g.waarden) expect(patroon(w).test(tekst), `${waar} bevat '${w}'`).toBe(false);
}

describe('no candidate is identifiable to an employer', () => {
  it('search pages, facets and every published profile', async () => {
    const api = as(p.app, wg);
    let gezien = 0;
    for (const q of ['', 'werk', 'buiten', 'tuin', 'zorg', 'magazijn']) {
      for (let offset = 0; ; offset += 100) {
        const res = await api('GET', `/api/v1/kandidaatprofielen?limit=100&offset=${offset}${q ? `&q=${q}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        scan(res.body, `zoeken '${q}' vanaf ${offset}`);
        const n = res.json().resultaten.length;
        gezien += n;
        if (n < 100) break;
      }
    }
    expect(gezien).toBeGreaterThanOrEqual(publiekIds.length);
    for (const id of publiekIds) {
      const res = await api('GET', `/api/v1/kandidaatprofielen/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      scan(res.body, `profiel ${id}`);
    }
  });

  it('every GET route a werkgever can call (lists, exports, saved searches, vacancies)', async () => {
    const api = as(p.app, wg);
    const routes = p.app.routeTable.filter((r) => r.method === 'GET' && r.auth === 'ingelogd');
    let gescand = 0;
    for (const r of routes) {
      const urls = r.url.includes(':publiekId') ? publiekIds.slice(0, 5).map((id) => r.url.replace(':publiekId', id)) : /:\w+/.test(r.url) ? [] : [r.url];
      for (const url of urls) {
        const res = await api('GET', url);
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        scan(res.body, url);
        gescand++;
      }
    }
    expect(gescand).toBeGreaterThan(5);
  });

  it('leaves no name, BSN, phone, e-mail or address in the log', async () => {
    // The two tests above ran with the log captured at level info.
    expect(log.join('')).toContain('/api/v1/kandidaatprofielen');
    scan(log.join(''), 'log');
  });
});
