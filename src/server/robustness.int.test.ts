/**
 * Robustness, generated from the route table: every route gets malformed, mistyped, oversized and
 * hostile input and must answer 4xx application/problem+json with a Dutch title — never 5xx — and
 * leave the database exactly as it was. A seeded fuzzer adds random JSON to every mutating route.
 *
 * The expected outcome of a body or query is not guessed: the route's own zod schema (from
 * MODULE_ROUTES) is the oracle. What it rejects must be a 400 that changes nothing; what it accepts
 * may succeed, but never with a 5xx, and a refusal must still change nothing.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isValidBsn } from '../shared/bsn.js';
import { MODULE_ROUTES } from './app.js';
import { FOUTCODES, type Foutcode } from './http/problem.js';
import type { Method, RouteInfo } from './http/route.js';
import { stableId } from './seed/demo.js';
import { fuzzBody, fuzzSegment, mulberry32, seedFrom } from './testing/fuzz.js';
import { as, createTestPlatform, login, type Session } from './testing/harness.js';
import { type TableSnapshot, tableSnapshot } from './testing/snapshot.js';

const ZWOLLE = stableId('org:zwolle');
const KAMPEN = stableId('org:kampen');
const HATTEM = stableId('org:hattem');
/** Any id that names nothing; used for every path parameter that is not the person. */
const ONBEKEND = stableId('robuustheid:onbekend');
const BODY_LIMIT = 1_048_576;

// The cases are generated from the live route table, so the platform is built while collecting.
const p = await createTestPlatform();
afterAll(async () => p.close());
const db = p.services.storage.db;
const km = await login(p.app, 'klantmanager.zwolle');
// Routes klantmanager.zwolle may not use would refuse every input before reaching it: those are
// sent as a user who may use them, so the input gets all the way to the database.
const beheerder = await login(p.app, 'beheerder.zwolle');
/** Records loonwaardemetingen (the klantmanager may only read them). */
const loonwaardedeskundige = await login(p.app, 'loonwaardedeskundige.zwolle');
/** Changes its own password in the cases below (valid input may succeed), so not the klantmanager. */
const wachtwoordWijziger = await login(p.app, 'beleidsmedewerker.zwolle');
/** Sets the afwegingskader's weights and (Zwolle is the centrumgemeente) the region's bounds. */
const beleidsmedewerker = await login(p.app, 'beleidsmedewerker.zwolle');
/** The user whose account the beheerder's valid input may change (never one of the sessions above). */
const DOELGEBRUIKER = stableId('gebruiker:redacteur.zwolle');
if (p.services.config.bodyLimit !== BODY_LIMIT) throw new Error(`bodyLimit is ${p.services.config.bodyLimit}`);

const personen: { id: string; achternaam: string; gemeente: { id: string } }[] = (
  await as(p.app, km)('GET', `/api/v1/personen?gemeenteId=${ZWOLLE}&paginaGrootte=100`)
).json().resultaten;
// Persons 0 and 1 carry extra seeded facts (outside jobcoach, consent); use plain ones.
const gewoon = personen.filter((r) => r.id !== stableId('persoon:0') && r.id !== stableId('persoon:1'));
if (gewoon.length < 3) throw new Error(`too few Zwolle persons: ${gewoon.length}`);
const PERSOON = gewoon[0]!.id; // the generated cases
/** Asks for contact on a profile (only an employer may), so valid input reaches the database. */
const werkgever = await login(p.app, 'werkgever.bakkerij-van-der-veen');
/** A real published profile for :publiekId, so valid input gets past the look-up. */
const PUBLIEK_ID = (
  await db.selectFrom('kandidaatprofiel').select('publiek_id').where('gepubliceerd', '=', true).orderBy('publiek_id', 'desc').executeTakeFirstOrThrow()
).publiek_id;
const EXTRA_PERSONEN = [gewoon[1]!.id, gewoon[2]!.id]; // the BSN tests

/**
 * A fresh open Zwolle dossier. Input the schema accepts may legitimately change a dossier (even
 * close it), so the cases and fuzz runs that send such input each get their own.
 */
async function nieuwDossier(achternaam: string): Promise<string> {
  const res = await as(p.app, km)('POST', '/api/v1/personen', { voornaam: 'Robuust', achternaam, geboortedatum: '1990-01-01', gemeenteId: ZWOLLE });
  if (res.statusCode !== 201) throw new Error(`nieuwDossier: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

let volgendBsn = 200_000_000;
/** A BSN that passes the 11-proef and is in no dossier yet (seeded ones start with 9). */
function vrijBsn(): string {
  for (;;) {
    const candidate = String(volgendBsn++);
    if (isValidBsn(candidate)) return candidate;
  }
}

const routes: RouteInfo[] = p.app.routeTable;

type Schemas = { body?: z.ZodType; querystring?: z.ZodType; params?: z.ZodType };
function schemasOf(route: RouteInfo): Schemas {
  const def = MODULE_ROUTES.find((d) => d.method === route.method && d.url === route.url);
  if (!def) throw new Error(`no definition for ${route.method} ${route.url}`);
  return def as unknown as Schemas;
}
function shapeKeys(schema: z.ZodType | undefined): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function fill(value: unknown): unknown {
  const vars: Record<string, string> = { gemeenteId: ZWOLLE, eigenGebruikerId: km.gebruiker.id };
  if (typeof value === 'string') return value.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
  if (Array.isArray(value)) return value.map(fill);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
  return value;
}

/** The route's example body (placeholders filled), or for a route without one a body of the right shape. */
function exampleBody(route: RouteInfo): Record<string, unknown> | string | undefined {
  const { body } = schemasOf(route);
  if (!body) return undefined;
  if (typeof route.voorbeeld?.body === 'string') return route.voorbeeld.body;
  if (route.voorbeeld?.body) return fill(route.voorbeeld.body) as Record<string, unknown>;
  return Object.fromEntries(shapeKeys(body).map((k) => [k, 'x']));
}

function params(route: RouteInfo): string[] {
  return [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
}

/**
 * The url with real values: the Zwolle person for the person parameter, an unknown (random) id
 * elsewhere, or with `diep` a real user for :gebruikerId so valid input reaches the database.
 */
function urlFor(route: RouteInfo, persoonId = PERSOON, override: Record<string, string> = {}, diep = false): string {
  return route.url.replace(
    /:(\w+)/g,
    (_, name: string) =>
      override[name] ??
      (name === route.persoonParam ? persoonId : name === 'publiekId' ? PUBLIEK_ID : diep && name === 'gebruikerId' ? DOELGEBRUIKER : ONBEKEND),
  );
}

function sessionFor(route: RouteInfo): Session {
  if (route.url === '/api/v1/auth/wachtwoord') return wachtwoordWijziger;
  if (route.url === '/api/v1/audit') return beheerder;
  if (route.method === 'POST' && route.url.endsWith('/loonwaardemetingen')) return loonwaardedeskundige;
  if (route.method === 'POST' && route.url === '/api/v1/kandidaatprofielen/:publiekId/contactverzoeken') return werkgever;
  if (route.url.startsWith('/api/v1/gebruikers') && route.url !== '/api/v1/gebruikers/professionals') return beheerder;
  if (route.method === 'PUT' && route.url.startsWith('/api/v1/afwegingskader/')) return beleidsmedewerker;
  return km;
}

interface Verwacht {
  /** Allowed statuses; absent means "any 4xx". */
  status?: number[];
  code?: Foutcode[];
  /** An invalidParams entry with this name must be present. */
  param?: string;
  /** Some invalidParams reason must contain this text. */
  reason?: string;
  /** The input may be valid: any status below 500; a 4xx answer must still be a problem. */
  magSlagen?: boolean;
}

interface Case {
  name: string;
  method: Method;
  url: string;
  session: Session;
  payload?: string | Buffer;
  contentType?: string;
  verwacht: Verwacht;
}

function send(c: Pick<Case, 'method' | 'url' | 'session' | 'payload' | 'contentType'>): Promise<LightMyRequestResponse> {
  return p.app.inject({
    method: c.method,
    url: c.url,
    headers: {
      cookie: c.session.cookie,
      ...(c.method !== 'GET' ? { 'x-csrf-token': c.session.csrfToken } : {}),
      ...(c.contentType ? { 'content-type': c.contentType } : {}),
    },
    ...(c.payload !== undefined ? { payload: c.payload } : {}),
  });
}

function short(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

/** A 4xx answer in RFC 9457 form with the Dutch title of its code. */
function expectProblem(res: LightMyRequestResponse, label: string, verwacht: Verwacht = {}) {
  const where = `${label} → ${res.statusCode} ${short(res.body)}`;
  expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, where).toBeLessThan(500);
  if (verwacht.status) expect(verwacht.status, where).toContain(res.statusCode);
  expect(res.headers['content-type'], where).toMatch(/^application\/problem\+json/);
  let body: { type?: unknown; title?: unknown; status?: unknown; code?: unknown; invalidParams?: { name: string; reason: string }[] };
  try {
    body = JSON.parse(res.body);
  } catch {
    throw new Error(`${where}: body is not JSON`);
  }
  expect(body.type, where).toMatch(/^https:\/\/passend\.nl\/problemen\/[a-z-]+$/);
  expect(body.status, where).toBe(res.statusCode);
  expect(Object.keys(FOUTCODES), where).toContain(body.code);
  const code = body.code as Foutcode;
  expect(body.title, where).toBe(FOUTCODES[code].titel); // the Dutch title of the code
  expect(FOUTCODES[code].status, where).toBe(res.statusCode);
  if (verwacht.code) expect(verwacht.code, where).toContain(code);
  if (verwacht.param) {
    // The named field, or an element inside it (a list parameter names the bad element: gemeenten.0).
    const namen = body.invalidParams?.map((i) => i.name) ?? [];
    expect(
      namen.some((n) => n === verwacht.param || n.startsWith(`${verwacht.param}.`)),
      `${where}: ${JSON.stringify(namen)} should name ${verwacht.param}`,
    ).toBe(true);
  }
  if (verwacht.reason)
    expect(
      body.invalidParams?.some((i) => i.reason.includes(verwacht.reason!)),
      where,
    ).toBe(true);
  return body;
}

function expectOutcome(res: LightMyRequestResponse, label: string, verwacht: Verwacht) {
  if (verwacht.magSlagen) {
    expect(res.statusCode, `${label} → ${res.statusCode} ${short(res.body)}`).toBeLessThan(500);
    if (res.statusCode >= 400) expectProblem(res, label, verwacht);
    return;
  }
  expectProblem(res, label, verwacht);
}

/** Another JSON type than the value's own (never null: several fields are nullable). */
function wrongTypes(value: unknown): { label: string; value: unknown }[] {
  if (typeof value === 'string')
    return [
      { label: 'number for string', value: 12345 },
      { label: 'array for string', value: [value] },
    ];
  if (typeof value === 'number')
    return [
      { label: 'string for number', value: String(value) },
      { label: 'boolean for number', value: true },
    ];
  if (typeof value === 'boolean')
    return [
      { label: 'string for boolean', value: String(value) },
      { label: 'number for boolean', value: 1 },
    ];
  if (Array.isArray(value))
    return [
      { label: 'string for array', value: String(value[0] ?? 'x') },
      { label: 'object for array', value: { 0: value[0] ?? 'x' } },
    ];
  return [
    { label: 'array for object', value: [value] },
    { label: 'string for object', value: 'x' },
  ];
}

const JSON_CT = 'application/json';
const cases: Case[] = [];
const add = (route: RouteInfo, input: string, c: Omit<Case, 'name' | 'method' | 'session'> & { session?: Session }) =>
  cases.push({ name: `${route.method} ${route.url} ← ${input}`, method: route.method, session: sessionFor(route), ...c });

for (const route of routes) {
  const schemas = schemasOf(route);
  const url = urlFor(route);
  const example = exampleBody(route);
  const exampleText = example ? JSON.stringify(example) : undefined;

  if (route.method !== 'GET') {
    add(route, 'malformed JSON {bad', { url, payload: '{bad', contentType: JSON_CT, verwacht: { status: [400], code: ['ongeldige_json'] } });
    add(route, 'empty body with a JSON content-type', { url, payload: '', contentType: JSON_CT, verwacht: { status: [400], code: ['ongeldige_json'] } });
    add(route, 'JSON with a __proto__ key', {
      url,
      payload: `{"__proto__":{"isBeheerder":true},${(exampleText ?? '{}').slice(1)}`.replace(/,}$/, '}'),
      contentType: JSON_CT,
      verwacht: { status: [400] },
    });
    const big = `{"titel":"${'x'.repeat(BODY_LIMIT)}"}`;
    // A streamed upload (bulk import) is not bound by the JSON limit; a body that is no JSON list is
    // refused on its first character instead. Its own upload limit is tested in the import's tests.
    add(route, 'oversized body (> 1 MiB)', {
      url,
      payload: big,
      contentType: JSON_CT,
      verwacht: route.stroom ? { status: [400], code: ['ongeldige_json'] } : { status: [413], code: ['te_groot'] },
    });
    add(route, 'unsupported content-type application/xml', {
      url,
      payload: '<persoon/>',
      contentType: 'application/xml',
      verwacht: { status: [415], code: ['mediatype_niet_ondersteund'] },
    });
  }

  if (schemas.body && typeof example === 'string') {
    // A text body (CSV upload): broken files are refused cleanly, the example is accepted.
    add(route, 'body.csv: the example as text/csv', { url, payload: example, contentType: 'text/csv', verwacht: { magSlagen: true } });
    add(route, 'body.csv: only garbage', { url, payload: '\u00ff\u00fe;;"', contentType: 'text/csv', verwacht: { status: [400], code: ['ongeldige_invoer'] } });
    add(route, 'body.csv: a NUL byte', { url, payload: `${example}\u0000`, contentType: 'text/csv', verwacht: { status: [400], code: ['ongeldige_invoer'] } });
    add(route, 'body.csv: empty', { url, payload: '', contentType: 'text/csv', verwacht: { status: [400], code: ['ongeldige_invoer'] } });
  }
  if (schemas.body && example && exampleText && typeof example === 'object') {
    add(route, 'a JSON array instead of an object', {
      url,
      payload: JSON.stringify([example]),
      contentType: JSON_CT,
      verwacht: { status: [400], code: ['ongeldige_invoer'], param: 'body' },
    });
    add(route, 'JSON null', { url, payload: 'null', contentType: JSON_CT, verwacht: { status: [400], code: ['ongeldige_invoer'] } });
    add(route, 'the valid example as text/plain', { url, payload: exampleText, contentType: 'text/plain', verwacht: { status: [400, 415] } });
    add(route, 'an unknown extra field', {
      url,
      payload: JSON.stringify({ ...example, extraVeld: 'onbekend' }),
      contentType: JSON_CT,
      verwacht: { status: [400], code: ['ongeldige_invoer'], reason: 'extraVeld' },
    });
    for (const [field, value] of Object.entries(example)) {
      for (const wrong of wrongTypes(value)) {
        add(route, `body.${field}: ${wrong.label} (${JSON.stringify(wrong.value)})`, {
          url,
          payload: JSON.stringify({ ...example, [field]: wrong.value }),
          contentType: JSON_CT,
          verwacht: { status: [400], code: ['ongeldige_invoer'], param: `body.${field}` },
        });
      }
    }
  }

  // Hostile text in every field (the example's and the schema's). The schema decides: what it
  // refuses must be a 400 naming the field; what it accepts must be stored or refused cleanly, never
  // a 5xx. Each route gets its own dossier, and each create its own BSN, so no earlier case's
  // success turns a later case into a conflict that hides a fault.
  // (A text body — a CSV upload — has no fields; its rows are tested by the import's own tests.)
  if (schemas.body && example && typeof example === 'object') {
    const hostile: [string, string][] = [
      ['a NUL byte', 'a\u0000b'],
      ['a lone surrogate', '\ud800'],
      ['10,001 characters', 'x'.repeat(10_001)],
      ['SQL', "'; drop table persoon; --"],
      ['emoji and RTL override', '😀\u202eevil'],
    ];
    const dossier = route.persoonParam ? await nieuwDossier(`Waarden ${route.url}`) : PERSOON;
    for (const field of new Set([...Object.keys(example), ...shapeKeys(schemas.body)])) {
      for (const [label, text] of hostile) {
        const candidate = { ...example, ...(field !== 'bsn' && 'bsn' in example ? { bsn: vrijBsn() } : {}), [field]: text };
        const valid = schemas.body.safeParse(candidate).success;
        add(route, `body.${field}: ${label}`, {
          url: urlFor(route, dossier, {}, true),
          payload: JSON.stringify(candidate),
          contentType: JSON_CT,
          verwacht: valid ? { magSlagen: true } : { status: [400], code: ['ongeldige_invoer'], param: `body.${field}` },
        });
      }
    }
  }

  // Invalid path parameters; the body (if any) is the valid example, so only the path is wrong.
  const body = exampleText ? { payload: exampleText, contentType: JSON_CT } : {};
  for (const name of params(route)) {
    const invalid: [string, string, Verwacht][] = [
      ['not-a-uuid', 'not-a-uuid', { status: [400], param: `params.${name}` }],
      ['150 characters', 'a'.repeat(150), { status: [400], param: `params.${name}` }],
      ['5000 characters (over the router maxParamLength)', 'a'.repeat(5000), {}],
      ['%00', '%00', { status: [400], param: `params.${name}` }],
      ['unicode', encodeURIComponent('ünï😀'), { status: [400], param: `params.${name}` }],
      ['malformed percent-encoding %E0%A4%A', '%E0%A4%A', {}],
      ["SQL ' OR '1'='1", encodeURIComponent("' OR '1'='1"), { status: [400], param: `params.${name}` }],
    ];
    if (name === route.persoonParam) invalid.push(['a well-formed id of no person', ONBEKEND, { status: [404], code: ['niet_gevonden'] }]);
    for (const [label, value, verwacht] of invalid) {
      add(route, `:${name} = ${label}`, { url: urlFor(route, PERSOON, { [name]: value }), ...body, verwacht });
    }
  }

  // Hostile query strings. Routes with a query schema: each parameter gets each value, and the
  // schema decides whether it must be refused. Other GET routes must ignore the query.
  const queryKeys = shapeKeys(schemas.querystring);
  if (schemas.querystring) {
    const values = ['-1', '0', '100000', '1e9', 'NaN', 'x'.repeat(10_000), "'; drop table persoon; --", '%', '_', '\\', '\u0000', 'ünï😀', '', '0000-01-01'];
    for (const key of queryKeys) {
      for (const value of values) {
        const valid = schemas.querystring.safeParse({ [key]: value }).success;
        add(route, `?${key}=${short(JSON.stringify(value)).slice(0, 60)}`, {
          url: `${url}?${new URLSearchParams({ [key]: value })}`,
          ...body,
          verwacht: valid ? { magSlagen: true } : { status: [400], code: ['ongeldige_invoer'], param: `querystring.${key}` },
        });
      }
      const repeated = schemas.querystring.safeParse({ [key]: ['1', '2'] }).success;
      add(route, `?${key} twice`, { url: `${url}?${key}=1&${key}=2`, ...body, verwacht: repeated ? { magSlagen: true } : { status: [400] } });
    }
    add(route, '?an unknown query parameter', { url: `${url}?onbekend=1`, ...body, verwacht: { status: [400], code: ['ongeldige_invoer'] } });
  } else if (route.method === 'GET') {
    add(route, 'hostile query string (no query schema: ignored)', {
      url: `${url}?pagina=-1&paginaGrootte=100000&zoek=${encodeURIComponent("'; drop table persoon; --%_\\")}&x=%00`,
      verwacht: { magSlagen: true },
    });
  }
}

// Runs first: the generated cases below may store valid hostile text (e.g. a name with '%').
describe('searching with hostile terms matches them literally', () => {
  const totaal = async (zoek: string) => {
    const res = await as(p.app, km)('GET', `/api/v1/personen?${new URLSearchParams({ zoek, gemeenteId: ZWOLLE })}`);
    expect(res.statusCode, `${zoek} → ${res.body}`).toBe(200);
    return res.json().totaal as number;
  };
  it('finds persons by name, so a zero below means "no match", not "broken"', async () => {
    expect(await totaal('')).toBeGreaterThan(3);
    expect(await totaal(gewoon[0]!.achternaam)).toBeGreaterThan(0);
  });
  it.each(['%', '_', '\\', '%%', '_%_', "'; drop table persoon; --", "' OR '1'='1"])('zoek=%s finds nothing and changes nothing', async (zoek) => {
    const before = await tableSnapshot(db);
    expect(await totaal(zoek)).toBe(0);
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe('generated from the route table', () => {
  it('covers every route', () => {
    expect(routes.length).toBeGreaterThan(20);
    const covered = new Set(cases.map((c) => c.name.split(' ← ')[0]));
    for (const r of routes) expect(covered, `${r.method} ${r.url}`).toContain(`${r.method} ${r.url}`);
    // Every route that takes a body got the wrong-type cases.
    for (const r of routes.filter((x) => schemasOf(x).body)) {
      expect(
        cases.some((c) => c.name.startsWith(`${r.method} ${r.url} ← body.`)),
        `${r.method} ${r.url}`,
      ).toBe(true);
    }
  });

  // The cases run one after another and nothing else writes meanwhile, so each case's "after" is
  // the next one's "before" (one snapshot per case instead of two).
  let vorige: TableSnapshot | undefined;
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const before = vorige ?? (await tableSnapshot(db));
    vorige = undefined; // a failing case leaves no trusted baseline behind
    const res = await send(c);
    const after = await tableSnapshot(db);
    expectOutcome(res, c.name, c.verwacht);
    if (res.statusCode >= 300) expect(after, `${c.name}: the database changed`).toEqual(before);
    vorige = after;
  });
});

describe('persons: BSN, gemeente and duplicates', () => {
  const post = as(p.app, km);
  const nieuwPersoon = (over: Record<string, unknown>) => ({
    voornaam: 'Robuust',
    achternaam: 'Testpersoon',
    geboortedatum: '1990-01-01',
    gemeenteId: ZWOLLE,
    bsn: vrijBsn(),
    ...over,
  });

  it.each(['123456789', '12345678A', '1234567890', '000000000', ' ', '12 34 56 789'])('an invalid BSN %j is refused on create and on change', async (bsn) => {
    const before = await tableSnapshot(db);
    const created = await post('POST', '/api/v1/personen', nieuwPersoon({ bsn }));
    expectProblem(created, `POST bsn=${bsn}`, { status: [400], code: ['ongeldige_invoer'], param: 'body.bsn' });
    const changed = await post('PATCH', `/api/v1/personen/${EXTRA_PERSONEN[0]}`, { bsn });
    expectProblem(changed, `PATCH bsn=${bsn}`, { status: [400], code: ['ongeldige_invoer'], param: 'body.bsn' });
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('a person for another gemeente is refused (403) and nothing is stored; the same body for Zwolle works', async () => {
    const body = nieuwPersoon({});
    const before = await tableSnapshot(db);
    const refused = await post('POST', '/api/v1/personen', { ...body, gemeenteId: KAMPEN });
    expectProblem(refused, 'POST gemeenteId=Kampen', { status: [403], code: ['geen_toegang'] });
    expect(await tableSnapshot(db)).toEqual(before);
    const zoek = await post('POST', '/api/v1/personen/zoek-op-bsn', { bsn: body.bsn });
    expect(zoek.json().totaal).toBe(0);

    const ok = await post('POST', '/api/v1/personen', body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().gemeente.id).toBe(ZWOLLE);
    expect((await tableSnapshot(db)).persoon!.rows).toBe(before.persoon!.rows + 1);
  });

  it('a duplicate BSN in the same gemeente is a 409 on create and on change; another gemeente may hold it', async () => {
    const bsn = vrijBsn();
    const first = await post('POST', '/api/v1/personen', nieuwPersoon({ bsn }));
    expect(first.statusCode, first.body).toBe(201);

    const before = await tableSnapshot(db);
    const dup = await post('POST', '/api/v1/personen', nieuwPersoon({ bsn, voornaam: 'Dubbel' }));
    expectProblem(dup, 'POST duplicate BSN', { status: [409], code: ['conflict'], param: 'bsn' });
    // The same number written differently is the same BSN.
    const spaced = `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`;
    const dup2 = await post('POST', '/api/v1/personen', nieuwPersoon({ bsn: spaced }));
    expectProblem(dup2, 'POST duplicate BSN with spaces', { status: [409], code: ['conflict'], param: 'bsn' });
    const patch = await post('PATCH', `/api/v1/personen/${EXTRA_PERSONEN[1]}`, { bsn });
    expectProblem(patch, 'PATCH to a duplicate BSN', { status: [409], code: ['conflict'], param: 'bsn' });
    expect(await tableSnapshot(db)).toEqual(before);

    // A seeded person's BSN (read through the logged route) is a duplicate as well.
    const seeded = await post('POST', `/api/v1/personen/${EXTRA_PERSONEN[0]}/bsn-inzien`);
    expect(seeded.statusCode).toBe(200);
    const seededBsn = seeded.json().bsn as string;
    expect(isValidBsn(seededBsn)).toBe(true);
    expectProblem(await post('POST', '/api/v1/personen', nieuwPersoon({ bsn: seededBsn })), 'POST seeded BSN', { status: [409], param: 'bsn' });
    expect(await tableSnapshot(db)).toEqual(before);

    // Uniqueness is per gemeente: Zwolle acts for Hattem, where the number is still free.
    const elders = await post('POST', '/api/v1/personen', nieuwPersoon({ bsn, gemeenteId: HATTEM }));
    expect(elders.statusCode, elders.body).toBe(201);
  });
});

describe('seeded fuzzing of every mutating route', () => {
  const FUZZ_RUNS = 30;
  const mutating = routes.filter((r) => r.method !== 'GET');
  // Logout takes no input at all (no body, no parameters): there is nothing to fuzz, and any request
  // would end the session. It still gets the malformed, oversized and content-type cases above.
  const fuzzable = mutating.filter((r) => schemasOf(r).body || params(r).length > 0);

  it('fuzzes every mutating route that takes input', () => {
    expect(mutating.filter((r) => !fuzzable.includes(r)).map((r) => r.url)).toEqual(['/api/v1/auth/logout']);
    expect(fuzzable.length).toBeGreaterThan(12);
  });

  it.each(fuzzable.map((r) => [`${r.method} ${r.url}`, r] as const))('%s: 30 seeded random inputs, no 5xx, refusals change nothing', async (_, route) => {
    const { body, params: paramSchema } = schemasOf(route);
    const rand = mulberry32(seedFrom(`${route.method} ${route.url}`));
    const baseExample = exampleBody(route);
    const session = sessionFor(route);
    const dossier = route.persoonParam ? await nieuwDossier(`Fuzz ${route.url}`) : PERSOON;
    let before = await tableSnapshot(db);
    let refused = 0;
    for (let i = 0; i < FUZZ_RUNS; i++) {
      let url = urlFor(route, dossier, {}, true);
      let payload: string | undefined;
      let valid = true;
      if (body) {
        if (typeof baseExample === 'string') {
          // A text body (CSV): cut it, repeat lines, sprinkle quotes, delimiters and line breaks.
          let tekst = baseExample;
          for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) {
            const at = Math.floor(rand() * (tekst.length + 1));
            const stukje = ['"', ';', '\n', '\r\n', '""', 'é', '=1+1', tekst.slice(0, at)][Math.floor(rand() * 8)] as string;
            tekst = rand() < 0.2 ? tekst.slice(0, at) : tekst.slice(0, at) + stukje + tekst.slice(at);
          }
          payload = JSON.stringify(tekst);
        } else {
          const example = baseExample && 'bsn' in baseExample ? { ...baseExample, bsn: vrijBsn() } : baseExample;
          payload = fuzzBody(rand, example, shapeKeys(body));
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(payload);
          // Fastify refuses prototype-pollution keys outright.
          if (/"(__proto__|constructor)"\s*:/.test(payload)) valid = false;
          else valid = body.safeParse(parsed).success;
        } catch {
          valid = false;
        }
      } else {
        const names = params(route);
        const name = names[Math.floor(rand() * names.length)]!;
        const segment = fuzzSegment(rand);
        url = urlFor(route, dossier, { [name]: segment }, true);
        let decoded: string;
        try {
          decoded = decodeURIComponent(segment);
        } catch {
          decoded = segment;
        }
        valid = Boolean(paramSchema?.safeParse({ ...Object.fromEntries(names.map((n) => [n, ONBEKEND])), [name]: decoded }).success);
      }
      const label = `${route.method} ${url} #${i} body=${payload === undefined ? '-' : short(payload)}`;
      const res = await send({ method: route.method, url, session, contentType: payload === undefined ? undefined : JSON_CT, payload });
      if (payload !== undefined && Buffer.byteLength(payload) > BODY_LIMIT) expectProblem(res, label, { status: [413] });
      else if (!valid) expectProblem(res, label, { status: [400, 404] });
      else expectOutcome(res, label, { magSlagen: true });
      const after = await tableSnapshot(db);
      if (res.statusCode >= 300) {
        refused++;
        expect(after, `${label}: a refused request changed the database`).toEqual(before);
      }
      before = after;
    }
    expect(refused, 'the fuzzer should mostly produce refused input').toBeGreaterThan(FUZZ_RUNS / 2);
  });
});
