import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';
import { HUIDIG_INSTRUMENT } from './instrument.js';
import { VOORBEELD_DIAGNOSE } from './routes.js';
import { vandaag } from '../../../shared/datum.js';

let p: TestPlatform;
let km: Session;
let inwoner: Session;
const EIGEN = stableId('persoon:0'); // inwoner.zwolle is this person; seeded with diagnoses
const ANDER = stableId('persoon:2'); // another Zwolle person, nothing seeded
const KAMPEN = stableId('persoon:4');
const url = (id: string) => `/api/v1/personen/${id}/diagnoses`;

beforeAll(async () => {
  p = await createTestPlatform();
  km = await login(p.app, 'klantmanager.zwolle');
  inwoner = await login(p.app, 'inwoner.zwolle');
  expect(inwoner.gebruiker.persoonId).toBe(EIGEN);
});
afterAll(async () => p?.close());

async function aantallen() {
  const db = p.services.storage.db;
  const d = await db
    .selectFrom('diagnose')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const l = await db
    .selectFrom('diagnose_leefgebied')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const t = await db
    .selectFrom('tijdlijn_gebeurtenis')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return [Number(d.n), Number(l.n), Number(t.n)];
}

describe('instrument', () => {
  it('serves the 13 leefgebieden with five described levels, the ladder and the motivation scale, versioned', async () => {
    const res = await as(p.app, inwoner)('GET', '/api/v1/leefgebieden');
    expect(res.statusCode).toBe(200);
    const i = res.json();
    expect(i.versie).toBe(HUIDIG_INSTRUMENT.versie);
    expect(i.leefgebieden).toHaveLength(13);
    for (const l of i.leefgebieden) expect(l.niveaus.map((n: { score: number }) => n.score)).toEqual([1, 2, 3, 4, 5]);
    expect(i.participatieladder.sporten).toHaveLength(6);
    expect(i.motivatie.niveaus).toHaveLength(5);
    expect(i.bron).toContain('GGD Amsterdam');
    expect((await as(p.app, km)('GET', '/api/v1/leefgebieden?versie=1999.1')).statusCode).toBe(404);
  });
});

describe('brede diagnose', () => {
  it('shows the seeded views side by side, with the differences of 2 or more as conversation topics, and the change over time', async () => {
    const res = await as(p.app, km)('GET', url(EIGEN));
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.geschiedenis).toHaveLength(4);
    expect(o.huidig.persoon.datum).toBe('2026-10-20');
    expect(o.huidig.persoon.ingevuldDoor).toBe('persoon');
    expect(o.huidig.professional.datum).toBe('2026-10-20');
    expect(o.huidig.professional.auteur).toBe('Klantmanager Zwolle');
    const sociaal = o.vergelijking.leefgebieden.find((l: { code: string }) => l.code === 'sociaal_netwerk');
    expect(sociaal).toMatchObject({ persoon: 4, professional: 2, verschil: 2, gespreksonderwerp: true });
    expect(o.vergelijking.gespreksonderwerpen).toEqual(['sociaal_netwerk']);
    expect(o.vergelijking.participatieladder).toMatchObject({ persoon: 4, professional: 3, gespreksonderwerp: false });
    expect(o.mag).toEqual({ eigenBeeld: true, beeldProfessional: true });
    // The person's view is described in the person's words.
    const fin = o.huidig.persoon.leefgebieden.find((l: { code: string }) => l.code === 'financien');
    expect(fin).toMatchObject({ score: 3, schaalNaam: 'Beperkt zelfredzaam' });
    expect(fin.niveauOmschrijving).toMatch(/^Ik /);

    const v = (await as(p.app, km)('GET', `${url(EIGEN)}/verloop`)).json();
    const vf = v.leefgebieden.find((l: { code: string }) => l.code === 'financien');
    expect(vf.persoon.punten.map((x: { waarde: number }) => x.waarde)).toEqual([2, 3]);
    expect(vf.professional.punten.map((x: { datum: string; waarde: number }) => [x.datum, x.waarde])).toEqual([
      ['2026-05-12', 1],
      ['2026-10-20', 3],
    ]);
    expect(vf.professional.verandering).toBe(2);
    expect(v.participatieladder.professional.verandering).toBe(1);
    expect(v.participatieladder.persoon.verandering).toBe(2);
  });

  it('the inwoner sees their own diagnose and nobody else’s', async () => {
    const eigen = await as(p.app, inwoner)('GET', url(EIGEN));
    expect(eigen.statusCode).toBe(200);
    expect(eigen.json().mag).toEqual({ eigenBeeld: true, beeldProfessional: false });
    for (const ander of [ANDER, KAMPEN]) {
      for (const u of [url(ander), `${url(ander)}/verloop`]) {
        const res = await as(p.app, inwoner)('GET', u);
        expect(res.statusCode, u).toBe(404);
        const { instance: _instance, ...probleem } = res.json();
        expect(JSON.stringify(probleem)).not.toContain(ander);
      }
      const voor = await aantallen();
      expect((await as(p.app, inwoner)('POST', url(ander), { ...VOORBEELD_DIAGNOSE, perspectief: 'persoon' })).statusCode).toBe(404);
      expect(await aantallen()).toEqual(voor);
    }
  });

  it('the inwoner records their own view, and may not write the professional’s', async () => {
    const voor = await aantallen();
    const weigeren = await as(p.app, inwoner)('POST', url(EIGEN), { ...VOORBEELD_DIAGNOSE, perspectief: 'professional' });
    expect(weigeren.statusCode).toBe(403);
    expect(weigeren.headers['content-type']).toContain('application/problem+json');
    expect(await aantallen()).toEqual(voor);
    const geweigerd = await p.services.storage.db
      .selectFrom('audit_log')
      .select(['actie', 'gebruiker_naam'])
      .where('resource', '=', 'diagnose')
      .where('actie', '=', 'geweigerd')
      .execute();
    expect(geweigerd).toEqual([{ actie: 'geweigerd', gebruiker_naam: 'inwoner.zwolle' }]);

    const res = await as(p.app, inwoner)('POST', url(EIGEN), {
      perspectief: 'persoon',
      motivatieScore: 5,
      motivatieTekst: 'Ik wil echt graag.',
      leefgebieden: [
        { code: 'financien', score: 4 },
        { code: 'sociaal_netwerk', score: 4, toelichting: 'Ik heb nieuwe vrienden bij de voedselbank.' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      perspectief: 'persoon',
      ingevuldDoor: 'persoon',
      datum: vandaag(),
      motivatieScore: 5,
      participatieladder: null,
      verouderd: false,
    });
    expect(d.leefgebieden.map((l: { code: string; score: number }) => [l.code, l.score])).toEqual([
      ['financien', 4],
      ['sociaal_netwerk', 4],
    ]);
    const [n, l, t] = await aantallen();
    expect([n, l, t]).toEqual([voor[0]! + 1, voor[1]! + 2, voor[2]! + 1]);
    // History kept; the current own view is the new one.
    const o = (await as(p.app, km)('GET', url(EIGEN))).json();
    expect(o.geschiedenis).toHaveLength(5);
    expect(o.huidig.persoon.id).toBe(d.id);
    expect(o.vergelijking.leefgebieden.find((x: { code: string }) => x.code === 'sociaal_netwerk')).toMatchObject({ persoon: 4, professional: 2 });
    expect(o.vergelijking.leefgebieden.find((x: { code: string }) => x.code === 'huisvesting')).toMatchObject({ persoon: null });
  });

  it('invalid scores, unknown leefgebieden and rungs: 4xx problem+json naming each field, nothing stored', async () => {
    const voor = await aantallen();
    const res = await as(p.app, km)('POST', url(ANDER), {
      ...VOORBEELD_DIAGNOSE,
      participatieladder: 7,
      motivatieScore: 0,
      leefgebieden: [
        { code: 'financien', score: 6 },
        { code: 'sterrenkunde', score: 3 },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().invalidParams.map((x: { name: string }) => x.name)).toEqual([
      'body.participatieladder',
      'body.motivatieScore',
      'body.leefgebieden.0.score',
      'body.leefgebieden.1.code',
    ]);
    expect(res.json().invalidParams.every((x: { reason: string }) => x.reason.length > 5)).toBe(true);
    const toekomst = await as(p.app, km)('POST', url(ANDER), { ...VOORBEELD_DIAGNOSE, datum: '2099-01-01' });
    expect(toekomst.statusCode).toBe(422);
    expect(toekomst.json().invalidParams[0].name).toBe('body.datum');
    const tekst = await as(p.app, km)('POST', url(ANDER), { ...VOORBEELD_DIAGNOSE, leefgebieden: [{ code: 'financien', score: 'drie' }] });
    expect(tekst.statusCode).toBe(400);
    expect(tekst.json().invalidParams[0].name).toBe('body.leefgebieden.0.score');
    const perspectief = await as(p.app, km)('POST', url(ANDER), { ...VOORBEELD_DIAGNOSE, perspectief: 'buurman' });
    expect(perspectief.statusCode).toBe(400);
    expect(await aantallen()).toEqual(voor);
  });

  it('keeps the history: the current professional view is the latest by date, whatever the order of recording', async () => {
    const nieuw = await as(p.app, km)('POST', url(ANDER), { ...VOORBEELD_DIAGNOSE, datum: '2026-09-01', participatieladder: 4 });
    expect(nieuw.statusCode, nieuw.body).toBe(201);
    const oud = await as(p.app, km)('POST', url(ANDER), { ...VOORBEELD_DIAGNOSE, datum: '2026-02-01', participatieladder: 2 });
    expect(oud.statusCode).toBe(201);
    const o = (await as(p.app, km)('GET', url(ANDER))).json();
    expect(o.geschiedenis.map((d: { datum: string }) => d.datum)).toEqual(['2026-09-01', '2026-02-01']);
    expect(o.huidig.professional.id).toBe(nieuw.json().id);
    expect(o.huidig.persoon).toBeNull();
    expect(o.huidig.professional.verouderd).toBe(true);
    const v = (await as(p.app, km)('GET', `${url(ANDER)}/verloop`)).json();
    expect(v.participatieladder.professional.verandering).toBe(2);
    // Append-only in the database itself.
    await expect(sql`UPDATE diagnose SET participatieladder = 6 WHERE id = ${nieuw.json().id}`.execute(p.services.storage.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM diagnose_leefgebied WHERE diagnose_id = ${nieuw.json().id}`.execute(p.services.storage.db)).rejects.toThrow(/append-only/);
    const audit = await p.services.storage.db
      .selectFrom('audit_log')
      .select(['actie', 'resource_id'])
      .where('resource', '=', 'diagnose')
      .where('persoon_id', '=', ANDER)
      .where('actie', '=', 'aanmaken')
      .execute();
    expect(audit.map((a) => a.resource_id).sort()).toEqual([nieuw.json().id, oud.json().id].sort());
  });

  it('other gemeenten get 404; the arbeidsdeskundige and jobcoach read but do not write', async () => {
    for (const naam of ['klantmanager.kampen', 'inwoner.kampen', 'arbeidsdeskundige.uwv-zwolle']) {
      const s = await login(p.app, naam);
      expect((await as(p.app, s)('GET', url(EIGEN))).statusCode, naam).toBe(404);
      expect((await as(p.app, s)('POST', url(EIGEN), VOORBEELD_DIAGNOSE)).statusCode, naam).toBe(404);
    }
    for (const naam of ['arbeidsdeskundige.zwolle', 'jobcoach.zwolle']) {
      const s = await login(p.app, naam);
      const lees = await as(p.app, s)('GET', url(EIGEN));
      expect(lees.statusCode, naam).toBe(200);
      expect(lees.json().mag).toEqual({ eigenBeeld: false, beeldProfessional: false });
      expect((await as(p.app, s)('POST', url(EIGEN), VOORBEELD_DIAGNOSE)).statusCode, naam).toBe(403);
    }
  });

  it('the demo seed is idempotent', async () => {
    const db = p.services.storage.db;
    const tel = async () =>
      Promise.all(
        (['diagnose', 'diagnose_leefgebied', 'plan_concept', 'plan_reactie', 'plan_versie'] as const).map(async (t) =>
          Number(
            (
              await db
                .selectFrom(t)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const voor = await tel();
    expect(voor[0]).toBeGreaterThanOrEqual(12);
    await seedDemo(db, p.services.keys);
    expect(await tel()).toEqual(voor);
  });
});
