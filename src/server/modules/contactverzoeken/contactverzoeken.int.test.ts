import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidBsn } from '../../../shared/bsn.js';
import { hashPassword } from '../../auth/password.js';
import { stableId } from '../../seed/demo.js';
import { as, createTestPlatform, DEMO_PASSWORD, login, type Session, type TestPlatform } from '../../testing/harness.js';
import { tableSnapshot } from '../../testing/snapshot.js';
import { laatVervallenVerzoekenVerlopen } from './verval.js';

let p: TestPlatform;
let km: Session;
let kmKampen: Session;
let wg: Session;
let wgAnder: Session;
let beleid: Session;
const ZWOLLE = stableId('org:zwolle');
const KM_ZWOLLE = stableId('gebruiker:klantmanager.zwolle');

let volgendBsn = 310_000_000;
function vrijBsn(): string {
  for (;;) {
    const b = String(volgendBsn++);
    if (isValidBsn(b)) return b;
  }
}

interface Kandidaat {
  persoonId: string;
  publiekId: string;
  voornaam: string;
  achternaam: string;
  telefoon: string;
  email: string;
  bsn: string;
}

let teller = 0;
/** A fresh Zwolle candidate with known contact details, a published profile and an assigned klantmanager. */
async function kandidaat(opties: { toewijzen?: boolean } = {}): Promise<Kandidaat> {
  teller++;
  const api = as(p.app, km);
  const k = {
    voornaam: 'Zoë',
    achternaam: `Contacttest${'ABCDEFGHIJ'[teller % 10]}${teller}x`,
    telefoon: `06 5555 ${String(1000 + teller)}`,
    email: `zoe.contacttest${teller}@voorbeeld.nl`,
    bsn: vrijBsn(),
  };
  const res = await api('POST', '/api/v1/personen', { ...k, geboortedatum: '1995-04-01', gemeenteId: ZWOLLE });
  expect(res.statusCode, res.body).toBe(201);
  const persoonId = res.json().id as string;
  const profiel = await api('PUT', `/api/v1/personen/${persoonId}/kandidaatprofiel`, {
    wensen: 'Ik werk graag buiten in het groen.',
    kwaliteiten: 'Betrouwbaar en altijd op tijd.',
    sectoren: ['groen'],
    gewensteFuncties: ['Hovenier'],
    opleidingsniveau: 'entree',
    urenMin: 16,
    urenMax: 24,
  });
  expect(profiel.statusCode, profiel.body).toBe(200);
  const ts = await api('POST', `/api/v1/personen/${persoonId}/toestemmingen`, { doel: 'kandidaatprofiel', vastgelegdVia: 'schriftelijk' });
  expect(ts.statusCode, ts.body).toBe(201);
  if (opties.toewijzen !== false) {
    const tw = await api('POST', `/api/v1/personen/${persoonId}/toewijzingen`, { gebruikerId: KM_ZWOLLE, rol: 'klantmanager' });
    expect(tw.statusCode, tw.body).toBeLessThan(300);
  }
  return { persoonId, publiekId: profiel.json().zoalsWerkgeverZiet.publiekId, ...k };
}

/** The klantmanager records that the candidate withdrew consent for the profile (it is unpublished). */
async function trekProfielToestemmingIn(k: Kandidaat) {
  const api = as(p.app, km);
  const ts = (await api('GET', `/api/v1/personen/${k.persoonId}/toestemmingen`)).json();
  const lijst = (Array.isArray(ts) ? ts : ts.resultaten) as { id: string; doel: { code: string } | string; ingetrokkenOp: string | null }[];
  const profielToestemming = lijst.find((t) => (typeof t.doel === 'string' ? t.doel : t.doel.code) === 'kandidaatprofiel' && !t.ingetrokkenOp)!;
  const ingetrokken = await api('POST', `/api/v1/personen/${k.persoonId}/toestemmingen/${profielToestemming.id}/intrekken`, { reden: 'Wil even niet.' });
  expect(ingetrokken.statusCode, ingetrokken.body).toBeLessThan(300);
}

const VERZOEK = {
  functie: 'Medewerker groenonderhoud',
  bericht: 'Wij zoeken iemand die graag buiten werkt, 24 uur per week, met een vaste collega als begeleider.',
  urenPerWeek: 24,
  telefoon: '038 123 45 67',
};

/** Fails when any of the candidate's identifying details appears anywhere in a response. */
function geenContactgegevens(body: string, k: Kandidaat, label: string) {
  for (const waarde of [k.achternaam, k.telefoon, k.telefoon.replace(/\s/g, ''), k.email, k.bsn, k.persoonId]) {
    expect(body.includes(waarde), `${label}: contains ${waarde}`).toBe(false);
  }
}

beforeAll(async () => {
  p = await createTestPlatform();
  km = await login(p.app, 'klantmanager.zwolle');
  kmKampen = await login(p.app, 'klantmanager.kampen');
  wg = await login(p.app, 'werkgever.bakkerij-van-der-veen');
  beleid = await login(p.app, 'beleidsmedewerker.zwolle');
  // A second employer, to prove one employer never sees another's requests.
  const db = p.services.storage.db;
  const regio = await db.selectFrom('organisatie').select('regio_id').where('id', '=', ZWOLLE).executeTakeFirstOrThrow();
  const orgId = crypto.randomUUID();
  await db
    .insertInto('organisatie')
    .values({ id: orgId, regio_id: regio.regio_id, slug: 'hoveniers-test', naam: 'Hoveniers Test BV', soort: 'werkgever' })
    .execute();
  await db
    .insertInto('gebruiker')
    .values({
      id: crypto.randomUUID(),
      organisatie_id: orgId,
      gebruikersnaam: 'werkgever.hoveniers-test',
      naam: 'Werkgever Hoveniers',
      email: 'info@hoveniers-test.example.nl',
      wachtwoord_hash: await hashPassword(DEMO_PASSWORD),
      rollen: ['werkgever'],
      persoon_id: null,
      oidc_subject: null,
    })
    .execute();
  wgAnder = await login(p.app, 'werkgever.hoveniers-test');
});
afterAll(async () => p?.close());

describe('contact through the professional', () => {
  it('werkgever asks → one task for the klantmanager → ja → contact details only then, only the chosen ones, audited', async () => {
    const k = await kandidaat();
    const werkgever = as(p.app, wg);
    const gemaakt = await werkgever('POST', `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK);
    expect(gemaakt.statusCode, gemaakt.body).toBe(201);
    const verzoek = gemaakt.json();
    expect(verzoek.status.code).toBe('in_behandeling');
    expect(verzoek.contactgegevens).toBeNull();
    expect(verzoek.termijn.werkdagen).toBe(5);
    geenContactgegevens(gemaakt.body, k, 'create');

    // Exactly one task, assigned to the klantmanager, with the deadline of the request.
    const db = p.services.storage.db;
    const taken = await db.selectFrom('taak').selectAll().where('bron_id', '=', verzoek.id).execute();
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ soort: 'contactverzoek', status: 'open', toegewezen_aan: KM_ZWOLLE, organisatie_id: ZWOLLE, deadline: verzoek.deadline });

    // A second open request from the same employer on the same profile is a 409 and stores nothing.
    const voor = await tableSnapshot(db);
    const dubbel = await werkgever('POST', `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK);
    expect(dubbel.statusCode).toBe(409);
    expect(await tableSnapshot(db)).toEqual(voor);
    expect(await db.selectFrom('taak').select('id').where('bron_id', '=', verzoek.id).execute()).toHaveLength(1);

    // The klantmanager sees the task and the request.
    const werklijst = await as(p.app, km)('GET', '/api/v1/taken?soort=contactverzoek');
    const taak = werklijst.json().resultaten.find((t: { bron: { id: string } | null }) => t.bron?.id === verzoek.id);
    expect(taak).toMatchObject({ persoon: { id: k.persoonId }, handmatigAfTeRonden: false });
    const geopend = await as(p.app, km)('GET', `/api/v1/contactverzoeken/${verzoek.id}`);
    expect(geopend.statusCode, geopend.body).toBe(200);
    expect(geopend.json()).toMatchObject({
      status: { code: 'in_behandeling' },
      persoon: { id: k.persoonId },
      dossierLink: `/personen/${k.persoonId}`,
      inDossier: { telefoon: true, email: true },
      magBeantwoorden: true,
      werkgever: { organisatie: 'Bakkerij Van der Veen', telefoon: '038 123 45 67' },
    });

    // Before the answer the employer sees nothing of the candidate, in the list or the detail.
    for (const url of ['/api/v1/contactverzoeken', `/api/v1/contactverzoeken/${verzoek.id}`]) {
      const r = await werkgever('GET', url);
      expect(r.statusCode).toBe(200);
      geenContactgegevens(r.body, k, `before ja ${url}`);
    }

    const antwoord = await as(p.app, km)('POST', `/api/v1/contactverzoeken/${verzoek.id}/antwoord`, {
      antwoord: 'ja',
      toelichting: 'Gebeld; wil graag kennismaken, liefst telefonisch.',
      delen: { telefoon: true, email: false },
    });
    expect(antwoord.statusCode, antwoord.body).toBe(200);
    expect(antwoord.json().status.code).toBe('ja');
    expect((await db.selectFrom('taak').select(['status']).where('bron_id', '=', verzoek.id).executeTakeFirstOrThrow()).status).toBe('afgerond');

    const lijst = await werkgever('GET', '/api/v1/contactverzoeken');
    geenContactgegevens(lijst.body, k, 'list after ja'); // the list never carries contact details
    const detail = await werkgever('GET', `/api/v1/contactverzoeken/${verzoek.id}`);
    expect(detail.json().status.code).toBe('ja');
    expect(detail.json().contactgegevens).toEqual({ naam: `${k.voornaam} ${k.achternaam}`, telefoon: k.telefoon, email: null });
    expect(detail.body).not.toContain(k.email); // not chosen, so not shared
    expect(detail.body).not.toContain(k.bsn);
    expect(detail.body).not.toContain('liefst telefonisch'); // the professional's note stays inside

    // Every step is in the audit log, visible to the person; the consent is recorded in the dossier.
    const audit = await db.selectFrom('audit_log').select(['actie', 'resource', 'gebruiker_naam']).where('persoon_id', '=', k.persoonId).execute();
    const stappen = audit.map((a) => `${a.gebruiker_naam}:${a.actie}:${a.resource}`);
    expect(stappen).toEqual(
      expect.arrayContaining([
        'werkgever.bakkerij-van-der-veen:aanmaken:contactverzoek',
        'klantmanager.zwolle:lezen:contactverzoek',
        'klantmanager.zwolle:wijzigen:contactverzoek',
        'klantmanager.zwolle:toestemming_verlenen:toestemming',
        'werkgever.bakkerij-van-der-veen:lezen:contactgegevens',
      ]),
    );
    const toestemmingen = await as(p.app, km)('GET', `/api/v1/personen/${k.persoonId}/toestemmingen`);
    expect(toestemmingen.body).toContain('contact_werkgever');

    // The employer's user gets one notification that links to the request.
    const meldingen = (await werkgever('GET', '/api/v1/meldingen')).json().resultaten as { link: string; soort: string }[];
    expect(meldingen.filter((m) => m.link === `/contactverzoeken/${verzoek.id}`)).toHaveLength(1);

    // Answering twice is a conflict.
    const nogmaals = await as(p.app, km)('POST', `/api/v1/contactverzoeken/${verzoek.id}/antwoord`, { antwoord: 'nee' });
    expect(nogmaals.statusCode).toBe(409);
  });

  it("'nee': the employer gets a neutral message and never a contact detail", async () => {
    const k = await kandidaat();
    const werkgever = as(p.app, wg);
    const verzoek = (await werkgever('POST', `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK)).json();
    const nee = await as(p.app, km)('POST', `/api/v1/contactverzoeken/${verzoek.id}/antwoord`, {
      antwoord: 'nee',
      toelichting: 'Heeft net ander werk gevonden.',
    });
    expect(nee.statusCode, nee.body).toBe(200);
    for (const url of ['/api/v1/contactverzoeken', `/api/v1/contactverzoeken/${verzoek.id}`, '/api/v1/contactverzoeken?status=afgesloten']) {
      const r = await werkgever('GET', url);
      expect(r.statusCode).toBe(200);
      geenContactgegevens(r.body, k, `after nee ${url}`);
      expect(r.body).not.toContain('ander werk gevonden');
    }
    const melding = await werkgever('GET', '/api/v1/meldingen');
    expect(melding.body).toContain(`/contactverzoeken/${verzoek.id}`);
    expect(melding.body).not.toContain('ander werk gevonden');
    geenContactgegevens(melding.body, k, 'notification after nee');
    const detail = (await werkgever('GET', `/api/v1/contactverzoeken/${verzoek.id}`)).json();
    expect(detail.status.code).toBe('geen_contact');
    expect(detail.contactgegevens).toBeNull();
    expect(detail.boodschap).toMatch(/geen contact/);
    const rij = await p.services.storage.db.selectFrom('contactverzoek').selectAll().where('id', '=', verzoek.id).executeTakeFirstOrThrow();
    expect([rij.gedeeld_naam, rij.gedeeld_telefoon, rij.gedeeld_email, rij.toestemming_id]).toEqual([null, null, null, null]);
  });

  it("another gemeente's klantmanager sees nothing and cannot answer (404); another employer cannot read or withdraw", async () => {
    const k = await kandidaat();
    const verzoek = (await as(p.app, wg)('POST', `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK)).json();
    const db = p.services.storage.db;
    const voor = await tableSnapshot(db);
    const kampen = as(p.app, kmKampen);
    const lijst = await kampen('GET', '/api/v1/contactverzoeken');
    expect(lijst.statusCode).toBe(200);
    expect(lijst.body).not.toContain(verzoek.id);
    expect(lijst.body).not.toContain(k.persoonId);
    expect((await kampen('GET', `/api/v1/contactverzoeken/${verzoek.id}`)).statusCode).toBe(404);
    const antwoord = await kampen('POST', `/api/v1/contactverzoeken/${verzoek.id}/antwoord`, { antwoord: 'ja', delen: { telefoon: true, email: true } });
    expect(antwoord.statusCode).toBe(404);
    geenContactgegevens(antwoord.body, k, 'kampen answer');
    expect((await kampen('GET', '/api/v1/taken')).body).not.toContain(verzoek.id);

    const ander = as(p.app, wgAnder);
    expect((await ander('GET', '/api/v1/contactverzoeken')).json().resultaten).toEqual([]);
    const lees = await ander('GET', `/api/v1/contactverzoeken/${verzoek.id}`);
    expect(lees.statusCode).toBe(404);
    geenContactgegevens(lees.body, k, 'other employer');
    expect((await ander('POST', `/api/v1/contactverzoeken/${verzoek.id}/intrekken`, {})).statusCode).toBe(404);
    // The employer cannot answer its own request either.
    expect((await as(p.app, wg)('POST', `/api/v1/contactverzoeken/${verzoek.id}/antwoord`, { antwoord: 'nee' })).statusCode).toBe(404);
    expect(await tableSnapshot(db)).toEqual(voor);

    // Another employer may ask on the same profile (one open request per employer, not per profile).
    expect((await ander('POST', `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK)).statusCode).toBe(201);
  });

  it('the employer withdraws; the task lapses; a new request is possible afterwards', async () => {
    const k = await kandidaat();
    const werkgever = as(p.app, wg);
    const verzoek = (await werkgever('POST', `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK)).json();
    const in_ = await werkgever('POST', `/api/v1/contactverzoeken/${verzoek.id}/intrekken`, { reden: 'Vacature vervuld.' });
    expect(in_.statusCode, in_.body).toBe(200);
    expect(in_.json().status.code).toBe('ingetrokken');
    const taak = await p.services.storage.db.selectFrom('taak').select(['status']).where('bron_id', '=', verzoek.id).executeTakeFirstOrThrow();
    expect(taak.status).toBe('vervallen');
    expect((await as(p.app, km)('POST', `/api/v1/contactverzoeken/${verzoek.id}/antwoord`, { antwoord: 'nee' })).statusCode).toBe(409);
    expect((await werkgever('POST', `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK)).statusCode).toBe(201);
  });

  it('without an assigned klantmanager the task goes to the gemeente; an overdue request is flagged for the professional only', async () => {
    const k = await kandidaat({ toewijzen: false });
    const verzoek = (await as(p.app, wg)('POST', `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK)).json();
    const db = p.services.storage.db;
    const taak = await db.selectFrom('taak').selectAll().where('bron_id', '=', verzoek.id).executeTakeFirstOrThrow();
    expect(taak).toMatchObject({ organisatie_id: ZWOLLE, toegewezen_aan: null });
    await db.updateTable('contactverzoek').set({ deadline: '2020-01-06' }).where('id', '=', verzoek.id).execute();
    const prof = (await as(p.app, km)('GET', `/api/v1/contactverzoeken/${verzoek.id}`)).json();
    expect(prof.teLaat).toBe(true);
    const wgView = (await as(p.app, wg)('GET', `/api/v1/contactverzoeken/${verzoek.id}`)).json();
    expect(wgView.status).toEqual({ code: 'in_behandeling', label: 'In behandeling' });
    expect(wgView.teLaat).toBeNull();
  });

  it('when the candidate withdraws consent for the profile, an open request lapses', async () => {
    const k = await kandidaat();
    const verzoek = (await as(p.app, wg)('POST', `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK)).json();
    await trekProfielToestemmingIn(k);
    const api = as(p.app, km);
    const open = (await api('GET', `/api/v1/contactverzoeken/${verzoek.id}`)).json();
    expect(open.status.code).toBe('verlopen');
    expect(open.magBeantwoorden).toBe(false);
    const wgView = (await as(p.app, wg)('GET', `/api/v1/contactverzoeken/${verzoek.id}`)).json();
    expect(wgView.status.code).toBe('geen_contact');
  });

  it('the periodic check lets a request lapse without anyone opening it: task closed, employer told, audited, once', async () => {
    const k = await kandidaat();
    const verzoek = (await as(p.app, wg)('POST', `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK)).json();
    const db = p.services.storage.db;
    // Another open request whose profile stays published is left alone.
    const blijft = await kandidaat();
    const ander = (await as(p.app, wg)('POST', `/api/v1/kandidaatprofielen/${blijft.publiekId}/contactverzoeken`, VERZOEK)).json();
    await trekProfielToestemmingIn(k);

    expect(await laatVervallenVerzoekenVerlopen(db)).toBe(1);
    const rij = await db.selectFrom('contactverzoek').select(['status', 'verlopen_op']).where('id', '=', verzoek.id).executeTakeFirstOrThrow();
    expect(rij.status).toBe('verlopen');
    expect(rij.verlopen_op).not.toBeNull();
    expect((await db.selectFrom('contactverzoek').select('status').where('id', '=', ander.id).executeTakeFirstOrThrow()).status).toBe('nieuw');
    const taken = await db.selectFrom('taak').select('status').where('soort', '=', 'contactverzoek').where('bron_id', '=', verzoek.id).execute();
    expect(taken.map((x) => x.status)).toEqual(['vervallen']);
    const meldingen = await db.selectFrom('melding').select(['tekst', 'gebruiker_id']).where('bron_id', '=', verzoek.id).execute();
    expect(meldingen).toHaveLength(1);
    expect(meldingen[0]!.tekst).not.toContain('toestemming');
    const audit = await db
      .selectFrom('audit_log')
      .select(['wijzigingen', 'gebruiker_id', 'persoon_id'])
      .where('resource', '=', 'contactverzoek')
      .where('resource_id', '=', verzoek.id)
      .where('actie', '=', 'wijzigen')
      .execute();
    expect(audit).toEqual([{ wijzigingen: { status: { oud: 'nieuw', nieuw: 'verlopen' } }, gebruiker_id: null, persoon_id: k.persoonId }]);
    // The employer sees the neutral outcome; a second check changes nothing.
    expect((await as(p.app, wg)('GET', `/api/v1/contactverzoeken/${verzoek.id}`)).json().status.code).toBe('geen_contact');
    expect(await laatVervallenVerzoekenVerlopen(db)).toBe(0);
  });

  it('invalid input is a 4xx that stores nothing', async () => {
    const k = await kandidaat();
    const db = p.services.storage.db;
    const werkgever = as(p.app, wg);
    const voor = await tableSnapshot(db);
    const takenVoor = await db.selectFrom('taak').select('id').execute();
    const gevallen: [Session, string, unknown, number][] = [
      [wg, `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, { ...VERZOEK, bericht: 'kort' }, 400],
      [wg, `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, { ...VERZOEK, urenPerWeek: 80 }, 400],
      [wg, `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, { ...VERZOEK, telefoon: 'bel me' }, 400],
      [wg, `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, { ...VERZOEK, extra: 1 }, 400],
      [wg, '/api/v1/kandidaatprofielen/K-222222/contactverzoeken', VERZOEK, 404],
      [wg, '/api/v1/kandidaatprofielen/niet-geldig/contactverzoeken', VERZOEK, 400],
      [km, `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK, 403],
      [beleid, `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK, 403],
    ];
    for (const [sessie, url, body, status] of gevallen) {
      const r = await as(p.app, sessie)('POST', url, body);
      expect(r.statusCode, `${url} ${JSON.stringify(body)} → ${r.body}`).toBe(status);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    expect(await tableSnapshot(db)).toEqual(voor);
    expect(await db.selectFrom('taak').select('id').execute()).toHaveLength(takenVoor.length);

    const verzoek = (await werkgever('POST', `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK)).json();
    const na = await tableSnapshot(db);
    const antwoorden: [unknown, number][] = [
      [{ antwoord: 'misschien' }, 400],
      [{ antwoord: 'ja' }, 400], // which details to share?
      [{ antwoord: 'ja', delen: { telefoon: false, email: false } }, 400],
      [{ antwoord: 'ja', delen: { telefoon: 'ja', email: false } }, 400],
      [{ antwoord: 'nee', toelichting: 'x'.repeat(2001) }, 400],
    ];
    for (const [body, status] of antwoorden) {
      const r = await as(p.app, km)('POST', `/api/v1/contactverzoeken/${verzoek.id}/antwoord`, body);
      expect(r.statusCode, `${JSON.stringify(body)} → ${r.body}`).toBe(status);
    }
    // Only the status step of opening is allowed to change: nothing of the answers was stored.
    const rij = await db.selectFrom('contactverzoek').selectAll().where('id', '=', verzoek.id).executeTakeFirstOrThrow();
    expect(rij.status).toBe('nieuw');
    expect(await tableSnapshot(db)).toEqual(na);
  });

  it('asking for an e-mail the dossier does not hold is refused, and nothing is shared', async () => {
    const k = await kandidaat();
    await as(p.app, km)('PATCH', `/api/v1/personen/${k.persoonId}`, { email: null });
    const verzoek = (await as(p.app, wg)('POST', `/api/v1/kandidaatprofielen/${k.publiekId}/contactverzoeken`, VERZOEK)).json();
    const r = await as(p.app, km)('POST', `/api/v1/contactverzoeken/${verzoek.id}/antwoord`, { antwoord: 'ja', delen: { telefoon: false, email: true } });
    expect(r.statusCode).toBe(422);
    expect(r.json().invalidParams[0].name).toBe('body.delen.email');
    const rij = await p.services.storage.db
      .selectFrom('contactverzoek')
      .select(['status', 'gedeeld_naam'])
      .where('id', '=', verzoek.id)
      .executeTakeFirstOrThrow();
    expect(rij).toEqual({ status: 'nieuw', gedeeld_naam: null });
  });
});

describe('response times for the region', () => {
  it('shows gemeenten with 5+ requests and suppresses smaller groups; employers see the region only', async () => {
    const res = await as(p.app, beleid)('GET', '/api/v1/contactverzoeken/statistiek');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const rijen = await p.services.storage.db
      .selectFrom('contactverzoek')
      .select(['organisatie_id', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('organisatie_id')
      .execute();
    const aantal = new Map(rijen.map((r) => [r.organisatie_id, Number(r.n)]));
    expect(s.perGemeente.length).toBeGreaterThanOrEqual(5);
    let klein = 0;
    for (const g of s.perGemeente as { gemeente: { id: string }; cijfers: { onderdrukt: boolean; aantal: number | null; mediaanDagen: number | null } }[]) {
      const n = aantal.get(g.gemeente.id) ?? 0;
      if (n < 5) {
        klein++;
        expect(g.cijfers, g.gemeente.id).toMatchObject({ onderdrukt: true, aantal: null, mediaanDagen: null });
      }
      if (!g.cijfers.onderdrukt) expect(g.cijfers.aantal).toBe(n);
    }
    expect(klein).toBeGreaterThan(0); // the demo data has small gemeenten: the rule was exercised
    const zwolle = s.perGemeente.find((g: { gemeente: { id: string } }) => g.gemeente.id === ZWOLLE);
    expect(zwolle.cijfers.onderdrukt).toBe(false);
    expect(zwolle.cijfers.aantal).toBe(aantal.get(ZWOLLE));
    expect(s.regio.aantal).toBe([...aantal.values()].reduce((a, b) => a + b, 0));
    expect(s.minimaleGroep.aantal).toBe(5);

    const wgStat = await as(p.app, wg)('GET', '/api/v1/contactverzoeken/statistiek');
    expect(wgStat.statusCode).toBe(200);
    expect(wgStat.json().perGemeente).toEqual([]);
    expect(wgStat.json().regio.aantal).toBe(s.regio.aantal);
    expect((await as(p.app, await login(p.app, 'arbeidsdeskundige.zwolle'))('GET', '/api/v1/contactverzoeken/statistiek')).statusCode).toBe(403);
  });
});

describe('worklist of incomplete kandidaatprofielen', () => {
  it("lists the own gemeenten's persons without a (complete, consented) profile, most to gain first; not for others", async () => {
    const res = await as(p.app, km)('GET', '/api/v1/kandidaatprofielen/werklijst?limit=200');
    expect(res.statusCode, res.body).toBe(200);
    const w = res.json();
    expect(w.totaal).toBeGreaterThan(0);
    const winst = w.resultaten.map((r: { teWinnen: number }) => r.teWinnen);
    expect(winst).toEqual([...winst].sort((a, b) => b - a));
    for (const r of w.resultaten) {
      expect(r.compleetheid < 80 || !r.toestemming || !r.profielAanwezig, JSON.stringify(r)).toBe(true);
      expect(['Zwolle', 'Hattem']).toContain(r.gemeente.naam);
      expect(r.ontbrekend.reduce((s: number, o: { gewicht: number }) => s + o.gewicht, 0)).toBe(r.teWinnen);
    }
    const zonder = w.resultaten.find((r: { profielAanwezig: boolean }) => !r.profielAanwezig);
    expect(zonder.compleetheid).toBe(0);
    expect(zonder.ontbrekend.length).toBe(8);
    const kampen = await as(p.app, kmKampen)('GET', '/api/v1/kandidaatprofielen/werklijst?limit=200');
    for (const r of kampen.json().resultaten) expect(r.gemeente.naam).toBe('Kampen');
    expect((await as(p.app, wg)('GET', '/api/v1/kandidaatprofielen/werklijst')).statusCode).toBe(403);
  });

  it("the sweep creates one 'profiel_aanvullen' task per person, once", async () => {
    const api = as(p.app, km);
    const eerste = await api('POST', '/api/v1/kandidaatprofielen/werklijst/taken', { maximum: 10 });
    expect(eerste.statusCode, eerste.body).toBe(200);
    expect(eerste.json().aangemaakt).toBe(10);
    const tweede = await api('POST', '/api/v1/kandidaatprofielen/werklijst/taken', { maximum: 10 });
    expect(tweede.json()).toEqual({ aangemaakt: 0, alOpen: 10 });
    const taken = await api('GET', '/api/v1/taken?soort=profiel_aanvullen&limit=200');
    expect(taken.json().totaal).toBe(10);
  });
});
