import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';
import { tableSnapshot } from '../../testing/snapshot.js';

let p: TestPlatform;
let km: Session;
let wg: Session;
beforeAll(async () => {
  p = await createTestPlatform();
  km = await login(p.app, 'klantmanager.zwolle');
  wg = await login(p.app, 'werkgever.bakkerij-van-der-veen');
});
afterAll(async () => p?.close());

const tuinder = stableId('persoon:2');
const reintegratie = stableId('persoon:3');
const profiel = {
  wensen: 'Ik wil graag buiten werken in tuinen en parken, het liefst in een vast team.',
  kwaliteiten: 'Handig, betrouwbaar, altijd op tijd; ervaring met snoeien.',
  sectoren: ['groen'],
  gewensteFuncties: ['Medewerker groenvoorziening'],
  opleidingsniveau: 'entree',
  urenMin: 16,
  urenMax: 24,
  beschikbaarVanaf: '2026-01-01',
  werkcondities: ['werkt_graag_buiten', 'geen_zwaar_tilwerk'],
  banenafspraak: true,
};

async function zoek(sessie: Session, query: string) {
  const res = await as(p.app, sessie)('GET', `/api/v1/kandidaatprofielen?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('kandidaatprofiel', () => {
  it('is published only while the person consents, and an employer never sees who it is', async () => {
    const put = await as(p.app, km)('PUT', `/api/v1/personen/${tuinder}/kandidaatprofiel`, profiel);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ aanwezig: true, gepubliceerd: false, toestemmingActief: false, compleetheid: 100 });
    // The demo region already has published profiles; this one's own words are unique to it.
    expect((await zoek(wg, 'q=snoeien')).totaal).toBe(0);

    const toestemming = await as(p.app, km)('POST', `/api/v1/personen/${tuinder}/toestemmingen`, { doel: 'kandidaatprofiel', vastgelegdVia: 'schriftelijk' });
    expect(toestemming.statusCode).toBe(201);
    const gevonden = await zoek(wg, 'q=snoeien');
    expect(gevonden.totaal).toBe(1);
    // Stemming: "tuin" finds the profile's "tuinen", "park" its "parken".
    const tuinen = await zoek(wg, 'q=tuin&limit=100');
    expect(tuinen.resultaten.map((r: { publiekId: string }) => r.publiekId)).toContain(gevonden.resultaten[0].publiekId);
    expect((await zoek(wg, 'q=park')).totaal).toBeGreaterThanOrEqual(1);
    const publiekId = gevonden.resultaten[0].publiekId;
    expect(publiekId).toMatch(/^K-/);

    // No name, BSN, address, phone or e-mail anywhere in what the employer receives.
    const persoon = await p.services.storage.db.selectFrom('persoon').selectAll().where('id', '=', tuinder).executeTakeFirstOrThrow();
    const bsn = (await as(p.app, km)('POST', `/api/v1/personen/${tuinder}/bsn-inzien`)).json().bsn as string;
    for (const body of [JSON.stringify(gevonden), (await as(p.app, wg)('GET', `/api/v1/kandidaatprofielen/${publiekId}`)).body]) {
      for (const geheim of [persoon.achternaam, persoon.voornaam, bsn, persoon.email, persoon.telefoon, persoon.straat, persoon.postcode, tuinder]) {
        if (geheim) expect(body).not.toContain(geheim);
      }
    }
    // The view of one profile is recorded for the person's own inzage.
    const inzage = await p.services.storage.db
      .selectFrom('audit_log')
      .select(['gebruiker_naam'])
      .where('persoon_id', '=', tuinder)
      .where('resource', '=', 'kandidaatprofiel_publiek')
      .execute();
    expect(inzage.map((a) => a.gebruiker_naam)).toEqual(['werkgever.bakkerij-van-der-veen']);

    await as(p.app, km)('POST', `/api/v1/personen/${tuinder}/toestemmingen/${toestemming.json().id}/intrekken`, { reden: 'Wil even niet' });
    expect((await zoek(wg, 'q=snoeien')).totaal).toBe(0);
    expect((await as(p.app, wg)('GET', `/api/v1/kandidaatprofielen/${publiekId}`)).statusCode).toBe(404);
    await as(p.app, km)('POST', `/api/v1/personen/${tuinder}/toestemmingen`, { doel: 'kandidaatprofiel', vastgelegdVia: 'digitaal' });
    expect((await zoek(wg, 'q=snoeien')).totaal).toBe(1);
  });

  it('searches Dutch text with stemming and accent folding, filters, and counts facets', async () => {
    const put = await as(p.app, km)('PUT', `/api/v1/personen/${reintegratie}/kandidaatprofiel`, {
      wensen: 'Na mijn re-integratie wil ik graag in een café werken, met mensen.',
      kwaliteiten: 'Gastvrij en vriendelijk; werkt netjes.',
      sectoren: ['horeca'],
      opleidingsniveau: 'mbo2',
      urenMin: 24,
      urenMax: 32,
      werkcondities: ['werkt_graag_met_mensen'],
    });
    expect(put.statusCode, put.body).toBe(200);
    await as(p.app, km)('POST', `/api/v1/personen/${reintegratie}/toestemmingen`, { doel: 'kandidaatprofiel', vastgelegdVia: 'mondeling' });

    expect((await zoek(wg, 'q=reintegratie')).totaal).toBe(1);
    const cafe = await zoek(wg, 'q=cafe&limit=100');
    expect(cafe.resultaten.some((r: { wensen: string }) => r.wensen.includes('re-integratie'))).toBe(true);

    const alle = await zoek(wg, 'limit=100');
    const telling = (facet: { code: string; aantal: number }[], code: string) => facet.find((f) => f.code === code)?.aantal ?? 0;
    expect(alle.totaal).toBe(alle.resultaten.length);
    for (const code of ['groen', 'horeca']) {
      expect(telling(alle.facetten.sectoren, code)).toBe(
        alle.resultaten.filter((r: { sectoren: { code: string }[] }) => r.sectoren.some((s) => s.code === code)).length,
      );
    }
    // A chosen sector narrows the results and the other facets, but still shows the other sectors.
    const horeca = await zoek(wg, 'sectoren=horeca&limit=100');
    expect(horeca.totaal).toBe(telling(alle.facetten.sectoren, 'horeca'));
    expect(horeca.resultaten.every((r: { sectoren: { code: string }[] }) => r.sectoren.some((s) => s.code === 'horeca'))).toBe(true);
    expect(horeca.facetten.sectoren.length).toBeGreaterThan(1);
    expect(horeca.facetten.opleidingsniveaus.reduce((s: number, f: { aantal: number }) => s + f.aantal, 0)).toBeLessThanOrEqual(horeca.totaal);
    for (const r of (await zoek(wg, 'urenMax=14&limit=100')).resultaten) expect(r.urenMin ?? 0).toBeLessThanOrEqual(14);
    for (const r of (await zoek(wg, 'werkcondities=werkt_graag_buiten,geen_zwaar_tilwerk&limit=100')).resultaten) {
      expect(r.werkcondities.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['werkt_graag_buiten', 'geen_zwaar_tilwerk']));
    }
    for (const r of (await zoek(wg, 'beschikbaarNu=ja&limit=100')).resultaten) expect(r.beschikbaarNu).toBe(true);
    const pagina = await zoek(wg, 'opleidingsniveaus=mbo2,entree&limit=1&offset=1');
    expect(pagina.resultaten).toHaveLength(1);
    expect(pagina.totaal).toBeGreaterThan(1);

    // Every search leaves exactly one audit row — with results (written by the page's own statement)
    // and without — naming the count, never the query text.
    const zoekAudit = () =>
      p.services.storage.db
        .selectFrom('audit_log')
        .select(['toelichting', 'gebruiker_id', 'actor_organisatie_id'])
        .where('resource', '=', 'kandidaatprofielen')
        .where('actie', '=', 'zoeken')
        .where('gebruiker_id', '=', wg.gebruiker.id)
        .orderBy('id')
        .execute();
    const voor = (await zoekAudit()).length;
    await zoek(wg, 'q=cafe');
    await zoek(wg, 'q=zeppelinbouwer');
    const na = await zoekAudit();
    expect(na).toHaveLength(voor + 2);
    expect(na.slice(-2).map((a) => a.toelichting)).toEqual([`${cafe.totaal} profielen gevonden met vrije tekst`, '0 profielen gevonden met vrije tekst']);
  });

  it('refuses identifying free text and bad input with a clear 4xx, storing nothing', async () => {
    const voor = await tableSnapshot(p.services.storage.db);
    for (const [body, param] of [
      [{ ...profiel, wensen: 'Bel me op 06-12345678' }, 'body.wensen'],
      [{ ...profiel, kwaliteiten: 'mail: jan@example.nl' }, 'body.kwaliteiten'],
      [{ ...profiel, sectoren: ['ruimtevaart'] }, 'body.sectoren.0'],
      [{ ...profiel, werkcondities: ['slechte_rug'] }, 'body.werkcondities.0'],
      [{ ...profiel, urenMin: 30, urenMax: 10 }, 'body.urenMax'],
    ] as const) {
      const res = await as(p.app, km)('PUT', `/api/v1/personen/${tuinder}/kandidaatprofiel`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().invalidParams.map((i: { name: string }) => i.name)).toContain(param);
    }
    expect(await tableSnapshot(p.services.storage.db)).toEqual(voor);
    expect((await as(p.app, wg)('GET', '/api/v1/kandidaatprofielen?urenMin=30&urenMax=10')).statusCode).toBe(400);
    expect((await as(p.app, wg)('GET', '/api/v1/kandidaatprofielen/123')).statusCode).toBe(400);
  });

  it('lets the person see their own profile as an employer sees it; other gemeenten and roles are refused', async () => {
    const inwoner = await login(p.app, 'inwoner.zwolle');
    const eigen = stableId('persoon:0');
    expect((await as(p.app, inwoner)('PUT', `/api/v1/personen/${eigen}/kandidaatprofiel`, { wensen: 'Ik werk graag met dieren.' })).statusCode).toBe(200);
    const zelf = (await as(p.app, inwoner)('GET', `/api/v1/personen/${eigen}/kandidaatprofiel`)).json();
    expect(zelf.zoalsWerkgeverZiet.wensen).toBe('Ik werk graag met dieren.');
    expect(zelf.ontbrekend.length).toBeGreaterThan(0);
    expect((await as(p.app, inwoner)('GET', `/api/v1/personen/${tuinder}/kandidaatprofiel`)).statusCode).toBe(404);
    const kampen = await login(p.app, 'klantmanager.kampen');
    expect((await as(p.app, kampen)('GET', `/api/v1/personen/${tuinder}/kandidaatprofiel`)).statusCode).toBe(404);
    const school = await login(p.app, 'school.praktijkschool-de-boog');
    expect((await as(p.app, school)('GET', '/api/v1/kandidaatprofielen')).statusCode).toBe(403);
  });
});
