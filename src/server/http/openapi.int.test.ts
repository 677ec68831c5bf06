import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/harness.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p?.close());

it('publishes OpenAPI 3 for every route, generated from the same zod schemas', async () => {
  const res = await p.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc.openapi).toMatch(/^3\./);
  for (const route of p.app.routeTable) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
  }
  // The person detail response documents the masked BSN and no clear BSN field.
  const detail = JSON.stringify(doc.paths['/api/v1/personen/{persoonId}'].get.responses['200']);
  expect(detail).toContain('bsnGemaskeerd');
  expect(detail).not.toMatch(/"bsn"\s*:/);
  // A request body documents its required fields.
  const create = doc.paths['/api/v1/personen'].post.requestBody.content['application/json'].schema;
  expect(create.required).toEqual(expect.arrayContaining(['voornaam', 'achternaam', 'geboortedatum', 'gemeenteId']));
});

it('follows the NL API Design Rules for paths: kebab-case, no trailing slash, under /api/v1', () => {
  for (const route of p.app.routeTable) {
    expect(route.url).toMatch(/^\/api\/v1\//);
    expect(route.url.endsWith('/')).toBe(false);
    for (const segment of route.url.split('/').filter((s) => s && !s.startsWith(':'))) expect(segment).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\.json)?$/);
  }
});

it('answers unknown API paths with a 404 problem, and a trailing slash is not silently accepted', async () => {
  const res = await p.app.inject({ method: 'GET', url: '/api/v1/bestaat-niet' });
  expect(res.statusCode).toBe(404);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().title).toBe('Niet gevonden.');
  expect((await p.app.inject({ method: 'GET', url: '/api/v1/health/' })).statusCode).toBe(404);
});
