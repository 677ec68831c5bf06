import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';

let p: TestPlatform;
let km: Session;
const ZWOLLE = stableId('org:zwolle');
const BSN = '111222333';

beforeAll(async () => {
  p = await createTestPlatform();
  km = await login(p.app, 'klantmanager.zwolle');
});
afterAll(async () => p?.close());

const nieuw = (over: Record<string, unknown> = {}) => ({
  voornaam: 'Sanne',
  achternaam: 'Testpersoon',
  geboortedatum: '1998-04-12',
  bsn: BSN,
  gemeenteId: ZWOLLE,
  email: 'sanne@example.nl',
  telefoon: '0612345678',
  postcode: '8011 AB',
  woonplaats: 'Zwolle',
  ...over,
});

describe('person dossier', () => {
  let id: string;

  it('creates a dossier; the BSN is masked in the answer and encrypted at rest', async () => {
    const res = await as(p.app, km)('POST', '/api/v1/personen', nieuw());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    id = body.id;
    expect(body.bsnGemaskeerd).toBe('******333');
    expect(body.postcode).toBe('8011AB');
    expect(res.body).not.toContain(BSN);
    const raw = await sql<{ r: string }>`SELECT to_jsonb(p)::text AS r FROM persoon p WHERE id = ${id}`.execute(p.services.storage.db);
    expect(raw.rows[0]!.r).not.toContain(BSN);
    // A timeline event was written.
    const timeline = await as(p.app, km)('GET', `/api/v1/personen/${id}/tijdlijn`);
    expect(timeline.json().map((e: { titel: string }) => e.titel)).toContain('Dossier aangemaakt');
  });

  it('never puts the BSN in a list or search response', async () => {
    const list = await as(p.app, km)('GET', '/api/v1/personen?zoek=Testpersoon');
    expect(list.json().totaal).toBe(1);
    expect(list.body).not.toContain(BSN);
    expect(list.body).not.toContain('bsn');
    const byBsn = await as(p.app, km)('POST', '/api/v1/personen/zoek-op-bsn', { bsn: BSN });
    expect(byBsn.json().resultaten.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(byBsn.body).not.toContain(BSN);
  });

  it('shows the full BSN only on the explicit, audited request', async () => {
    const res = await as(p.app, km)('POST', `/api/v1/personen/${id}/bsn-inzien`);
    expect(res.json()).toEqual({ bsn: BSN });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a second dossier with the same BSN in the same gemeente (409) and stores nothing', async () => {
    const before = await p.services.storage.db.selectFrom('persoon').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const res = await as(p.app, km)('POST', '/api/v1/personen', nieuw({ voornaam: 'Ander' }));
    expect(res.statusCode).toBe(409);
    const after = await p.services.storage.db.selectFrom('persoon').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('searches accent- and case-insensitively, by birth date and by client number', async () => {
    await as(p.app, km)('POST', '/api/v1/personen', nieuw({ voornaam: 'Zoë', achternaam: 'Çelik', bsn: null, geboortedatum: '1990-05-06' }));
    const api = as(p.app, km);
    expect((await api('GET', '/api/v1/personen?zoek=zoe%20celik')).json().totaal).toBe(1);
    expect((await api('GET', '/api/v1/personen?zoek=06-05-1990')).json().totaal).toBeGreaterThanOrEqual(1);
    expect((await api('GET', '/api/v1/personen?zoek=31-02-1990')).statusCode).toBe(200);
    expect((await api('GET', '/api/v1/personen?zoek=DEMO-0001')).json().resultaten[0].id).toBe(stableId('persoon:0'));
  });

  it('pages with a stable total', async () => {
    const api = as(p.app, km);
    const page1 = (await api('GET', '/api/v1/personen?paginaGrootte=5&pagina=1')).json();
    const page2 = (await api('GET', '/api/v1/personen?paginaGrootte=5&pagina=2')).json();
    expect(page1.totaal).toBe(page2.totaal);
    expect(page1.resultaten.length).toBe(5);
    const ids1 = new Set(page1.resultaten.map((r: { id: string }) => r.id));
    for (const r of page2.resultaten) expect(ids1.has(r.id)).toBe(false);
    const beyond = (await api('GET', '/api/v1/personen?paginaGrootte=5&pagina=999')).json();
    expect(beyond.resultaten).toEqual([]);
    expect(beyond.totaal).toBe(page1.totaal);
  });

  it('edits with optimistic locking: a stale version gets 412 and changes nothing', async () => {
    const api = as(p.app, km);
    const current = (await api('GET', `/api/v1/personen/${id}`)).json();
    const ok = await api('PATCH', `/api/v1/personen/${id}`, { telefoon: '0699999999', versie: current.versie });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().versie).toBe(current.versie + 1);
    const stale = await api('PATCH', `/api/v1/personen/${id}`, { telefoon: '0600000000', versie: current.versie });
    expect(stale.statusCode).toBe(412);
    expect((await api('GET', `/api/v1/personen/${id}`)).json().telefoon).toBe('0699999999');
  });

  it('closes a dossier with a reason; a closed dossier cannot be edited', async () => {
    const api = as(p.app, km);
    expect((await api('POST', `/api/v1/personen/${id}/afsluiten`, {})).statusCode).toBe(400);
    const closed = await api('POST', `/api/v1/personen/${id}/afsluiten`, { reden: 'Verhuisd naar een andere regio' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('afgesloten');
    expect(closed.json().toewijzingen).toEqual([]);
    expect((await api('PATCH', `/api/v1/personen/${id}`, { telefoon: '0611111111' })).statusCode).toBe(409);
    expect((await api('POST', `/api/v1/personen/${id}/afsluiten`, { reden: 'nogmaals' })).statusCode).toBe(409);
  });
});

describe('recorded bases open a dossier to another organisation, and closing them closes it', () => {
  it('consent to share with WerkKracht gives its klantmanager read access; withdrawal takes it away', async () => {
    const target = stableId('persoon:2');
    const rib = await login(p.app, 'klantmanager.werkkracht-ijssel');
    expect((await as(p.app, rib)('GET', `/api/v1/personen/${target}`)).statusCode).toBe(404);
    const given = await as(p.app, km)('POST', `/api/v1/personen/${target}/toestemmingen`, {
      doel: 'gegevens_delen',
      ontvangerId: stableId('org:werkkracht-ijssel'),
      vastgelegdVia: 'schriftelijk',
    });
    expect(given.statusCode).toBe(201);
    const seen = await as(p.app, rib)('GET', `/api/v1/personen/${target}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().grondslag).toBe('toestemming');
    expect(seen.json().rechten).not.toContain('persoon.wijzigen');
    expect((await as(p.app, rib)('PATCH', `/api/v1/personen/${target}`, { telefoon: '0612121212' })).statusCode).toBe(403);
    const withdrawn = await as(p.app, km)('POST', `/api/v1/personen/${target}/toestemmingen/${given.json().id}/intrekken`, { reden: 'Traject gestopt' });
    expect(withdrawn.json().actief).toBe(false);
    expect((await as(p.app, rib)('GET', `/api/v1/personen/${target}`)).statusCode).toBe(404);
  });

  it('an assignment gives an outside jobcoach access to that person only; ending it removes access', async () => {
    const target = stableId('persoon:3');
    const jc = await login(p.app, 'jobcoach.jobcoach-ijsselvallei');
    expect((await as(p.app, jc)('GET', `/api/v1/personen/${target}`)).statusCode).toBe(404);
    const t = await as(p.app, km)('POST', `/api/v1/personen/${target}/toewijzingen`, { gebruikerId: jc.gebruiker.id, rol: 'jobcoach' });
    expect(t.statusCode).toBe(201);
    expect((await as(p.app, jc)('GET', `/api/v1/personen/${target}`)).json().grondslag).toBe('toewijzing');
    const list = (await as(p.app, jc)('GET', '/api/v1/personen?paginaGrootte=100')).json();
    expect(list.resultaten.map((r: { id: string }) => r.id)).toContain(target);
    expect((await as(p.app, km)('DELETE', `/api/v1/personen/${target}/toewijzingen/${t.json().id}`)).statusCode).toBe(204);
    expect((await as(p.app, jc)('GET', `/api/v1/personen/${target}`)).statusCode).toBe(404);
  });

  it('regional cooperation: Zwolle works for Hattem, Hattem does not work for Zwolle', async () => {
    const hattemPerson = stableId('persoon:9');
    expect((await as(p.app, km)('GET', `/api/v1/personen/${hattemPerson}`)).json().grondslag).toBe('samenwerking');
    const hattem = await login(p.app, 'klantmanager.hattem');
    expect((await as(p.app, hattem)('GET', `/api/v1/personen/${stableId('persoon:0')}`)).statusCode).toBe(404);
  });

  it('an inwoner sees and edits only their own contact details', async () => {
    const inwoner = await login(p.app, 'inwoner.zwolle');
    const own = inwoner.gebruiker.persoonId!;
    const api = as(p.app, inwoner);
    expect((await api('GET', `/api/v1/personen/${own}`)).json().grondslag).toBe('betrokkene');
    expect((await api('PATCH', `/api/v1/personen/${own}`, { telefoon: '0622222222' })).statusCode).toBe(200);
    expect((await api('PATCH', `/api/v1/personen/${own}`, { achternaam: 'Anders' })).statusCode).toBe(403);
    expect((await api('POST', `/api/v1/personen/${own}/bsn-inzien`)).statusCode).toBe(403);
    const list = (await api('GET', '/api/v1/personen')).json();
    expect(list.resultaten.map((r: { id: string }) => r.id)).toEqual([own]);
    expect((await api('GET', `/api/v1/personen/${stableId('persoon:2')}`)).statusCode).toBe(404);
  });
});
