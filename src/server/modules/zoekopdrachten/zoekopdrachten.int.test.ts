import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';
import { tableSnapshot } from '../../testing/snapshot.js';
import { controleerZoekopdrachten } from './sweep.js';

let p: TestPlatform;
/** Owner of the saved searches in these tests. */
let km: Session;
/** Same organisation (Zwolle), another user. */
let ad: Session;
/** Another organisation. */
let wg: Session;
let vrijePersonen: string[] = [];

beforeAll(async () => {
  p = await createTestPlatform();
  km = await login(p.app, 'klantmanager.zwolle');
  ad = await login(p.app, 'arbeidsdeskundige.zwolle');
  wg = await login(p.app, 'werkgever.bakkerij-van-der-veen');
  // Open Zwolle/Hattem dossiers without a kandidaatprofiel (the demo leaves persons 0–9 without one).
  const db = p.services.storage.db;
  const rijen = await db
    .selectFrom('persoon')
    .select('id')
    .where(
      'id',
      'in',
      Array.from({ length: 10 }, (_, i) => stableId(`persoon:${i}`)),
    )
    .where('organisatie_id', 'in', [stableId('org:zwolle'), stableId('org:hattem')])
    .where('status', '<>', 'afgesloten')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('kandidaatprofiel as k').select('k.id').whereRef('k.persoon_id', '=', 'persoon.id'))))
    .execute();
  vrijePersonen = rijen.map((r) => r.id);
  expect(vrijePersonen.length).toBeGreaterThanOrEqual(4);
});
afterAll(async () => p?.close());

/** Give a person a profile with these words and publish it (consent), as a professional would. */
async function publiceer(persoonId: string, wensen: string, sector = 'groen') {
  const put = await as(p.app, km)('PUT', `/api/v1/personen/${persoonId}/kandidaatprofiel`, {
    wensen,
    kwaliteiten: 'Betrouwbaar en handig, werkt graag mee.',
    sectoren: [sector],
    gewensteFuncties: [],
    urenMin: 16,
    urenMax: 24,
    werkcondities: [],
    banenafspraak: false,
  });
  expect(put.statusCode, put.body).toBe(200);
  const t = await as(p.app, km)('POST', `/api/v1/personen/${persoonId}/toestemmingen`, { doel: 'kandidaatprofiel', vastgelegdVia: 'schriftelijk' });
  expect(t.statusCode, t.body).toBe(201);
}

async function meldingen(sessie: Session) {
  const res = await as(p.app, sessie)('GET', '/api/v1/meldingen');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { ongelezen: number; resultaten: { id: string; titel: string; link: string; gelezenOp: string | null }[] };
}

const sweep = () => controleerZoekopdrachten(p.services.storage.db, new Date());

describe('saved searches', () => {
  let id: string;

  it('are stored with the search’s own validated filters and listed for their owner only', async () => {
    const res = await as(p.app, km)('POST', '/api/v1/opgeslagen-zoekopdrachten', {
      naam: 'Kassen in de regio',
      filters: { q: ' kassen ', sectoren: 'groen,groen', urenMin: '8' },
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ naam: 'Kassen in de regio', filters: { q: 'kassen', sectoren: 'groen', urenMin: '8' }, aantalNieuw: 0, geldig: true });
    const mijn = (await as(p.app, km)('GET', '/api/v1/opgeslagen-zoekopdrachten')).json().resultaten;
    expect(mijn.map((z: { id: string }) => z.id)).toContain(id);
    for (const ander of [ad, wg]) {
      const lijst = await as(p.app, ander)('GET', '/api/v1/opgeslagen-zoekopdrachten');
      expect(lijst.statusCode).toBe(200);
      expect(lijst.json().resultaten.map((z: { id: string }) => z.id)).not.toContain(id);
    }
  });

  it('another user — of the same organisation or another — gets 404 and changes nothing', async () => {
    for (const ander of [ad, wg]) {
      const voor = await tableSnapshot(p.services.storage.db);
      expect((await as(p.app, ander)('GET', `/api/v1/opgeslagen-zoekopdrachten/${id}/resultaten`)).statusCode).toBe(404);
      expect((await as(p.app, ander)('GET', `/api/v1/opgeslagen-zoekopdrachten/${id}/resultaten?alleenNieuw=ja`)).statusCode).toBe(404);
      expect((await as(p.app, ander)('DELETE', `/api/v1/opgeslagen-zoekopdrachten/${id}`)).statusCode).toBe(404);
      expect(await tableSnapshot(p.services.storage.db)).toEqual(voor);
    }
  });

  it.each([
    ['an unknown sector', { naam: 'x', filters: { sectoren: 'bestaat-niet' } }, 'body.filters.sectoren'],
    ['an unknown filter', { naam: 'x', filters: { onbekend: 'ja' } }, 'body.filters'],
    ['paging in the filters', { naam: 'x', filters: { limit: '5' } }, 'body.filters'],
    ['hours out of range', { naam: 'x', filters: { urenMin: '70' } }, 'body.filters.urenMin'],
    ['maximum below minimum', { naam: 'x', filters: { urenMin: '20', urenMax: '10' } }, 'body.filters.urenMax'],
    ['an empty name', { naam: '  ', filters: {} }, 'body.naam'],
    ['a name with a control character', { naam: 'a\u0007b', filters: {} }, 'body.naam'],
    ['no filters', { naam: 'x' }, 'body.filters'],
  ])('refuses %s with a 400 that stores nothing', async (_, body, param) => {
    const voor = await tableSnapshot(p.services.storage.db);
    const res = await as(p.app, km)('POST', '/api/v1/opgeslagen-zoekopdrachten', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(
      res
        .json()
        .invalidParams.map((i: { name: string }) => i.name)
        .some((n: string) => n === param || n.startsWith(`${param}.`)),
    ).toBe(true);
    expect(await tableSnapshot(p.services.storage.db)).toEqual(voor);
  });

  it('users who may not search candidates cannot save a search', async () => {
    const bm = await login(p.app, 'beleidsmedewerker.zwolle');
    const voor = await tableSnapshot(p.services.storage.db);
    const res = await as(p.app, bm)('POST', '/api/v1/opgeslagen-zoekopdrachten', { naam: 'x', filters: {} });
    expect(res.statusCode).toBe(403);
    expect(await tableSnapshot(p.services.storage.db)).toEqual(voor);
  });

  it('notify exactly once per batch of new matches, keep one unread notification, and mark seen', async () => {
    const db = p.services.storage.db;
    const aantalMeldingen = async () =>
      Number(
        (
          await db
            .selectFrom('melding')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('bron_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    await sweep();
    expect(await aantalMeldingen()).toBe(0);

    // A profile that does not match the search: no notification.
    await publiceer(vrijePersonen[0]!, 'Ik werk graag in de keuken van een restaurant.', 'horeca');
    await sweep();
    expect(await aantalMeldingen()).toBe(0);

    // First batch.
    await publiceer(vrijePersonen[1]!, 'Ik werk graag in de kassen van een kwekerij met planten.');
    await sweep();
    let m = await meldingen(km);
    expect(m.ongelezen).toBe(1);
    expect(m.resultaten[0]).toMatchObject({
      titel: "1 nieuwe kandidaat voor 'Kassen in de regio'",
      link: `/zoekopdrachten/${id}?alleenNieuw=ja`,
      gelezenOp: null,
    });
    // The sweep again: nothing doubles.
    await sweep();
    expect(await aantalMeldingen()).toBe(1);
    // Only the owner sees or reads it.
    expect((await meldingen(ad)).resultaten.map((x) => x.id)).not.toContain(m.resultaten[0]!.id);
    expect((await as(p.app, ad)('POST', `/api/v1/meldingen/${m.resultaten[0]!.id}/gelezen`)).statusCode).toBe(404);
    expect((await as(p.app, wg)('POST', `/api/v1/meldingen/${m.resultaten[0]!.id}/gelezen`)).statusCode).toBe(404);

    // Another match while the notification is unread: still one notification, with the new count.
    await publiceer(vrijePersonen[2]!, 'Liefst werk in kassen, tomaten plukken en sorteren.');
    await sweep();
    expect(await aantalMeldingen()).toBe(1);
    m = await meldingen(km);
    expect(m.resultaten[0]!.titel).toBe("2 nieuwe kandidaten voor 'Kassen in de regio'");
    expect((await as(p.app, km)('GET', '/api/v1/opgeslagen-zoekopdrachten')).json().resultaten.find((z: { id: string }) => z.id === id).aantalNieuw).toBe(2);

    // Read it without looking at the results: the same batch never notifies again.
    const gelezen = await as(p.app, km)('POST', `/api/v1/meldingen/${m.resultaten[0]!.id}/gelezen`);
    expect(gelezen.statusCode, gelezen.body).toBe(200);
    expect(gelezen.json().gelezenOp).not.toBeNull();
    await sweep();
    expect(await aantalMeldingen()).toBe(1);
    expect((await meldingen(km)).ongelezen).toBe(0);

    // A new batch: a new notification, counting everything not yet seen.
    await publiceer(vrijePersonen[3]!, 'Werken in de kassen of een tuincentrum.');
    await sweep();
    expect(await aantalMeldingen()).toBe(2);
    m = await meldingen(km);
    expect(m.ongelezen).toBe(1);
    expect(m.resultaten.find((x) => x.gelezenOp === null)!.titel).toBe("3 nieuwe kandidaten voor 'Kassen in de regio'");

    // Looking at the new results shows exactly those three, marks them seen and the notification read.
    const auditVoor = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('resource', '=', 'kandidaatprofielen')
      .executeTakeFirstOrThrow();
    const nieuw = await as(p.app, km)('GET', `/api/v1/opgeslagen-zoekopdrachten/${id}/resultaten?alleenNieuw=ja`);
    expect(nieuw.statusCode, nieuw.body).toBe(200);
    const publiek = await db.selectFrom('kandidaatprofiel').select(['publiek_id', 'persoon_id']).where('persoon_id', 'in', vrijePersonen.slice(1, 4)).execute();
    expect(nieuw.json().totaal).toBe(3);
    expect(
      nieuw
        .json()
        .resultaten.map((r: { publiekId: string }) => r.publiekId)
        .sort(),
    ).toEqual(publiek.map((r) => r.publiek_id).sort());
    expect(nieuw.json().resultaten.every((r: { nieuw: boolean }) => r.nieuw)).toBe(true);
    expect(nieuw.json().zoekopdracht.aantalNieuw).toBe(0);
    const auditNa = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('resource', '=', 'kandidaatprofielen')
      .executeTakeFirstOrThrow();
    expect(Number(auditNa.n)).toBe(Number(auditVoor.n) + 1);
    // No name, BSN or contact details in what the search returns.
    const persoon = await db.selectFrom('persoon').selectAll().where('id', '=', vrijePersonen[1]!).executeTakeFirstOrThrow();
    for (const geheim of [persoon.achternaam, persoon.email, persoon.telefoon, persoon.postcode, persoon.id]) expect(nieuw.body).not.toContain(geheim);
    expect((await meldingen(km)).ongelezen).toBe(0);
    // Looking again (a reload) shows the same new ones; nothing counts as new in the list; the sweep stays quiet.
    const nogEens = (await as(p.app, km)('GET', `/api/v1/opgeslagen-zoekopdrachten/${id}/resultaten?alleenNieuw=ja`)).json();
    expect(nogEens.resultaten.map((r: { publiekId: string }) => r.publiekId).sort()).toEqual(publiek.map((r) => r.publiek_id).sort());
    const alle = (await as(p.app, km)('GET', `/api/v1/opgeslagen-zoekopdrachten/${id}/resultaten`)).json();
    expect(alle.totaal).toBeGreaterThanOrEqual(3);
    expect(alle.resultaten.filter((r: { nieuw: boolean }) => r.nieuw).length).toBe(3);
    expect(alle.zoekopdracht.aantalNieuw).toBe(0);
    await sweep();
    expect(await aantalMeldingen()).toBe(2);
    expect((await meldingen(km)).ongelezen).toBe(0);
    // Once something newer arrives, the next look shows only that one as new.
    const nieuwDossier = await as(p.app, km)('POST', '/api/v1/personen', {
      voornaam: 'Kas',
      achternaam: 'Testpersoon',
      geboortedatum: '1995-05-05',
      gemeenteId: stableId('org:zwolle'),
    });
    expect(nieuwDossier.statusCode, nieuwDossier.body).toBe(201);
    await publiceer(nieuwDossier.json().id, 'Een baan in de kassen, graag met planten.');
    const daarna = (await as(p.app, km)('GET', `/api/v1/opgeslagen-zoekopdrachten/${id}/resultaten?alleenNieuw=ja`)).json();
    expect(daarna.totaal).toBe(1);
    expect(publiek.map((r) => r.publiek_id)).not.toContain(daarna.resultaten[0].publiekId);
  });

  it('a withdrawn consent takes the profile out of the new matches and removes an unread notification', async () => {
    const db = p.services.storage.db;
    const res = await as(p.app, km)('POST', '/api/v1/opgeslagen-zoekopdrachten', { naam: 'Restaurant', filters: { sectoren: 'horeca', q: 'restaurant' } });
    const zid = res.json().id as string;
    // Make the horeca profile of the first test new again for this search (it changed after the search was saved).
    const horeca = await db.selectFrom('kandidaatprofiel').select('nieuw_sinds').where('persoon_id', '=', vrijePersonen[0]!).executeTakeFirstOrThrow();
    await db
      .updateTable('opgeslagen_zoekopdracht')
      .set({ gezien_tot: new Date(horeca.nieuw_sinds!.getTime() - 1) })
      .where('id', '=', zid)
      .execute();
    await sweep();
    const melding = await db.selectFrom('melding').selectAll().where('bron_id', '=', zid).executeTakeFirst();
    expect(melding?.titel).toBe("1 nieuwe kandidaat voor 'Restaurant'");
    const toestemming = await db
      .selectFrom('toestemming')
      .select('id')
      .where('persoon_id', '=', vrijePersonen[0]!)
      .where('doel', '=', 'kandidaatprofiel')
      .executeTakeFirstOrThrow();
    const intrekken = await as(p.app, km)('POST', `/api/v1/personen/${vrijePersonen[0]}/toestemmingen/${toestemming.id}/intrekken`, { reden: 'Wil niet meer' });
    expect(intrekken.statusCode, intrekken.body).toBeLessThan(300);
    await sweep();
    expect(await db.selectFrom('melding').selectAll().where('bron_id', '=', zid).execute()).toEqual([]);
  });

  it('the publication moment is set by the database for every writer (e.g. a bulk importer)', async () => {
    const db = p.services.storage.db;
    const k = await db
      .selectFrom('kandidaatprofiel')
      .select(['id', 'gepubliceerd_op', 'nieuw_sinds'])
      .where('persoon_id', '=', vrijePersonen[0]!)
      .executeTakeFirstOrThrow();
    expect(k.gepubliceerd_op).toBeNull(); // consent withdrawn above
    await sql`UPDATE kandidaatprofiel SET gepubliceerd = true WHERE id = ${k.id}`.execute(db);
    const na = await db.selectFrom('kandidaatprofiel').select(['gepubliceerd_op', 'nieuw_sinds']).where('id', '=', k.id).executeTakeFirstOrThrow();
    expect(na.gepubliceerd_op).not.toBeNull();
    expect(na.nieuw_sinds!.getTime()).toBe(na.gepubliceerd_op!.getTime());
    expect(na.nieuw_sinds!.getTime()).toBeGreaterThan(k.nieuw_sinds!.getTime());
    // A write that changes nothing an employer sees keeps the moments.
    await sql`UPDATE kandidaatprofiel SET compleetheid = compleetheid WHERE id = ${k.id}`.execute(db);
    const zelfde = await db.selectFrom('kandidaatprofiel').select(['gepubliceerd_op', 'nieuw_sinds']).where('id', '=', k.id).executeTakeFirstOrThrow();
    expect(zelfde).toEqual(na);
  });

  it('deleting a saved search removes it and its notifications', async () => {
    const db = p.services.storage.db;
    const lijst = (await as(p.app, km)('GET', '/api/v1/opgeslagen-zoekopdrachten')).json().resultaten as { id: string }[];
    const id0 = lijst[0]!.id;
    const del = await as(p.app, km)('DELETE', `/api/v1/opgeslagen-zoekopdrachten/${id0}`);
    expect(del.statusCode).toBe(204);
    expect(await db.selectFrom('opgeslagen_zoekopdracht').select('id').where('id', '=', id0).execute()).toEqual([]);
    expect(await db.selectFrom('melding').select('id').where('bron_id', '=', id0).execute()).toEqual([]);
    expect((await as(p.app, km)('DELETE', `/api/v1/opgeslagen-zoekopdrachten/${id0}`)).statusCode).toBe(404);
  });

  it('the demo employer has a saved search', async () => {
    const lijst = (await as(p.app, wg)('GET', '/api/v1/opgeslagen-zoekopdrachten')).json().resultaten;
    expect(lijst.map((z: { naam: string }) => z.naam)).toContain('Winkel en horeca in de regio');
    const res = await as(p.app, wg)('GET', `/api/v1/opgeslagen-zoekopdrachten/${stableId('zoekopdracht:bakkerij:winkel')}/resultaten`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().totaal).toBeGreaterThan(0);
  });
});
