import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type TestPlatform } from '../../testing/harness.js';
import { tableSnapshot } from '../../testing/snapshot.js';
import { functieId } from '../functies/repository.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p?.close());

const REGIO = stableId('regio:regio-zwolle');
const ZWOLLE = stableId('org:zwolle');
const rugPersoon = stableId('persoon:2'); // Zwolle, back problems, wishes to be a metselaar (demo seed)
const kampenPersoon = stableId('persoon:4');
const metselaar = functieId(REGIO, null, 'metselaar');

describe('belastbaarheid', () => {
  it('shows the profile with medical detail only to roles that need it, and audits every read', async () => {
    const ad = await login(p.app, 'arbeidsdeskundige.zwolle');
    const km = await login(p.app, 'klantmanager.zwolle');
    const metMedisch = (await as(p.app, ad)('GET', `/api/v1/personen/${rugPersoon}/belastbaarheid`)).json();
    expect(metMedisch.medischZichtbaar).toBe(true);
    expect(metMedisch.items.find((i: { item: string }) => i.item === 'IV.13')).toMatchObject({ niveau: 3, niveauTekst: expect.stringContaining('5 kg') });
    expect(metMedisch.items.some((i: { toelichting?: string | null }) => i.toelichting?.includes('hernia'))).toBe(true);
    const res = await as(p.app, km)('GET', `/api/v1/personen/${rugPersoon}/belastbaarheid`);
    expect(res.statusCode).toBe(200);
    expect(res.json().medischZichtbaar).toBe(false);
    expect(res.body).not.toContain('hernia');
    const audit = await p.services.storage.db
      .selectFrom('audit_log')
      .select(['gebruiker_naam', 'actie'])
      .where('persoon_id', '=', rugPersoon)
      .where('resource', '=', 'belastbaarheid')
      .execute();
    expect(audit.map((a) => a.gebruiker_naam).sort()).toEqual(['arbeidsdeskundige.zwolle', 'klantmanager.zwolle']);
  });

  it('only an arbeidsdeskundige writes; history is kept; invalid levels and unknown items store nothing', async () => {
    const ad = await login(p.app, 'arbeidsdeskundige.zwolle');
    const km = await login(p.app, 'klantmanager.zwolle');
    const body = { bron: 'eigen_beoordeling', vastgesteldOp: '2026-05-01', items: [{ item: 'IV.13', niveau: 2, duurzaam: true }] };
    expect((await as(p.app, km)('POST', `/api/v1/personen/${rugPersoon}/belastbaarheid`, body)).statusCode).toBe(403);

    const voor = await tableSnapshot(p.services.storage.db);
    for (const [items, code] of [
      [[{ item: 'IV.13', niveau: 9 }], 'ongeldig_niveau'],
      [[{ item: 'XX.1', niveau: 1 }], 'onbekend_item'],
      [[{ item: 'I.8', voorwaarden: ['bestaat_niet'] }], 'onbekende_voorwaarde'],
      [[{ item: 'I.8', niveau: 1 }], 'voorwaarden_verwacht'],
      [
        [
          { item: 'IV.13', niveau: 1 },
          { item: 'IV.13', niveau: 2 },
        ],
        'dubbel',
      ],
    ] as const) {
      const res = await as(p.app, ad)('POST', `/api/v1/personen/${rugPersoon}/belastbaarheid`, { ...body, items });
      expect(res.statusCode, JSON.stringify(items)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().invalidParams.map((i: { code: string }) => i.code)).toContain(code);
    }
    expect(await tableSnapshot(p.services.storage.db)).toEqual(voor);

    const res = await as(p.app, ad)('POST', `/api/v1/personen/${rugPersoon}/belastbaarheid`, body);
    expect(res.statusCode).toBe(201);
    expect(res.json().items.find((i: { item: string }) => i.item === 'IV.13').niveau).toBe(2);
    const historie = (await as(p.app, ad)('GET', `/api/v1/personen/${rugPersoon}/belastbaarheid/historie`)).json();
    expect(historie.items.filter((i: { item: string }) => i.item === 'IV.13').map((i: { niveau: number }) => i.niveau)).toEqual([2, 3]);
    const wijziging = await p.services.storage.db
      .selectFrom('audit_log')
      .select(['wijzigingen'])
      .where('persoon_id', '=', rugPersoon)
      .where('resource', '=', 'belastbaarheid')
      .where('actie', '=', 'wijzigen')
      .executeTakeFirstOrThrow();
    expect(wijziging.wijzigingen).toMatchObject({ 'IV.13': { oud: { niveau: 3 }, nieuw: { niveau: 2 } } });
    // Put it back for the matching tests below.
    await as(p.app, ad)('POST', `/api/v1/personen/${rugPersoon}/belastbaarheid`, { ...body, items: [{ item: 'IV.13', niveau: 3, duurzaam: true }] });
  });

  it('refuses another gemeente', async () => {
    const kampen = await login(p.app, 'arbeidsdeskundige.kampen');
    expect((await as(p.app, kampen)('GET', `/api/v1/personen/${rugPersoon}/belastbaarheid`)).statusCode).toBe(404);
    expect((await as(p.app, kampen)('GET', `/api/v1/personen/${rugPersoon}/passende-functies`)).statusCode).toBe(404);
  });
});

describe('matching', () => {
  it('demo: a person with back problems does not fit metselaar, sees why, and gets related functions that do fit', async () => {
    const ad = await login(p.app, 'arbeidsdeskundige.zwolle');
    const res = await as(p.app, ad)('GET', `/api/v1/personen/${rugPersoon}/passende-functies?wens=${metselaar}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.profielAanwezig).toBe(true);
    expect(body.wens.beoordeling.passend).toBe(false);
    expect(body.wens.beoordeling.functie.naam).toBe('Metselaar');
    const tillen = body.wens.beoordeling.uitleg.find((u: { item: string }) => u.item === 'IV.13');
    expect(tillen.oordeel).toBe('past_niet');
    expect(tillen.zin).toMatch(/Tillen: de functie vraagt meer dan ongeveer 15 kg.*de persoon kan ongeveer 5 kg/);
    expect(body.wens.verwant.length).toBeGreaterThanOrEqual(3);
    for (const v of body.wens.verwant) {
      expect(v.passend).toBe(true);
      expect(v.zelfdeGroep || v.gedeeldeTaken.length > 0).toBe(true);
    }
    // Every ranked function fits, and none asks more than the person can on tillen.
    expect(body.totaal).toBeGreaterThan(10);
    for (const r of body.resultaten) {
      expect(r.mismatches).toBe(0);
      expect(r.uitleg.every((u: { oordeel: string }) => u.oordeel !== 'past_niet')).toBe(true);
    }
    expect(body.resultaten.map((r: { functie: { naam: string } }) => r.functie.naam)).not.toContain('Metselaar');
  });

  it('an adaptation lifts a mismatch; the engine sees new writes without a restart', async () => {
    const ad = await login(p.app, 'arbeidsdeskundige.zwolle');
    const voor = (await as(p.app, ad)('GET', `/api/v1/personen/${rugPersoon}/passende-functies?wens=${metselaar}`)).json();
    const nietPassend = voor.wens.beoordeling.uitleg.filter((u: { oordeel: string }) => u.oordeel === 'past_niet').map((u: { item: string }) => u.item);
    expect(nietPassend.length).toBeGreaterThan(0);
    for (const item of nietPassend) {
      const r = await as(p.app, ad)('POST', `/api/v1/personen/${rugPersoon}/werkplekaanpassingen`, {
        item,
        functieId: metselaar,
        omschrijving: `Aanpassing voor ${item} (test)`,
      });
      expect(r.statusCode).toBe(201);
    }
    const na = (await as(p.app, ad)('GET', `/api/v1/personen/${rugPersoon}/passende-functies?wens=${metselaar}`)).json();
    expect(na.wens.beoordeling.passend).toBe(true);
    expect(na.wens.beoordeling.aangepast).toBe(nietPassend.length);
    // Withdraw them again.
    const lijst = (await as(p.app, ad)('GET', `/api/v1/personen/${rugPersoon}/werkplekaanpassingen`)).json();
    for (const a of lijst)
      expect((await as(p.app, ad)('POST', `/api/v1/personen/${rugPersoon}/werkplekaanpassingen/${a.id}/intrekken`, {})).statusCode).toBe(200);
    const weer = (await as(p.app, ad)('GET', `/api/v1/personen/${rugPersoon}/passende-functies?wens=${metselaar}`)).json();
    expect(weer.wens.beoordeling.passend).toBe(false);
  });

  it('filters by education level and hours', async () => {
    const ad = await login(p.app, 'arbeidsdeskundige.zwolle');
    const alle = (await as(p.app, ad)('GET', `/api/v1/personen/${rugPersoon}/passende-functies?limit=100`)).json();
    const laag = (await as(p.app, ad)('GET', `/api/v1/personen/${rugPersoon}/passende-functies?limit=100&opleidingsniveau=entree`)).json();
    expect(laag.totaal).toBeLessThan(alle.totaal);
    for (const r of laag.resultaten) expect(['geen', 'entree']).toContain(r.functie.opleidingsniveau);
    const kort = (await as(p.app, ad)('GET', `/api/v1/personen/${rugPersoon}/passende-functies?limit=100&urenMax=12`)).json();
    for (const r of kort.resultaten) expect(r.functie.urenMin).toBeLessThanOrEqual(12);
    expect((await as(p.app, ad)('GET', `/api/v1/personen/${rugPersoon}/passende-functies?urenMin=30&urenMax=10`)).statusCode).toBe(400);
  });

  it('reverse: ranks only persons the user may see, each check audited', async () => {
    const ad = await login(p.app, 'arbeidsdeskundige.zwolle');
    const administratief = (await as(p.app, ad)('GET', '/api/v1/functies?q=administratief&limit=1')).json().resultaten[0];
    expect(administratief).toBeDefined();
    const res = await as(p.app, ad)('GET', `/api/v1/functies/${administratief.id}/kandidaten`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totaal).toBeGreaterThan(0);
    const ids: string[] = body.resultaten.map((r: { persoonId: string }) => r.persoonId);
    expect(ids).not.toContain(kampenPersoon);
    const gemeenten = await p.services.storage.db.selectFrom('persoon').select(['organisatie_id']).where('id', 'in', ids).execute();
    const hattem = stableId('org:hattem');
    for (const g of gemeenten) expect([ZWOLLE, hattem]).toContain(g.organisatie_id);
    const audit = await p.services.storage.db
      .selectFrom('audit_log')
      .select('persoon_id')
      .where('resource', '=', 'kandidaten_voor_functie')
      .where('gebruiker_naam', '=', 'arbeidsdeskundige.zwolle')
      .execute();
    expect(new Set(audit.map((a) => a.persoon_id))).toEqual(new Set(ids));
    // A werkgever has no access to persons' belastbaarheid at all.
    const wg = await login(p.app, 'werkgever.bakkerij-van-der-veen');
    expect((await as(p.app, wg)('GET', `/api/v1/functies/${administratief.id}/kandidaten`)).statusCode).toBe(403);
  });
});

describe('functiecatalogus', () => {
  it('lists the regional catalogue (≥150 functions) and exports it as CSV that imports back unchanged', async () => {
    const km = await login(p.app, 'klantmanager.zwolle');
    const lijst = (await as(p.app, km)('GET', '/api/v1/functies?limit=1')).json();
    expect(lijst.totaal).toBeGreaterThanOrEqual(150);
    const csv = await as(p.app, km)('GET', '/api/v1/functies/export?bron=regionaal');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const ad = await login(p.app, 'arbeidsdeskundige.zwolle');
    const proef = await as(p.app, ad)('POST', '/api/v1/functies/import?proefdraai=ja', csv.body, { 'content-type': 'text/csv' });
    expect(proef.statusCode).toBe(200);
    expect(proef.json()).toMatchObject({ proefdraai: true, afgewezen: 0, fouten: [] });
    expect(proef.json().geaccepteerd).toBe(lijst.totaal);
  });

  it('imports good rows, reports every bad one with line, field and reason, and stores nothing on a dry run', async () => {
    const ad = await login(p.app, 'arbeidsdeskundige.zwolle');
    const kop = 'code;naam;isco;brc;groep;opleidingsniveau;sector;uren_min;uren_max;taken;belasting;actief';
    const groep = (await as(p.app, ad)('GET', '/api/v1/functiegroepen')).json().groepen[0];
    const goed = (code: string) => `${code};Medewerker ${code};9629;;${groep.code};geen;${groep.sector};12;32;Taak een|Taak twee;IV.13=2|I.8=geen_deadlines;ja`;
    const csv = [
      kop,
      goed('fietsenstalling-zwolle'),
      `kapot;Kapot;12;;${groep.code};geen;${groep.sector};12;32;Taak;IV.13=9;ja`,
      `onbekend-item;Iets;9629;;${groep.code};geen;${groep.sector};12;32;Taak;ZZ.1=1;ja`,
      `uren-fout;Iets;9629;;${groep.code};geen;${groep.sector};40;20;Taak;;ja`,
      goed('fietsenstalling-zwolle'),
      `lang;${'x'.repeat(10_000)};9629;;${groep.code};geen;${groep.sector};12;32;Taak;;ja`,
      'te;weinig;kolommen',
      goed('tweede-goede'),
    ].join('\r\n');
    const voor = await tableSnapshot(p.services.storage.db);
    const proef = (await as(p.app, ad)('POST', '/api/v1/functies/import?proefdraai=ja', csv, { 'content-type': 'text/csv' })).json();
    expect(await tableSnapshot(p.services.storage.db)).toEqual(voor);
    expect(proef).toMatchObject({ regels: 8, geaccepteerd: 2, afgewezen: 6 });
    const perRegel = new Map<number, string[]>();
    for (const f of proef.fouten) perRegel.set(f.regel, [...(perRegel.get(f.regel) ?? []), f.veld]);
    expect([...perRegel.keys()].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(perRegel.get(3)).toContain('isco');
    expect(perRegel.get(3)).toContain('belasting');
    expect(perRegel.get(4)).toContain('belasting');
    expect(perRegel.get(5)).toContain('uren_max');
    expect(perRegel.get(6)).toContain('code');
    expect(perRegel.get(7)).toContain('naam');

    const echt = (await as(p.app, ad)('POST', '/api/v1/functies/import', csv, { 'content-type': 'text/csv' })).json();
    expect(echt).toMatchObject({ proefdraai: false, geaccepteerd: 2, nieuw: 2, afgewezen: 6 });
    const opnieuw = (await as(p.app, ad)('POST', '/api/v1/functies/import', csv, { 'content-type': 'text/csv' })).json();
    expect(opnieuw).toMatchObject({ nieuw: 0, ongewijzigd: 2 });
    const eigen = (await as(p.app, ad)('GET', '/api/v1/functies?eigen=ja')).json();
    expect(eigen.resultaten.map((f: { code: string }) => f.code).sort()).toEqual(['fietsenstalling-zwolle', 'tweede-goede']);
    // A jobcoach may not change the catalogue; a bad header stores nothing.
    const jc = await login(p.app, 'jobcoach.zwolle');
    expect((await as(p.app, jc)('POST', '/api/v1/functies/import', csv, { 'content-type': 'text/csv' })).statusCode).toBe(403);
    const kopFout = await as(p.app, ad)('POST', '/api/v1/functies/import', 'naam;iets\nx;y', { 'content-type': 'text/csv' });
    expect(kopFout.statusCode).toBe(400);
    expect(kopFout.json().invalidParams.map((i: { code: string }) => i.code)).toContain('kolom_ontbreekt');
  });
});
