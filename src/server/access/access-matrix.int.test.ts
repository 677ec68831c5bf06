/**
 * Generated from the route table: for every route, a user of one gemeente cannot read or change a
 * person of another gemeente, and an unauthenticated request is refused. A control request by a
 * user of the person's own gemeente proves each refused request would otherwise have worked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../http/route.js';
import { stableId } from '../seed/demo.js';
import { tableSnapshot as snapshot } from '../testing/snapshot.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../testing/harness.js';

let p: TestPlatform;
let owner: Session;
const attackers: Record<string, Session> = {};
const ZWOLLE = stableId('org:zwolle');
/** Users of other organisations with no recorded basis for the Zwolle persons used here. */
const ATTACKER_NAMES = [
  'klantmanager.kampen',
  'arbeidsdeskundige.kampen',
  'beheerder.kampen',
  'jobcoach.kampen',
  'inwoner.kampen',
  'klantmanager.werkkracht-ijssel',
  'arbeidsdeskundige.uwv-zwolle',
  'werkgever.bakkerij-van-der-veen',
  'school.praktijkschool-de-boog',
];
let zwollePersons: { id: string; voornaam: string; achternaam: string }[] = [];
let routes: RouteInfo[] = [];

beforeAll(async () => {
  p = await createTestPlatform();
  routes = p.app.routeTable;
  owner = await login(p.app, 'klantmanager.zwolle');
  for (const name of ATTACKER_NAMES) attackers[name] = await login(p.app, name);
  const res = await as(p.app, owner)('GET', `/api/v1/personen?gemeenteId=${ZWOLLE}&paginaGrootte=100`);
  // Person 0 has an outside jobcoach and person 1 consented to sharing with WerkKracht: skip both.
  const skip = new Set([stableId('persoon:0'), stableId('persoon:1')]);
  zwollePersons = res.json().resultaten.filter((r: { id: string }) => !skip.has(r.id));
  expect(zwollePersons.length).toBeGreaterThan(12);
});
afterAll(async () => p?.close());

function fill(value: unknown, vars: Record<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
  if (Array.isArray(value)) return value.map((v) => fill(v, vars));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)]));
  return value;
}

function withoutInstance(body: string): string {
  try {
    const json = JSON.parse(body);
    if (json && typeof json === 'object' && 'instance' in json) delete json.instance;
    return JSON.stringify(json);
  } catch {
    return body;
  }
}

/**
 * Actions the owner's role (klantmanager) does not have: the control request runs as a Zwolle user
 * whose role does, so it still proves the refused requests would otherwise have worked.
 */
const CONTROLE_GEBRUIKER: Record<string, string> = {
  'POST /api/v1/personen/:persoonId/loonwaardemetingen': 'loonwaardedeskundige.zwolle',
  'POST /api/v1/personen/:persoonId/belastbaarheid': 'arbeidsdeskundige.zwolle',
  'POST /api/v1/personen/:persoonId/werkplekaanpassingen': 'arbeidsdeskundige.zwolle',
  'POST /api/v1/personen/:persoonId/werkplekaanpassingen/:aanpassingId/intrekken': 'arbeidsdeskundige.zwolle',
  // Only the provider the person was referred to returns them (the referral in urlFor goes to Jobcoach IJsselvallei).
  'POST /api/v1/personen/:persoonId/verwijzingen/:verwijzingId/terugmelding': 'jobcoach.jobcoach-ijsselvallei',
};
const controleSessie = async (route: RouteInfo) => {
  const naam = CONTROLE_GEBRUIKER[`${route.method} ${route.url}`];
  return naam ? login(p.app, naam) : owner;
};

/** Fills path parameters: the person, plus a real consent, assignment or measurement of that person where needed. */
async function urlFor(route: RouteInfo, personId: string): Promise<string> {
  let url = route.url.replace(`:${route.persoonParam}`, personId);
  if (url.includes(':toestemmingId')) {
    const res = await as(p.app, owner)('POST', `/api/v1/personen/${personId}/toestemmingen`, { doel: 'kandidaatprofiel', vastgelegdVia: 'schriftelijk' });
    expect(res.statusCode).toBe(201);
    url = url.replace(':toestemmingId', res.json().id);
  }
  if (url.includes(':toewijzingId')) {
    const detail = (await as(p.app, owner)('GET', `/api/v1/personen/${personId}`)).json();
    expect(detail.toewijzingen.length).toBeGreaterThan(0);
    url = url.replace(':toewijzingId', detail.toewijzingen[0].id);
  }
  if (url.includes(':metingId')) {
    const meten = routes.find((r) => r.method === 'POST' && r.url === '/api/v1/personen/:persoonId/loonwaardemetingen')!;
    const res = await as(p.app, await controleSessie(meten))('POST', `/api/v1/personen/${personId}/loonwaardemetingen`, meten.voorbeeld?.body);
    expect(res.statusCode).toBe(201);
    url = url.replace(':metingId', res.json().id);
  }
  if (url.includes(':verwijzingId')) {
    // A referral to Jobcoach IJsselvallei: not one of the outside users above, so they still have no basis.
    const res = await as(p.app, owner)('POST', `/api/v1/personen/${personId}/verwijzingen`, {
      aanbiederId: stableId('org:jobcoach-ijsselvallei'),
      route: 'participatietraject',
      doel: 'Dagbesteding (test)',
      startdatum: new Date().toISOString().slice(0, 10),
    });
    expect(res.statusCode, res.body).toBe(201);
    url = url.replace(':verwijzingId', res.json().id);
  }
  if (url.includes(':aanpassingId')) {
    const ad = await login(p.app, 'arbeidsdeskundige.zwolle');
    const res = await as(p.app, ad)('POST', `/api/v1/personen/${personId}/werkplekaanpassingen`, { item: 'IV.13', omschrijving: 'Tilhulp (test)' });
    expect(res.statusCode).toBe(201);
    url = url.replace(':aanpassingId', res.json().id);
  }
  if (route.url.startsWith('/api/v1/personen/:persoonId/plan/')) {
    // Responding, agreeing and reading a version need a draft: the klantmanager writes one together with the person.
    const put = await as(p.app, owner)('PUT', `/api/v1/personen/${personId}/plan`, { waarIkSta: 'Thuis.', waarIkNaartoeWil: 'Werk.', watIkNodigHeb: 'Hulp.' });
    expect(put.statusCode, put.body).toBe(200);
  }
  if (url.includes(':versieId')) {
    // An agreed version needs the person's own yes, which only their own account gives: stored directly here.
    const versieId = crypto.randomUUID();
    const akkoord = { op: new Date(), door: owner.gebruiker.id };
    await p.services.storage.db
      .insertInto('plan_versie')
      .values({
        id: versieId,
        organisatie_id: ZWOLLE,
        persoon_id: personId,
        versie: 100 + Math.floor(Math.random() * 1_000_000),
        revisie: 1,
        waar_ik_sta: 'Thuis.',
        waar_ik_naartoe_wil: 'Werk.',
        wat_ik_nodig_heb: 'Hulp.',
        eerste_stappen: null,
        akkoord_persoon_op: akkoord.op,
        akkoord_persoon_door: akkoord.door,
        akkoord_professional_op: akkoord.op,
        akkoord_professional_door: akkoord.door,
      })
      .execute();
    url = url.replace(':versieId', versieId);
  }
  if (url.includes(':afwegingId')) {
    const maken = routes.find((r) => r.method === 'POST' && r.url === '/api/v1/personen/:persoonId/afwegingen')!;
    const res = await as(p.app, owner)('POST', `/api/v1/personen/${personId}/afwegingen`, maken.voorbeeld?.body);
    expect(res.statusCode).toBe(201);
    url = url.replace(':afwegingId', res.json().id);
  }
  expect(url).not.toMatch(/:\w+/);
  return url;
}

describe('every route refuses an unauthenticated request', () => {
  it('covers every signed-in route', () => {
    expect(routes.filter((r) => r.auth === 'ingelogd').length).toBeGreaterThan(15);
  });
  it('answers 401 problem+json on every signed-in route and changes nothing', async () => {
    for (const route of routes.filter((r) => r.auth === 'ingelogd')) {
      // Path parameters get a well-formed value, so the refusal is about authentication, not the input.
      const url = route.url.replace(':publiekId', 'K-ABCDEF').replace(/:(\w+)/g, () => zwollePersons[0]!.id);
      const body = route.voorbeeld?.body ? fill(route.voorbeeld.body, { gemeenteId: ZWOLLE, eigenGebruikerId: owner.gebruiker.id }) : undefined;
      const before = await snapshot(p.services.storage.db);
      const res = await as(p.app, null)(route.method, url, body);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('niet_ingelogd');
      expect(await snapshot(p.services.storage.db)).toEqual(before);
    }
  });
});

describe('cookie-authenticated mutations need the CSRF token', () => {
  it('refuses every mutating route without X-CSRF-Token and changes nothing', async () => {
    const mutating = routes.filter((r) => r.auth === 'ingelogd' && r.method !== 'GET');
    expect(mutating.length).toBeGreaterThan(8);
    for (const [i, route] of mutating.entries()) {
      const target = zwollePersons[i % zwollePersons.length]!;
      const url = route.persoonParam
        ? await urlFor(route, target.id)
        : route.url.replace(':publiekId', 'K-ABCDEF').replace(/:(\w+)/g, () => owner.gebruiker.id);
      const body = route.voorbeeld?.body ? fill(route.voorbeeld.body, { gemeenteId: ZWOLLE, eigenGebruikerId: owner.gebruiker.id }) : undefined;
      const before = await snapshot(p.services.storage.db);
      const res = await p.app.inject({
        method: route.method,
        url,
        headers: { cookie: owner.cookie, ...(typeof body === 'string' ? { 'content-type': 'text/csv' } : {}) },
        ...(body ? { payload: body as object } : {}),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().code).toBe('csrf_ongeldig');
      expect(await snapshot(p.services.storage.db)).toEqual(before);
    }
  });
});

// Every route × every outside user: grows with each module and is slow on a busy 2-core machine.
describe('no user of another organisation reaches a Zwolle person without a basis', { timeout: 300_000 }, () => {
  it('covers every route that names a person', () => {
    const personRoutes = routes.filter((r) => r.persoonParam);
    expect(personRoutes.length).toBeGreaterThanOrEqual(12);
    // Every person route with a body has an example, or the generated test could not prove anything.
    for (const r of personRoutes.filter((x) => x.method === 'POST' || x.method === 'PATCH')) {
      if (r.url.endsWith('/bsn-inzien')) continue;
      expect(r.voorbeeld?.body, `${r.method} ${r.url} needs a voorbeeld`).toBeDefined();
    }
  });

  it('refuses every person route for every outside user, leaks nothing, changes nothing — while the owner succeeds', async () => {
    const personRoutes = routes.filter((r) => r.persoonParam);
    for (const [i, route] of personRoutes.entries()) {
      const target = zwollePersons[i % zwollePersons.length]!;
      const url = await urlFor(route, target.id);
      for (const [name, session] of Object.entries(attackers)) {
        const body = route.voorbeeld?.body ? fill(route.voorbeeld.body, { gemeenteId: ZWOLLE, eigenGebruikerId: session.gebruiker.id }) : undefined;
        const before = await snapshot(p.services.storage.db);
        const res = await as(p.app, session)(route.method, url, body);
        const label = `${name} → ${route.method} ${route.url}`;
        expect([403, 404], label).toContain(res.statusCode);
        expect(res.headers['content-type'], label).toContain('application/problem+json');
        const text = withoutInstance(res.body);
        expect(text, label).not.toContain(target.id);
        expect(text, label).not.toContain(target.achternaam);
        expect(await snapshot(p.services.storage.db), label).toEqual(before);
      }
      const body = route.voorbeeld?.body ? fill(route.voorbeeld.body, { gemeenteId: ZWOLLE, eigenGebruikerId: owner.gebruiker.id }) : undefined;
      // The control: an assignment of someone already assigned conflicts, so assign a colleague instead.
      const controlBody = route.url.endsWith('/toewijzingen')
        ? { gebruikerId: stableId('gebruiker:arbeidsdeskundige.zwolle'), rol: 'arbeidsdeskundige' }
        : body;
      const control = await as(p.app, await controleSessie(route))(route.method, url, controlBody);
      expect(control.statusCode, `control ${route.method} ${route.url}: ${control.body}`).toBeLessThan(300);
    }
  });
});

describe("routes without a person parameter never return another gemeente's persons", { timeout: 300_000 }, () => {
  it('lists, searches and organisation routes leak no Zwolle person to Kampen users', async () => {
    const other = routes.filter((r) => r.auth === 'ingelogd' && !r.persoonParam);
    expect(other.length).toBeGreaterThan(5);
    const zwolleIds = zwollePersons.map((z) => z.id);
    for (const route of other) {
      for (const [name, session] of Object.entries(attackers)) {
        const url = route.url
          .replace(':gebruikerId', stableId('gebruiker:klantmanager.zwolle'))
          .replace(':organisatieId', ZWOLLE)
          .replace(':gemeenteId', ZWOLLE)
          .replace(/:(\w+)/g, () => crypto.randomUUID());
        const body = route.voorbeeld?.body ? fill(route.voorbeeld.body, { gemeenteId: ZWOLLE, eigenGebruikerId: session.gebruiker.id }) : undefined;
        const before = await snapshot(p.services.storage.db, ZWOLLE);
        const res = await as(p.app, session)(route.method, url, body);
        const label = `${name} → ${route.method} ${route.url} (${res.statusCode})`;
        expect(res.statusCode, label).toBeLessThan(500);
        const text = withoutInstance(res.body);
        for (const id of zwolleIds) expect(text, label).not.toContain(id);
        if (route.url.startsWith('/api/v1/gebruikers/:')) expect([403, 404], label).toContain(res.statusCode);
        expect(await snapshot(p.services.storage.db, ZWOLLE), label).toEqual(before);
      }
    }
  });

  it('BSN search finds a Zwolle person for Zwolle and nothing for Kampen', async () => {
    const target = zwollePersons[0]!;
    const bsn = (await as(p.app, owner)('POST', `/api/v1/personen/${target.id}/bsn-inzien`)).json().bsn as string;
    const mine = await as(p.app, owner)('POST', '/api/v1/personen/zoek-op-bsn', { bsn });
    expect(mine.json().resultaten.map((r: { id: string }) => r.id)).toEqual([target.id]);
    const theirs = await as(p.app, attackers['klantmanager.kampen']!)('POST', '/api/v1/personen/zoek-op-bsn', { bsn });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().resultaten).toEqual([]);
  });
});
