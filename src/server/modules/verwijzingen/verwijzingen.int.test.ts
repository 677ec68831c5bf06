import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';
import { tableSnapshot } from '../../testing/snapshot.js';
import { signaleerGeenActiviteit, startDagelijkseSignalering } from './signalering.js';

let p: TestPlatform;
let km: Session;
let kmKampen: Session;
let rib: Session;
const ZWOLLE = stableId('org:zwolle');
const WERKKRACHT = stableId('org:werkkracht-ijssel');
/** Fresh Zwolle dossiers, without seeded referrals. */
let PERSOON = '';
let TWEEDE = '';

beforeAll(async () => {
  p = await createTestPlatform();
  km = await login(p.app, 'klantmanager.zwolle');
  kmKampen = await login(p.app, 'klantmanager.kampen');
  rib = await login(p.app, 'klantmanager.werkkracht-ijssel');
  const maak = async (achternaam: string) => {
    const res = await as(p.app, km)('POST', '/api/v1/personen', { voornaam: 'Verwezen', achternaam, geboortedatum: '1985-03-03', gemeenteId: ZWOLLE });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  PERSOON = await maak('Eerste');
  TWEEDE = await maak('Tweede');
});
afterAll(async () => p?.close());

const taakTelling = async (bronId: string) =>
  Number(
    (
      await p.services.storage.db
        .selectFrom('taak')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('soort', '=', 'terugmelding_opvolgen')
        .where('bron_id', '=', bronId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('verwijzing en terugmelding', () => {
  let verwijzingId = '';
  let basis = '';
  beforeAll(() => {
    basis = `/api/v1/personen/${PERSOON}/verwijzingen`;
  });

  it('a klantmanager refers a person to WerkKracht; the provider then reads the person on the referral basis', async () => {
    expect((await as(p.app, rib)('GET', `/api/v1/personen/${PERSOON}`)).statusCode).toBe(404);
    const res = await as(p.app, km)('POST', basis, {
      aanbiederId: WERKKRACHT,
      route: 'werk_via_reintegratie',
      doel: 'Begeleiding naar werk in de logistiek',
      startdatum: new Date().toISOString().slice(0, 10),
    });
    expect(res.statusCode, res.body).toBe(201);
    verwijzingId = res.json().id;
    expect(res.json().status.code).toBe('aangemeld');
    expect(res.json().stappen).toEqual(['ingetrokken']);
    const gezien = await as(p.app, rib)('GET', `/api/v1/personen/${PERSOON}`);
    expect(gezien.statusCode).toBe(200);
    expect(gezien.json().grondslag).toBe('verwijzing');
    const inkomend = (await as(p.app, rib)('GET', '/api/v1/verwijzingen')).json();
    expect(inkomend.richting).toBe('inkomend');
    expect(inkomend.resultaten.map((v: { id: string }) => v.id)).toContain(verwijzingId);
    const eigen = (await as(p.app, rib)('GET', basis)).json();
    expect(eigen.map((v: { id: string }) => v.id)).toEqual([verwijzingId]);
    expect(eigen[0].stappen.sort()).toEqual(['geaccepteerd', 'geweigerd', 'teruggemeld']);
    const audit = await p.services.storage.db
      .selectFrom('audit_log')
      .select('actie')
      .where('resource', '=', 'verwijzing')
      .where('resource_id', '=', verwijzingId)
      .execute();
    expect(audit.map((a) => a.actie)).toContain('aanmaken');
  });

  it('refuses invalid transitions and the wrong party, storing nothing', async () => {
    const url = `${basis}/${verwijzingId}/status`;
    const voor = await tableSnapshot(p.services.storage.db);
    const sprong = await as(p.app, rib)('POST', url, { status: 'afgerond' });
    expect(sprong.statusCode).toBe(409);
    expect(sprong.headers['content-type']).toContain('application/problem+json');
    expect((await as(p.app, km)('POST', url, { status: 'geaccepteerd' })).statusCode).toBe(403);
    expect((await as(p.app, rib)('POST', url, { status: 'ingetrokken', toelichting: 'Weg' })).statusCode).toBe(403);
    expect((await as(p.app, rib)('POST', url, { status: 'teruggemeld', toelichting: 'Ziek' })).statusCode).toBe(422);
    expect((await as(p.app, rib)('POST', url, { status: 'geweigerd' })).statusCode).toBe(422);
    expect((await as(p.app, rib)('POST', url, { status: 'bestaat_niet' })).statusCode).toBe(400);
    expect(await tableSnapshot(p.services.storage.db)).toEqual(voor);
  });

  it('the provider accepts and starts, each step dated and by whom', async () => {
    const url = `${basis}/${verwijzingId}/status`;
    expect((await as(p.app, rib)('POST', url, { status: 'geaccepteerd' })).statusCode).toBe(200);
    const gestart = await as(p.app, rib)('POST', url, { status: 'gestart' });
    expect(gestart.statusCode, gestart.body).toBe(200);
    const g = gestart.json().geschiedenis;
    expect(g.map((s: { naar: string }) => s.naar)).toEqual(['aangemeld', 'geaccepteerd', 'gestart']);
    expect(g[2].doorOrganisatie).toContain('WerkKracht');
    expect(g[2].tijdstip).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('refuses a return with free text only, or an unknown reason, and stores nothing', async () => {
    const url = `${basis}/${verwijzingId}/terugmelding`;
    const voor = await tableSnapshot(p.services.storage.db);
    const alleenTekst = await as(p.app, rib)('POST', url, { toelichting: 'Hij had het zwaar en kwam niet meer.' });
    expect(alleenTekst.statusCode).toBe(400);
    const leeg = await as(p.app, rib)('POST', url, { redenen: [], toelichting: 'Hij had het zwaar.' });
    expect(leeg.statusCode).toBe(400);
    const onbekend = await as(p.app, rib)('POST', url, { redenen: [{ code: 'pech_gehad' }], toelichting: 'Hij had het zwaar.' });
    expect(onbekend.statusCode).toBe(422);
    expect(onbekend.json().invalidParams[0].name).toBe('redenen.0.code');
    const tweeHoofd = await as(p.app, rib)('POST', url, {
      redenen: [
        { code: 'medisch', primair: true },
        { code: 'schulden', primair: true },
      ],
      toelichting: 'Twee hoofdredenen',
    });
    expect(tweeHoofd.statusCode).toBe(422);
    // The referring gemeente cannot return the person on the provider's behalf.
    expect((await as(p.app, km)('POST', url, { redenen: [{ code: 'medisch' }], toelichting: 'Door gemeente' })).statusCode).toBe(403);
    expect(await tableSnapshot(p.services.storage.db)).toEqual(voor);
    expect(await p.services.storage.db.selectFrom('terugmelding').select('id').where('verwijzing_id', '=', verwijzingId).execute()).toEqual([]);
  });

  it('a coded return ends the referral and the access, and creates the follow-up task exactly once', async () => {
    const url = `${basis}/${verwijzingId}/terugmelding`;
    const res = await as(p.app, rib)('POST', url, {
      redenen: [{ code: 'schulden' }, { code: 'medisch', primair: true }],
      toelichting: 'Rugklachten en zorgen over schulden; eerst hulp daarbij.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const t = res.json().terugmelding;
    expect(res.json().status.code).toBe('teruggemeld');
    expect(t.redenen.find((r: { primair: boolean }) => r.primair).code).toBe('medisch');
    expect(await taakTelling(t.id)).toBe(1);
    // Access ends with the referral.
    expect((await as(p.app, rib)('GET', `/api/v1/personen/${PERSOON}`)).statusCode).toBe(404);
    const grondslag = await p.services.storage.db
      .selectFrom('grondslag')
      .select(['tot'])
      .where('persoon_id', '=', PERSOON)
      .where('ontvanger_id', '=', WERKKRACHT)
      .execute();
    expect(grondslag.every((g) => g.tot !== null)).toBe(true);
    expect((await as(p.app, rib)('GET', '/api/v1/verwijzingen')).json().resultaten.map((v: { id: string }) => v.id)).not.toContain(verwijzingId);
    // A second return is refused (the provider no longer has a basis) and adds no task.
    const nogmaals = await as(p.app, rib)('POST', url, { redenen: [{ code: 'medisch' }], toelichting: 'Nogmaals' });
    expect([404, 409]).toContain(nogmaals.statusCode);
    expect(await taakTelling(t.id)).toBe(1);
    // The klantmanager sees the follow-up task, and the return with its reasons.
    const taken = (await as(p.app, km)('GET', '/api/v1/taken?soort=terugmelding_opvolgen')).json();
    const taak = taken.resultaten.find((x: { bron: { id: string } | null }) => x.bron?.id === t.id);
    expect(taak.persoon.id).toBe(PERSOON);
    expect(taak.toegewezenAan.id).toBe(km.gebruiker.id);
    const dossier = (await as(p.app, km)('GET', basis)).json();
    expect(dossier[0].terugmelding.vervolgtaakId).toBe(taak.id);
    expect(dossier[0].stappen).toEqual([]);
    // The timeline names the return but not the (possibly medical) reason.
    const tijdlijn = await p.services.storage.db
      .selectFrom('tijdlijn_gebeurtenis')
      .select(['titel', 'tekst'])
      .where('persoon_id', '=', PERSOON)
      .where('soort', '=', 'verwijzing')
      .execute();
    expect(tijdlijn.some((e) => e.titel.includes('teruggemeld'))).toBe(true);
    expect(JSON.stringify(tijdlijn)).not.toContain('Rugklachten');
  });

  it('withdrawing by the gemeente ends the access as well', async () => {
    const res = await as(p.app, km)('POST', basis, {
      aanbiederId: WERKKRACHT,
      route: 'werk_via_reintegratie',
      doel: 'Tweede poging',
      startdatum: new Date().toISOString().slice(0, 10),
    });
    expect(res.statusCode).toBe(201);
    expect((await as(p.app, rib)('GET', `/api/v1/personen/${PERSOON}`)).statusCode).toBe(200);
    const ingetrokken = await as(p.app, km)('POST', `${basis}/${res.json().id}/status`, { status: 'ingetrokken', toelichting: 'Toch eerst schuldhulp' });
    expect(ingetrokken.statusCode).toBe(200);
    expect((await as(p.app, rib)('GET', `/api/v1/personen/${PERSOON}`)).statusCode).toBe(404);
  });

  it("another gemeente gets 404 on a person's referrals and cannot refer", async () => {
    const voor = await tableSnapshot(p.services.storage.db);
    expect((await as(p.app, kmKampen)('GET', basis)).statusCode).toBe(404);
    expect((await as(p.app, kmKampen)('POST', `${basis}/${verwijzingId}/status`, { status: 'ingetrokken', toelichting: 'x' })).statusCode).toBe(404);
    expect(
      (await as(p.app, kmKampen)('POST', basis, { aanbiederId: WERKKRACHT, route: 'participatietraject', doel: 'x y', startdatum: '2026-11-01' })).statusCode,
    ).toBe(404);
    expect(await tableSnapshot(p.services.storage.db)).toEqual(voor);
    const lijst = (await as(p.app, kmKampen)('GET', '/api/v1/verwijzingen?status=alle')).json();
    expect(JSON.stringify(lijst)).not.toContain(PERSOON);
  });

  it('refuses a provider that is not one, and a closed dossier', async () => {
    const geen = await as(p.app, km)('POST', basis, {
      aanbiederId: stableId('org:bakkerij-van-der-veen'),
      route: 'werk_via_reintegratie',
      doel: 'Werk',
      startdatum: '2026-11-01',
    });
    expect(geen.statusCode).toBe(422);
    expect(geen.json().invalidParams[0].name).toBe('aanbiederId');
  });
});

describe('de lijst van terugmeldredenen', () => {
  it('is maintained by the centrumgemeente: add, retire (then refused in a return), never delete a used reason', async () => {
    const bm = await login(p.app, 'beleidsmedewerker.zwolle');
    const lijst = (await as(p.app, rib)('GET', '/api/v1/terugmeldredenen')).json();
    expect(lijst.beheerder.id).toBe(ZWOLLE);
    expect(lijst.magBeheren).toBe(false);
    expect(lijst.redenen.map((r: { code: string }) => r.code)).toContain('werk_gevonden');
    const bmKampen = await login(p.app, 'beleidsmedewerker.kampen');
    expect((await as(p.app, bmKampen)('POST', '/api/v1/terugmeldredenen', { code: 'mantelzorg', label: 'Mantelzorg', categorie: 'negatief' })).statusCode).toBe(
      403,
    );
    const nieuw = await as(p.app, bm)('POST', '/api/v1/terugmeldredenen', { code: 'mantelzorg', label: 'Mantelzorg', categorie: 'negatief' });
    expect(nieuw.statusCode, nieuw.body).toBe(201);
    expect((await as(p.app, bm)('POST', '/api/v1/terugmeldredenen', { code: 'mantelzorg', label: 'Dubbel', categorie: 'negatief' })).statusCode).toBe(409);
    // An unused reason may be deleted; a used one may not (medisch was used above).
    const medisch = lijst.redenen.find((r: { code: string }) => r.code === 'medisch');
    expect((await as(p.app, bm)('DELETE', `/api/v1/terugmeldredenen/${medisch.id}`)).statusCode).toBe(409);
    expect((await as(p.app, bm)('PATCH', `/api/v1/terugmeldredenen/${medisch.id}`, { categorie: 'neutraal' })).statusCode).toBe(409);
    expect((await as(p.app, bm)('DELETE', `/api/v1/terugmeldredenen/${nieuw.json().id}`)).statusCode).toBe(204);
    // Retire "taal" from today: a return can no longer use it.
    const taal = lijst.redenen.find((r: { code: string }) => r.code === 'taal');
    const vandaag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const ingetrokken = await as(p.app, bm)('PATCH', `/api/v1/terugmeldredenen/${taal.id}`, { geldigTot: vandaag });
    expect(ingetrokken.statusCode, ingetrokken.body).toBe(200);
    expect(ingetrokken.json().geldig).toBe(false);
    const v = await as(p.app, km)('POST', `/api/v1/personen/${TWEEDE}/verwijzingen`, {
      aanbiederId: WERKKRACHT,
      route: 'werk_via_reintegratie',
      doel: 'Werk',
      startdatum: vandaag,
    });
    expect(v.statusCode).toBe(201);
    const terug = await as(p.app, rib)('POST', `/api/v1/personen/${TWEEDE}/verwijzingen/${v.json().id}/terugmelding`, {
      redenen: [{ code: 'taal' }],
      toelichting: 'Spreekt nog weinig Nederlands.',
    });
    expect(terug.statusCode).toBe(422);
    expect(terug.json().invalidParams[0].code).toBe('niet_geldig');
    const relabel = await as(p.app, bm)('PATCH', `/api/v1/terugmeldredenen/${medisch.id}`, { label: 'Medische of psychische redenen' });
    expect(relabel.json().versie).toBe(medisch.versie + 1);
  });
});

describe('beleidsdashboard', () => {
  type Tabel = {
    sleutel: string;
    titel: string;
    kolommen: unknown[];
    rijen: { sleutel: string; soort: string; cellen: { waarde: number | null; weergave: string }[] }[];
  };
  const geenKleineGroep = (tabellen: Tabel[]) => {
    for (const t of tabellen) {
      for (const [k, kolom] of t.kolommen.entries()) {
        if ((kolom as { soort: string }).soort !== 'aantal') continue;
        for (const r of t.rijen) {
          const c = r.cellen[k]!;
          if (c.waarde !== null) expect(c.waarde === 0 || c.waarde >= 5, `${t.sleutel} ${r.sleutel}: ${c.waarde}`).toBe(true);
          else expect(['<5', '–']).toContain(c.weergave);
        }
      }
    }
  };

  it('shows a gemeente and the region, never a group smaller than 5, with some cells suppressed', async () => {
    const bm = await login(p.app, 'beleidsmedewerker.zwolle');
    const gemeente = await as(p.app, bm)('GET', '/api/v1/dashboard');
    expect(gemeente.statusCode, gemeente.body).toBe(200);
    expect(gemeente.json().scope.id).toBe(ZWOLLE);
    const regio = await as(p.app, bm)('GET', '/api/v1/dashboard?gemeente=regio');
    expect(regio.statusCode).toBe(200);
    for (const d of [gemeente.json(), regio.json()]) geenKleineGroep(d.tabellen);
    const tekst = JSON.stringify(regio.json());
    expect(tekst).toContain('"<5"');
    const aanbieder = regio.json().tabellen.find((t: Tabel) => t.sleutel === 'terugval-per-aanbieder');
    const werkkracht = aanbieder.rijen.find((r: { sleutel: string }) => r.sleutel === WERKKRACHT);
    expect(werkkracht.cellen[0].waarde).toBeGreaterThanOrEqual(5);
    // No person-level data: no person id, no name.
    const personen = await p.services.storage.db.selectFrom('persoon').select(['id', 'achternaam']).execute();
    for (const x of personen) expect(tekst).not.toContain(x.id);
    expect(regio.json().tabellen.find((t: Tabel) => t.sleutel === 'participatieladder')).toBeDefined();
  });

  it('exports each table as CSV with the same suppression', async () => {
    const bm = await login(p.app, 'beleidsmedewerker.zwolle');
    for (const tabel of ['terugval-per-aanbieder', 'terugval-per-route', 'terugmeldredenen', 'doorlooptijd', 'routewisselingen', 'participatieladder']) {
      const res = await as(p.app, bm)('GET', `/api/v1/dashboard/export?tabel=${tabel}&gemeente=regio`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const scherm = (await as(p.app, bm)('GET', '/api/v1/dashboard?gemeente=regio')).json().tabellen.find((t: Tabel) => t.sleutel === tabel) as Tabel;
      const regels = res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(3);
      expect(res.body).toContain(scherm.titel);
      for (const [i, r] of scherm.rijen.entries()) {
        const velden = regels[i + 1]!.split(';').slice(1);
        expect(velden).toEqual(r.cellen.map((c) => c.weergave));
        for (const v of velden) if (/^\d+$/.test(v)) expect(Number(v) === 0 || Number(v) >= 5, `${tabel}: ${v}`).toBe(true);
      }
    }
    expect((await as(p.app, bm)('GET', '/api/v1/dashboard/export?tabel=onbekend')).statusCode).toBe(400);
    const alles = await as(p.app, bm)('GET', '/api/v1/dashboard/export?gemeente=regio');
    expect(alles.statusCode).toBe(200);
    expect(alles.body).toContain('Wisselingen tussen routes');
    expect(alles.body).toContain('Tijd van aanmelding tot eerste verwijzing');
  });

  it('documents the routes in OpenAPI', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paden = Object.keys(res.json().paths);
    for (const pad of ['/api/v1/dashboard', '/api/v1/terugmeldredenen', '/api/v1/personen/{persoonId}/verwijzingen/{verwijzingId}/terugmelding'])
      expect(paden).toContain(pad);
  });

  it("refuses another gemeente's breakdown, roles without the dashboard, and a reversed period", async () => {
    const bm = await login(p.app, 'beleidsmedewerker.zwolle');
    expect((await as(p.app, bm)('GET', `/api/v1/dashboard?gemeente=${stableId('org:kampen')}`)).statusCode).toBe(403);
    expect((await as(p.app, bm)('GET', `/api/v1/dashboard?gemeente=${stableId('org:hattem')}`)).statusCode).toBe(200);
    expect((await as(p.app, bm)('GET', '/api/v1/dashboard?van=2026-10-01&tot=2026-01-01')).statusCode).toBe(422);
    expect((await as(p.app, await login(p.app, 'werkgever.bakkerij-van-der-veen'))('GET', '/api/v1/dashboard')).statusCode).toBe(403);
    expect((await as(p.app, await login(p.app, 'inwoner.zwolle'))('GET', '/api/v1/dashboard')).statusCode).toBe(403);
    expect((await as(p.app, km)('GET', '/api/v1/dashboard')).statusCode).toBe(200);
  });
});

describe('drie maanden geen activiteit', () => {
  it('flags a person without any activity for three months, once; a recent note keeps a person off the list', async () => {
    const db = p.services.storage.db;
    const maak = async (achternaam: string) =>
      (await as(p.app, km)('POST', '/api/v1/personen', { voornaam: 'Stil', achternaam, geboortedatum: '1980-05-05', gemeenteId: ZWOLLE })).json().id as string;
    const stil = await maak('Inactief');
    const actief = await maak('Actief');
    const lang = new Date(Date.now() - 120 * 86_400_000);
    for (const id of [stil, actief]) {
      await db.updateTable('persoon').set({ aangemaakt_op: lang }).where('id', '=', id).execute();
      await db.updateTable('tijdlijn_gebeurtenis').set({ tijdstip: lang }).where('persoon_id', '=', id).execute();
    }
    await as(p.app, km)('POST', `/api/v1/personen/${actief}/tijdlijn`, { soort: 'gesprek', titel: 'Gebeld', tekst: 'Afspraak gemaakt' });
    const eerste = await signaleerGeenActiviteit(db, { gemeenten: [ZWOLLE, stableId('org:hattem')] });
    expect(eerste.nieuweTaken).toBeGreaterThanOrEqual(1);
    const taken = async (id: string) =>
      db.selectFrom('taak').select(['id', 'organisatie_id', 'toegewezen_aan']).where('soort', '=', 'geen_activiteit').where('persoon_id', '=', id).execute();
    expect(await taken(stil)).toHaveLength(1);
    expect(await taken(actief)).toHaveLength(0);
    const tweede = await signaleerGeenActiviteit(db, { gemeenten: [ZWOLLE, stableId('org:hattem')] });
    expect(tweede.nieuweTaken).toBe(0);
    expect(await taken(stil)).toHaveLength(1);
    // On demand by the klantmanager (or beheerder); not by an employer.
    const route = await as(p.app, km)('POST', '/api/v1/signalering/geen-activiteit', {});
    expect(route.statusCode, route.body).toBe(200);
    expect(route.json().nieuweTaken).toBe(0);
    expect(route.body).not.toContain(stil);
    expect((await as(p.app, await login(p.app, 'werkgever.bakkerij-van-der-veen'))('POST', '/api/v1/signalering/geen-activiteit', {})).statusCode).toBe(403);
    expect((await as(p.app, kmKampen)('POST', '/api/v1/signalering/geen-activiteit', { gemeenteId: ZWOLLE })).statusCode).toBe(403);
    expect((await as(p.app, km)('POST', '/api/v1/signalering/geen-activiteit', { gemeenteId: ZWOLLE })).statusCode).toBe(200);
  });

  it("gives the task a deadline two weeks after today's Dutch date, also just after Dutch midnight", async () => {
    const db = p.services.storage.db;
    const id = (
      await as(p.app, km)('POST', '/api/v1/personen', { voornaam: 'Stil', achternaam: 'Middernacht', geboortedatum: '1980-05-05', gemeenteId: ZWOLLE })
    ).json().id as string;
    const lang = new Date(Date.now() - 120 * 86_400_000);
    await db.updateTable('persoon').set({ aangemaakt_op: lang }).where('id', '=', id).execute();
    await db.updateTable('tijdlijn_gebeurtenis').set({ tijdstip: lang }).where('persoon_id', '=', id).execute();
    // 23:30 UTC tomorrow is 00:30 (winter) or 01:30 (summer) the day after in the Netherlands.
    const morgen = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const nu = new Date(`${morgen}T23:30:00Z`);
    await signaleerGeenActiviteit(db, { gemeenten: [ZWOLLE], nu });
    const taak = await db.selectFrom('taak').select('deadline').where('soort', '=', 'geen_activiteit').where('persoon_id', '=', id).executeTakeFirstOrThrow();
    const nederlands = new Date(Date.parse(`${morgen}T00:00:00Z`) + 15 * 86_400_000).toISOString().slice(0, 10);
    expect(taak.deadline).toBe(nederlands);
  });

  it('runs at start and then on its timer until stopped', async () => {
    const db = p.services.storage.db;
    const telling = async () =>
      Number(
        (
          await db
            .selectFrom('taak')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('soort', '=', 'geen_activiteit')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const regels: string[] = [];
    const s = startDagelijkseSignalering(db, { intervalMs: 30, log: (t) => regels.push(t) });
    await s.klaar;
    const naStart = await telling();
    // The demo's dossiers outside Zwolle have been quiet for months: the start run flags them.
    expect(naStart).toBeGreaterThan(2);
    await new Promise((r) => setTimeout(r, 100));
    await s.stop();
    expect(await telling()).toBe(naStart);
    expect(regels.some((r) => r.includes('nieuwe taken'))).toBe(true);
    expect(regels.some((r) => r.includes('mislukt'))).toBe(false);
  });
});
