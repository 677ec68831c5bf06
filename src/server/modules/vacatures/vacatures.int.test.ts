import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FML_ITEMS } from '../belastbaarheid/fml-catalogus.js';
import { functieId } from '../functies/repository.js';
import { stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';
import { tableSnapshot } from '../../testing/snapshot.js';
import { vacatureFunctieId } from './rangschikking.js';

let p: TestPlatform;
let wg: Session;
let kmKampen: Session;
const REGIO = stableId('regio:regio-zwolle');
const VERKOOP = functieId(REGIO, null, 'verkoopmedewerker-bakkerij');
const ZWOLLE = stableId('org:zwolle');

beforeAll(async () => {
  p = await createTestPlatform();
  wg = await login(p.app, 'werkgever.bakkerij-van-der-veen');
  kmKampen = await login(p.app, 'klantmanager.kampen');
});
afterAll(async () => p?.close());

const vacature = (over: Record<string, unknown> = {}) => ({
  titel: 'Verkoper in onze bakkerij',
  omschrijving: 'Klanten helpen aan de toonbank en brood snijden.',
  functieId: VERKOOP,
  urenMin: 16,
  urenMax: 24,
  gemeenteId: ZWOLLE,
  ...over,
});

interface Kandidaat {
  publiekId: string;
  fit: { soort: string; label: string; bespreekpunten: number; bespreekTekst: string | null };
  urenPassen: boolean;
}

async function kandidaten(sessie: Session, id: string): Promise<{ totaal: number; aantalPassend: number; aantalOnbekend: number; resultaten: Kandidaat[] }> {
  const res = await as(p.app, sessie)('GET', `/api/v1/vacatures/${id}/kandidaten?limit=50`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** publiekId → persoon id of the published profiles (the test may look; the employer never does). */
async function gepubliceerd() {
  const rijen = await p.services.storage.db
    .selectFrom('kandidaatprofiel')
    .select(['publiek_id', 'persoon_id'])
    .where('regio_id', '=', REGIO)
    .where('gepubliceerd', '=', true)
    .execute();
  return new Map(rijen.map((r) => [r.publiek_id, r.persoon_id]));
}

describe('vacancies', () => {
  let id: string;

  it('an employer creates one from a catalogue function, with its own belasting on an item', async () => {
    const res = await as(p.app, wg)('POST', '/api/v1/vacatures', vacature({ belastingAanpassingen: { 'IV.13': 4 } }));
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      titel: 'Verkoper in onze bakkerij',
      functie: { id: VERKOOP },
      status: 'open',
      aangepast: true,
      gemeente: { naam: 'Zwolle' },
    });
    const tillen = res.json().belasting.find((b: { item: string }) => b.item === 'IV.13');
    expect(tillen).toMatchObject({ niveau: 4, aangepast: true });
    const lijst = (await as(p.app, wg)('GET', '/api/v1/vacatures')).json().resultaten;
    expect(lijst.map((v: { id: string }) => v.id)).toContain(id);
  });

  it('another organisation gets 404 on every route of it and changes nothing; roles without the right get 403', async () => {
    const zonderRecht: [string, Session][] = [];
    for (const naam of ['beleidsmedewerker.zwolle', 'inwoner.zwolle', 'beheerder.bakkerij-van-der-veen', 'jobcoach.werkkracht-ijssel'])
      zonderRecht.push([naam, await login(p.app, naam)]);
    const voor = await tableSnapshot(p.services.storage.db);
    for (const [methode, url, body] of [
      ['GET', `/api/v1/vacatures/${id}`, undefined],
      ['PUT', `/api/v1/vacatures/${id}`, vacature()],
      ['DELETE', `/api/v1/vacatures/${id}`, undefined],
      ['GET', `/api/v1/vacatures/${id}/kandidaten`, undefined],
    ] as const) {
      expect((await as(p.app, kmKampen)(methode, url, body)).statusCode, `${methode} ${url}`).toBe(404);
    }
    expect((await as(p.app, kmKampen)('GET', '/api/v1/vacatures')).json().resultaten.map((v: { id: string }) => v.id)).not.toContain(id);
    for (const [naam, s] of zonderRecht) {
      expect((await as(p.app, s)('GET', '/api/v1/vacatures')).statusCode, naam).toBe(403);
      expect((await as(p.app, s)('POST', '/api/v1/vacatures', vacature())).statusCode, naam).toBe(403);
    }
    expect(await tableSnapshot(p.services.storage.db)).toEqual(voor);
  });

  it('refuses bad input with a 400 naming the field, storing nothing', async () => {
    // A gemeente's own function is not the employer's to use.
    const eigen = await as(p.app, kmKampen)('POST', '/api/v1/functies', {
      code: 'medewerker-kampen-test',
      naam: 'Medewerker Kampen (test)',
      groep: 'winkel_en_speciaalzaak',
      opleidingsniveau: 'geen',
      sector: 'detailhandel',
      urenMin: 8,
      urenMax: 32,
      taken: ['Vakken vullen'],
      belasting: { 'V.3': 1 },
    });
    expect(eigen.statusCode, eigen.body).toBe(201);
    const gevallen: [Record<string, unknown>, string][] = [
      [vacature({ belastingAanpassingen: { 'XX.1': 1 } }), 'body.belastingAanpassingen.XX.1'],
      [vacature({ belastingAanpassingen: { 'IV.13': 9 } }), 'body.belastingAanpassingen.IV.13'],
      [vacature({ belastingAanpassingen: { 'I.8': ['bestaat_niet'] } }), 'body.belastingAanpassingen.I.8'],
      [vacature({ belastingAanpassingen: { 'IV.13': ['geen_deadlines'] } }), 'body.belastingAanpassingen.IV.13'],
      [vacature({ urenMin: 30, urenMax: 20 }), 'body.urenMax'],
      [vacature({ functieId: stableId('bestaat-niet') }), 'body.functieId'],
      [vacature({ functieId: eigen.json().id }), 'body.functieId'],
      [vacature({ gemeenteId: stableId('org:bakkerij-van-der-veen') }), 'body.gemeenteId'],
      [vacature({ titel: 'x' }), 'body.titel'],
      [vacature({ status: 'half' }), 'body.status'],
    ];
    const voor = await tableSnapshot(p.services.storage.db);
    for (const [body, veld] of gevallen) {
      const res = await as(p.app, wg)('POST', '/api/v1/vacatures', body);
      expect(res.statusCode, `${veld}: ${res.body}`).toBe(400);
      expect(
        res.json().invalidParams.some((i: { name: string }) => i.name === veld || i.name.startsWith(`${veld}.`) || i.name.startsWith(`${veld}[`)),
        `${veld}: ${res.body}`,
      ).toBe(true);
      const put = await as(p.app, wg)('PUT', `/api/v1/vacatures/${id}`, body);
      expect(put.statusCode, `PUT ${veld}`).toBe(400);
    }
    expect(await tableSnapshot(p.services.storage.db)).toEqual(voor);
  });

  it('ranks the published candidates in the engine’s order of fit; misfits left out; unknown belastbaarheid last', async () => {
    const uitkomst = await kandidaten(wg, id);
    const idx = p.services.matching.voor(REGIO);
    const engine = idx.engine;
    const perPubliek = await gepubliceerd();
    // Independently, per person (the engine's single-pair judgement, not the bit-sliced ranking):
    const verwacht = { passend: new Set<string>(), onbekend: new Set<string>(), past: new Set<string>() };
    for (const [publiekId, persoonId] of perPubliek) {
      if (engine.profielVan(persoonId) === null) verwacht.onbekend.add(publiekId);
      else if (engine.beoordeel(persoonId, vacatureFunctieId(id))?.mismatches === 0) verwacht.passend.add(publiekId);
      else verwacht.past.add(publiekId);
    }
    expect(verwacht.passend.size).toBeGreaterThan(0);
    expect(verwacht.onbekend.size).toBeGreaterThan(0);
    expect(verwacht.past.size).toBeGreaterThan(0); // some candidates do not fit, so leaving them out is tested
    expect(uitkomst.aantalPassend).toBe(verwacht.passend.size);
    expect(uitkomst.aantalOnbekend).toBe(verwacht.onbekend.size);
    const getoond = uitkomst.resultaten;
    const passend = getoond.filter((r) => r.fit.soort !== 'onbekend');
    const onbekend = getoond.filter((r) => r.fit.soort === 'onbekend');
    expect(new Set(passend.map((r) => r.publiekId))).toEqual(verwacht.passend);
    expect(new Set(onbekend.map((r) => r.publiekId))).toEqual(verwacht.onbekend);
    // Fitting first, then unknown.
    expect(getoond.map((r) => r.fit.soort === 'onbekend')).toEqual([...passend.map(() => false), ...onbekend.map(() => true)]);
    for (const o of onbekend) expect(o.fit.label).toBe('Belastbaarheid niet bekend');
    // The points to go through are the engine's items near the limit, and the order follows them.
    for (const r of passend) {
      const b = engine.beoordeel(perPubliek.get(r.publiekId)!, vacatureFunctieId(id))!;
      expect(r.fit.bespreekpunten).toBe(b.opDeGrens);
      expect(r.fit.soort).toBe(b.aangepast > 0 ? 'past_met_aanpassing' : 'past');
    }
    const punten = passend.map((r) => r.fit.bespreekpunten);
    expect(punten).toEqual([...punten].sort((a, b) => a - b));
    // And the engine's own ranking of the same persons yields the same order of points.
    const viaEngine = engine.rangschikPersonen(vacatureFunctieId(id), {
      gemeenten: new Set(),
      extraPersonen: new Set(perPubliek.values()),
      offset: 0,
      limit: 1000,
    });
    expect(viaEngine.resultaten.map((r) => r.opDeGrens)).toEqual(punten);
  });

  it('never shows an FML item, level or medical note — only the public profile and the fit summary', async () => {
    const res = await as(p.app, wg)('GET', `/api/v1/vacatures/${id}/kandidaten?limit=50`);
    expect(res.body).not.toMatch(/\b[IVX]+\.\d+\b/);
    const tekst = res.body.toLowerCase();
    for (const item of FML_ITEMS)
      expect(tekst, item.naam).not.toMatch(new RegExp(`"[^"]*\\b${item.naam.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
    const notities = await p.services.storage.db.selectFrom('belastbaarheid_item').select('toelichting').where('toelichting', 'is not', null).execute();
    expect(notities.length).toBeGreaterThan(0);
    for (const n of notities) expect(res.body).not.toContain(n.toelichting);
    for (const r of res.json().resultaten) {
      expect(Object.keys(r).sort()).toEqual(
        [
          'publiekId',
          'gemeente',
          'wensen',
          'kwaliteiten',
          'sectoren',
          'gewensteFuncties',
          'opleidingsniveau',
          'urenMin',
          'urenMax',
          'beschikbaarVanaf',
          'beschikbaarNu',
          'werkcondities',
          'banenafspraak',
          'compleetheid',
          'fit',
          'urenPassen',
        ].sort(),
      );
    }
  });

  it('a workplace adaptation recorded for the catalogue function lets a candidate fit the vacancy', async () => {
    const engine = p.services.matching.voor(REGIO).engine;
    const perPubliek = await gepubliceerd();
    const vacId = vacatureFunctieId(id);
    // A published candidate who does not fit, only on ordinal items (adaptations lift those).
    const belasting = engine.functie(vacId)!.belasting;
    let doel: { persoonId: string; items: string[] } | null = null;
    for (const persoonId of perPubliek.values()) {
      const profiel = engine.profielVan(persoonId);
      const b = engine.beoordeel(persoonId, vacId);
      if (!profiel || !b || b.mismatches === 0) continue;
      const items = Object.entries(profiel.niveaus)
        .filter(([item, niveau]) => typeof belasting[item] === 'number' && niveau > (belasting[item] as number))
        .map(([item]) => item);
      const voorwaarden = Object.entries(profiel.voorwaarden).some(
        ([item, nodig]) => Array.isArray(belasting[item]) && nodig.some((c) => (belasting[item] as string[]).includes(c)),
      );
      if (!voorwaarden && items.length === b.mismatches) {
        doel = { persoonId, items };
        break;
      }
    }
    expect(doel).not.toBeNull();
    const publiekId = [...perPubliek].find(([, pid]) => pid === doel!.persoonId)![0];
    expect((await kandidaten(wg, id)).resultaten.map((r) => r.publiekId)).not.toContain(publiekId);
    const ad = await login(p.app, 'arbeidsdeskundige.zwolle');
    const gemeente = (await p.services.storage.db.selectFrom('persoon').select('organisatie_id').where('id', '=', doel!.persoonId).executeTakeFirstOrThrow())
      .organisatie_id;
    const sessie =
      gemeente === ZWOLLE || gemeente === stableId('org:hattem')
        ? ad
        : await login(
            p.app,
            `arbeidsdeskundige.${gemeente === stableId('org:kampen') ? 'kampen' : gemeente === stableId('org:dalfsen') ? 'dalfsen' : 'staphorst'}`,
          );
    for (const item of doel!.items) {
      const res = await as(p.app, sessie)('POST', `/api/v1/personen/${doel!.persoonId}/werkplekaanpassingen`, {
        item,
        functieId: VERKOOP,
        omschrijving: 'Aanpassing op de werkplek (test)',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const na = (await kandidaten(wg, id)).resultaten.find((r) => r.publiekId === publiekId);
    expect(na?.fit).toMatchObject({ soort: 'past_met_aanpassing', label: 'Past met een aanpassing op de werkplek' });
  });

  it('every candidate list is audited, and each shown person sees it in their own inzage', async () => {
    const db = p.services.storage.db;
    const tel = async (resource: string) =>
      Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('resource', '=', resource)
            .where('resource_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const lijstVoor = await tel('kandidaatprofielen');
    const personenVoor = await tel('kandidaten_voor_vacature');
    const uitkomst = await kandidaten(wg, id);
    expect(await tel('kandidaatprofielen')).toBe(lijstVoor + 1);
    expect(await tel('kandidaten_voor_vacature')).toBe(personenVoor + uitkomst.resultaten.length);
  });

  it('changes with optimistic locking, closes, and deletes', async () => {
    const huidig = (await as(p.app, wg)('GET', `/api/v1/vacatures/${id}`)).json();
    const oud = await as(p.app, wg)('PUT', `/api/v1/vacatures/${id}`, vacature({ versie: huidig.versie + 5 }));
    expect(oud.statusCode).toBe(412);
    const dicht = await as(p.app, wg)('PUT', `/api/v1/vacatures/${id}`, vacature({ status: 'gesloten', versie: huidig.versie }));
    expect(dicht.statusCode, dicht.body).toBe(200);
    expect(dicht.json()).toMatchObject({ status: 'gesloten', versie: huidig.versie + 1, aangepast: false });
    expect((await as(p.app, wg)('GET', '/api/v1/vacatures?status=open')).json().resultaten.map((v: { id: string }) => v.id)).not.toContain(id);
    expect((await as(p.app, wg)('DELETE', `/api/v1/vacatures/${id}`)).statusCode).toBe(204);
    expect((await as(p.app, wg)('GET', `/api/v1/vacatures/${id}`)).statusCode).toBe(404);
  });

  it('a gemeente keeps its own vacancies; the demo employer has one with candidates', async () => {
    const km = await login(p.app, 'klantmanager.zwolle');
    const res = await as(p.app, km)('POST', '/api/v1/vacatures', vacature({ titel: 'Medewerker stadswinkel' }));
    expect(res.statusCode, res.body).toBe(201);
    expect((await as(p.app, wg)('GET', `/api/v1/vacatures/${res.json().id}`)).statusCode).toBe(404);
    const demo = await kandidaten(wg, stableId('vacature:bakkerij:verkoop'));
    expect(demo.totaal).toBeGreaterThan(0);
  });
});
