import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';
import { VOORBEELD_PLAN } from './routes.js';

let p: TestPlatform;
let km: Session;
let inwoner: Session;
const EIGEN = stableId('persoon:0'); // inwoner.zwolle; seeded with an agreed plan (version 1)
const ANDER = stableId('persoon:2');
const plan = (id = EIGEN) => `/api/v1/personen/${id}/plan`;

beforeAll(async () => {
  p = await createTestPlatform();
  km = await login(p.app, 'klantmanager.zwolle');
  inwoner = await login(p.app, 'inwoner.zwolle');
});
afterAll(async () => p?.close());

async function stand() {
  const db = p.services.storage.db;
  const concept = await db.selectFrom('plan_concept').selectAll().orderBy('id').execute();
  const reacties = await db.selectFrom('plan_reactie').select('id').execute();
  const versies = await db.selectFrom('plan_versie').select('id').execute();
  const taken = await db.selectFrom('taak').select(['id', 'status']).where('soort', '=', 'plan_reactie').orderBy('id').execute();
  return JSON.stringify({ concept, reacties: reacties.length, versies: versies.length, taken });
}

const planTaken = () =>
  p.services.storage.db
    .selectFrom('taak')
    .select(['status', 'organisatie_id', 'toegewezen_aan', 'persoon_id', 'afhandeling'])
    .where('soort', '=', 'plan_reactie')
    .where('persoon_id', '=', EIGEN)
    .execute();

describe('eigen plan', () => {
  let versie1: string;

  it('the inwoner sees the seeded agreed version with the klantmanager’s responses', async () => {
    const res = await as(p.app, inwoner)('GET', plan());
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.zijde).toBe('persoon');
    expect(o.mag).toEqual({ schrijven: true, reageren: false, akkoord: true });
    expect(o.concept).toMatchObject({ ronde: 1, status: 'vastgesteld' });
    expect(o.versies).toHaveLength(1);
    expect(o.laatsteVersie).toMatchObject({ versie: 1, akkoordProfessional: { door: 'Klantmanager Zwolle' } });
    expect(o.laatsteVersie.reacties.map((r: { onderdeel: string }) => r.onderdeel)).toEqual(['waarIkNaartoeWil', 'watIkNodigHeb']);
    versie1 = o.laatsteVersie.id;
  });

  it('an incomplete draft cannot be submitted: 422 naming the empty questions, nothing stored', async () => {
    const voor = await stand();
    const res = await as(p.app, inwoner)('PUT', plan(), { waarIkSta: 'Ik werk nu als vrijwilliger.', indienen: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams.map((x: { name: string }) => x.name)).toEqual(['body.waarIkNaartoeWil', 'body.watIkNodigHeb']);
    expect(await stand()).toEqual(voor);
  });

  it('runs the flow: the person submits (task for the gemeente) → the klantmanager responds → both agree → a kept version', async () => {
    const ingediend = await as(p.app, inwoner)('PUT', plan(), VOORBEELD_PLAN);
    expect(ingediend.statusCode, ingediend.body).toBe(200);
    const c = ingediend.json().concept;
    expect(c).toMatchObject({
      ronde: 2,
      revisie: 2,
      status: 'ingediend',
      gewijzigdDoorPersoon: true,
      akkoordPersoon: null,
      akkoordProfessional: null,
      reacties: [],
    });
    expect(c.inhoud.waarIkNaartoeWil).toBe(VOORBEELD_PLAN.waarIkNaartoeWil);
    // The agreed version 1 is untouched.
    expect(ingediend.json().laatsteVersie.versie).toBe(1);
    expect(await planTaken()).toEqual([
      {
        status: 'open',
        organisatie_id: stableId('org:zwolle'),
        toegewezen_aan: stableId('gebruiker:klantmanager.zwolle'),
        persoon_id: EIGEN,
        afhandeling: null,
      },
    ]);
    // Submitting the same text again makes no second task.
    expect((await as(p.app, inwoner)('PUT', plan(), VOORBEELD_PLAN)).statusCode).toBe(200);
    expect(await planTaken()).toHaveLength(1);

    // The person cannot write the professional's response.
    const voor = await stand();
    const zelf = await as(p.app, inwoner)('POST', `${plan()}/reacties`, { algemeen: 'Ik vind het zelf goed.' });
    expect(zelf.statusCode).toBe(403);
    expect(await stand()).toEqual(voor);

    const leeg = await as(p.app, km)('POST', `${plan()}/reacties`, { algemeen: '   ' });
    expect(leeg.statusCode).toBe(422);
    const reactie = await as(p.app, km)('POST', `${plan()}/reacties`, {
      waarIkNaartoeWil: 'Goed idee. Ik zoek een bakkerij voor u.',
      watIkNodigHeb: 'Een jobcoach kan.',
    });
    expect(reactie.statusCode, reactie.body).toBe(201);
    expect(reactie.json().concept.status).toBe('gereageerd');
    expect(reactie.json().concept.reacties.map((r: { onderdeel: string; auteur: string }) => [r.onderdeel, r.auteur])).toEqual([
      ['waarIkNaartoeWil', 'Klantmanager Zwolle'],
      ['watIkNodigHeb', 'Klantmanager Zwolle'],
    ]);
    const [taak] = await planTaken();
    expect(taak).toMatchObject({ status: 'afgerond', afhandeling: 'Gereageerd op het plan.' });

    // Agreeing to a text that is no longer current is refused.
    expect((await as(p.app, km)('POST', `${plan()}/akkoord`, { revisie: 1 })).statusCode).toBe(412);
    const prof = await as(p.app, km)('POST', `${plan()}/akkoord`, { revisie: 2 });
    expect(prof.statusCode, prof.body).toBe(200);
    expect(prof.json().concept.akkoordProfessional.door).toBe('Klantmanager Zwolle');
    expect(prof.json().concept.status).toBe('gereageerd');
    expect(prof.json().versies).toHaveLength(1);

    const zelfAkkoord = await as(p.app, inwoner)('POST', `${plan()}/akkoord`, { revisie: 2 });
    expect(zelfAkkoord.statusCode, zelfAkkoord.body).toBe(200);
    const o = zelfAkkoord.json();
    expect(o.concept.status).toBe('vastgesteld');
    expect(o.versies.map((v: { versie: number }) => v.versie)).toEqual([2, 1]);
    expect(o.laatsteVersie).toMatchObject({
      versie: 2,
      revisie: 2,
      akkoordPersoon: { door: 'Inwoner (demo)' },
      akkoordProfessional: { door: 'Klantmanager Zwolle' },
    });
    expect(o.laatsteVersie.inhoud).toEqual({
      waarIkSta: VOORBEELD_PLAN.waarIkSta,
      waarIkNaartoeWil: VOORBEELD_PLAN.waarIkNaartoeWil,
      watIkNodigHeb: VOORBEELD_PLAN.watIkNodigHeb,
      eersteStappen: VOORBEELD_PLAN.eersteStappen,
    });
    expect(o.laatsteVersie.reacties).toHaveLength(2);
    expect((await as(p.app, inwoner)('POST', `${plan()}/akkoord`, {})).statusCode).toBe(409);

    // The older version stays readable as it was.
    const oud = await as(p.app, inwoner)('GET', `${plan()}/versies/${versie1}`);
    expect(oud.statusCode).toBe(200);
    expect(oud.json().versie).toBe(1);
    expect(oud.json().inhoud.waarIkSta).toContain('voedselbank');

    // A later change starts a new draft; the agreed versions stay.
    const later = await as(p.app, inwoner)('PUT', plan(), { ...VOORBEELD_PLAN, indienen: false, eersteStappen: 'Meelopen bij Bakkerij Van der Veen.' });
    expect(later.json().concept).toMatchObject({ ronde: 3, status: 'concept', reacties: [] });
    expect(later.json().laatsteVersie.versie).toBe(2);
    await expect(sql`UPDATE plan_versie SET waar_ik_sta = 'x' WHERE persoon_id = ${EIGEN}`.execute(p.services.storage.db)).rejects.toThrow(/append-only/);

    const audit = await p.services.storage.db
      .selectFrom('audit_log')
      .select(['actie', 'resource', 'gebruiker_naam'])
      .where('persoon_id', '=', EIGEN)
      .where('resource', 'in', ['plan_concept', 'plan_reactie', 'plan_versie'])
      .where('actie', 'not in', ['geweigerd', 'lezen'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => `${a.actie} ${a.resource} ${a.gebruiker_naam}`)).toEqual([
      'wijzigen plan_concept inwoner.zwolle',
      'aanmaken plan_reactie klantmanager.zwolle',
      'wijzigen plan_concept klantmanager.zwolle',
      'wijzigen plan_concept inwoner.zwolle',
      'aanmaken plan_versie inwoner.zwolle',
      'wijzigen plan_concept inwoner.zwolle',
    ]);
  });

  it('nobody else’s plan: the inwoner and other gemeenten get 404', async () => {
    const voor = await stand();
    for (const [wie, u] of [
      [inwoner, plan(ANDER)],
      [inwoner, `${plan(ANDER)}/versies/${versie1}`],
      [km, `${plan(ANDER)}/versies/${versie1}`],
    ] as const) {
      expect((await as(p.app, wie)('GET', u)).statusCode, u).toBe(404);
    }
    expect((await as(p.app, inwoner)('PUT', plan(ANDER), VOORBEELD_PLAN)).statusCode).toBe(404);
    expect((await as(p.app, inwoner)('POST', `${plan(ANDER)}/akkoord`, {})).statusCode).toBe(404);
    for (const naam of ['klantmanager.kampen', 'inwoner.kampen', 'klantmanager.werkkracht-ijssel']) {
      const s = await login(p.app, naam);
      expect((await as(p.app, s)('GET', plan())).statusCode, naam).toBe(404);
      expect((await as(p.app, s)('PUT', plan(), VOORBEELD_PLAN)).statusCode, naam).toBe(404);
      expect((await as(p.app, s)('POST', `${plan()}/reacties`, { algemeen: 'x' })).statusCode, naam).toBe(404);
      expect((await as(p.app, s)('GET', `${plan()}/versies/${versie1}`)).statusCode, naam).toBe(404);
    }
    // The jobcoach of the gemeente reads, but does not write.
    const jc = await login(p.app, 'jobcoach.zwolle');
    expect((await as(p.app, jc)('GET', plan())).statusCode).toBe(200);
    expect((await as(p.app, jc)('POST', `${plan()}/akkoord`, {})).statusCode).toBe(403);
    expect(await stand()).toEqual(voor);
  });

  it('the klantmanager can write a draft together with the person; responding needs a plan', async () => {
    const geen = await as(p.app, km)('POST', `${plan(ANDER)}/reacties`, { algemeen: 'Hallo' });
    expect(geen.statusCode).toBe(409);
    const res = await as(p.app, km)('PUT', plan(ANDER), { ...VOORBEELD_PLAN, indienen: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ zijde: 'professional', mag: { schrijven: true, reageren: true, akkoord: true } });
    expect(res.json().concept).toMatchObject({ ronde: 1, status: 'concept', gewijzigdDoorPersoon: false, gewijzigdDoor: 'Klantmanager Zwolle' });
    // Nobody waits for a response when the klantmanager wrote it: no task.
    expect(await p.services.storage.db.selectFrom('taak').select('id').where('persoon_id', '=', ANDER).where('soort', '=', 'plan_reactie').execute()).toEqual(
      [],
    );
    // Someone else changed it in the meantime: 412, nothing stored.
    expect((await as(p.app, km)('PUT', plan(ANDER), { ...VOORBEELD_PLAN, waarIkSta: 'Anders.', revisie: 7 })).statusCode).toBe(412);
  });
});
