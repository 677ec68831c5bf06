import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestPlatform, login, type TestPlatform } from '../testing/harness.js';
import { THROTTLE } from './throttle.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p?.close());

const loginReq = (username: string, password: string, ip = '10.0.0.1') =>
  p.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

describe('login and sessions', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns a CSRF token', async () => {
    const res = await loginReq('klantmanager.zwolle', 'passend-demo');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'passend_sessie')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.path).toBe('/');
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.json().gebruiker.gebruikersnaam).toBe('klantmanager.zwolle');
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    const wrong = await loginReq('klantmanager.zwolle', 'fout-wachtwoord', '10.0.0.2');
    const unknown = await loginReq('bestaat.niet', 'fout-wachtwoord', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().title).toBe(unknown.json().title);
    expect(wrong.cookies.length).toBe(0);
  });

  it(`throttles after ${THROTTLE.perUser} failed attempts for one username, even with the right password`, async () => {
    for (let i = 0; i < THROTTLE.perUser; i++) expect((await loginReq('jobcoach.kampen', 'fout', `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await loginReq('jobcoach.kampen', 'passend-demo', '10.1.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe(String(THROTTLE.windowMinutes * 60));
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    // Another user is not affected.
    expect((await loginReq('jobcoach.dalfsen', 'passend-demo', '10.1.0.98')).statusCode).toBe(200);
  });

  it('logout ends the session on the server', async () => {
    const s = await login(p.app, 'klantmanager.kampen');
    expect((await as(p.app, s)('GET', '/api/v1/auth/sessie')).statusCode).toBe(200);
    const out = await p.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(out.statusCode).toBe(204);
    expect((await as(p.app, s)('GET', '/api/v1/personen')).statusCode).toBe(401);
  });

  it('password change needs the current password and a long enough new one; the old one stops working', async () => {
    const s = await login(p.app, 'arbeidsdeskundige.dalfsen');
    const api = as(p.app, s);
    expect((await api('POST', '/api/v1/auth/wachtwoord', { huidigWachtwoord: 'onjuist', nieuwWachtwoord: 'een-heel-nieuw-wachtwoord' })).statusCode).toBe(400);
    expect((await api('POST', '/api/v1/auth/wachtwoord', { huidigWachtwoord: 'passend-demo', nieuwWachtwoord: 'kort' })).statusCode).toBe(400);
    expect((await api('POST', '/api/v1/auth/wachtwoord', { huidigWachtwoord: 'passend-demo', nieuwWachtwoord: 'een-heel-nieuw-wachtwoord' })).statusCode).toBe(
      204,
    );
    expect((await loginReq('arbeidsdeskundige.dalfsen', 'passend-demo', '10.2.0.1')).statusCode).toBe(401);
    expect((await loginReq('arbeidsdeskundige.dalfsen', 'een-heel-nieuw-wachtwoord', '10.2.0.1')).statusCode).toBe(200);
  });

  it('a deactivated user can no longer use an existing session', async () => {
    const target = await login(p.app, 'jobcoach.staphorst');
    const beheerder = await login(p.app, 'beheerder.staphorst');
    const res = await as(p.app, beheerder)('PATCH', `/api/v1/gebruikers/${target.gebruiker.id}`, { actief: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().actief).toBe(false);
    expect((await as(p.app, target)('GET', '/api/v1/personen')).statusCode).toBe(401);
  });
});

describe('API tokens for system-to-system calls', () => {
  it('authenticate with Bearer, need no CSRF, act as their account, and can be refused when invalid', async () => {
    const beheerder = await login(p.app, 'beheerder.zwolle');
    const km = await login(p.app, 'klantmanager.zwolle');
    const created = await as(p.app, beheerder)('POST', `/api/v1/gebruikers/${km.gebruiker.id}/api-tokens`, { naam: 'Koppeling test' });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    expect(token).toMatch(/^pas_/);
    const list = await p.app.inject({ method: 'GET', url: '/api/v1/personen', headers: { authorization: `Bearer ${token}` } });
    expect(list.statusCode).toBe(200);
    expect(list.json().totaal).toBeGreaterThan(0);
    const write = await p.app.inject({
      method: 'POST',
      url: `/api/v1/personen/${list.json().resultaten[0].id}/tijdlijn`,
      headers: { authorization: `Bearer ${token}` },
      payload: { soort: 'notitie', titel: 'Via koppeling' },
    });
    expect(write.statusCode).toBe(201);
    const bad = await p.app.inject({ method: 'GET', url: '/api/v1/personen', headers: { authorization: 'Bearer pas_ongeldig' } });
    expect(bad.statusCode).toBe(401);
    // The token itself is never stored.
    const stored = await p.services.storage.db.selectFrom('api_token').select('token_hash').execute();
    expect(stored.some((r) => r.token_hash === token)).toBe(false);
  });
});

describe('security headers', () => {
  it('sends CSP, nosniff, frame and referrer protection, and no-store on the API', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
