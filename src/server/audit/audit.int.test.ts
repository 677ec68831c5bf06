import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/policy.js';
import { stableId } from '../seed/demo.js';
import { AuditWriter } from './audit.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../testing/harness.js';

let p: TestPlatform;
let km: Session;
const person = stableId('persoon:0'); // a Zwolle person

beforeAll(async () => {
  p = await createTestPlatform();
  km = await login(p.app, 'klantmanager.zwolle');
});
afterAll(async () => p?.close());

async function auditRows(persoonId: string) {
  return p.services.storage.db.selectFrom('audit_log').selectAll().where('persoon_id', '=', persoonId).orderBy('id').execute();
}

describe('every personal-data read and write leaves an audit row', () => {
  it('records a read of the dossier with who, organisation, purpose and basis', async () => {
    const before = (await auditRows(person)).length;
    await as(p.app, km)('GET', `/api/v1/personen/${person}`);
    const rows = await auditRows(person);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actie: 'lezen',
      resource: 'persoon',
      gebruiker_naam: 'klantmanager.zwolle',
      actor_organisatie_id: stableId('org:zwolle'),
      organisatie_id: stableId('org:zwolle'),
      doel: 'uitvoering_participatiewet',
      grondslag: 'eigen_gemeente',
    });
  });

  it('records every person shown in a search result', async () => {
    const res = await as(p.app, km)('GET', '/api/v1/personen?paginaGrootte=5');
    const ids: string[] = res.json().resultaten.map((r: { id: string }) => r.id);
    expect(ids.length).toBe(5);
    for (const id of ids) {
      const rows = await auditRows(id);
      expect(rows.some((r) => r.actie === 'zoeken' && r.gebruiker_naam === 'klantmanager.zwolle')).toBe(true);
    }
  });

  it('records a write with old and new values, and never the BSN itself', async () => {
    const res = await as(p.app, km)('PATCH', `/api/v1/personen/${person}`, { telefoon: '0687654321', bsn: '111222333' });
    expect(res.statusCode).toBe(200);
    const row = (await auditRows(person)).at(-1)!;
    expect(row.actie).toBe('wijzigen');
    const changes = row.wijzigingen as Record<string, { oud: unknown; nieuw: unknown }>;
    expect(changes.telefoon?.nieuw).toBe('0687654321');
    expect(changes.bsn).toEqual({ oud: '[geheim]', nieuw: '[geheim]' });
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE wijzigingen::text LIKE '%111222333%' OR toelichting LIKE '%111222333%'`.execute(p.services.storage.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('records reading the full BSN as its own action', async () => {
    await as(p.app, km)('POST', `/api/v1/personen/${person}/bsn-inzien`);
    expect((await auditRows(person)).at(-1)).toMatchObject({ actie: 'bsn_inzien', gebruiker_naam: 'klantmanager.zwolle' });
  });

  it('records timeline, consent and assignment reads and writes', async () => {
    const api = as(p.app, km);
    const steps: [string, () => Promise<unknown>][] = [
      ['lezen:tijdlijn', () => api('GET', `/api/v1/personen/${person}/tijdlijn`)],
      ['aanmaken:tijdlijn', () => api('POST', `/api/v1/personen/${person}/tijdlijn`, { soort: 'notitie', titel: 'Test' })],
      ['lezen:toestemming', () => api('GET', `/api/v1/personen/${person}/toestemmingen`)],
      [
        'toestemming_verlenen:toestemming',
        () => api('POST', `/api/v1/personen/${person}/toestemmingen`, { doel: 'kandidaatprofiel', vastgelegdVia: 'mondeling' }),
      ],
      [
        'aanmaken:toewijzing',
        () => api('POST', `/api/v1/personen/${person}/toewijzingen`, { gebruikerId: stableId('gebruiker:arbeidsdeskundige.zwolle'), rol: 'arbeidsdeskundige' }),
      ],
    ];
    for (const [expected, step] of steps) {
      await step();
      const last = (await auditRows(person)).at(-1)!;
      expect(`${last.actie}:${last.resource}`).toBe(expected);
    }
  });

  it('records a refused attempt as geweigerd, and nothing else of it; an invalid request leaves no row', async () => {
    const before = (await auditRows(person)).length;
    const kampen = await login(p.app, 'klantmanager.kampen');
    expect((await as(p.app, kampen)('GET', `/api/v1/personen/${person}`)).statusCode).toBe(404);
    const afterRefusal = await auditRows(person);
    expect(afterRefusal.length).toBe(before + 1);
    expect(afterRefusal.at(-1)).toMatchObject({ actie: 'geweigerd', gebruiker_naam: 'klantmanager.kampen', toelichting: 'persoon.lezen' });
    await as(p.app, km)('PATCH', `/api/v1/personen/${person}`, { bsn: '123456789' });
    expect((await auditRows(person)).length).toBe(before + 1);
  });
});

describe('the audit log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const db = p.services.storage.db;
    await expect(sql`UPDATE audit_log SET actie = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(db);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('offers no API route that changes or deletes audit rows', () => {
    const auditRoutes = p.app.routeTable.filter((r) => r.url.includes('audit'));
    expect(auditRoutes.length).toBeGreaterThan(0);
    for (const r of auditRoutes) expect(r.method).toBe('GET');
  });

  it('lets a beheerder query the audit of their own organisation only', async () => {
    const beheerder = await login(p.app, 'beheerder.zwolle');
    const res = await as(p.app, beheerder)('GET', `/api/v1/audit?persoonId=${person}&paginaGrootte=200`);
    expect(res.statusCode).toBe(200);
    expect(res.json().totaal).toBeGreaterThan(3);
    const kampenBeheerder = await login(p.app, 'beheerder.kampen');
    const other = await as(p.app, kampenBeheerder)('GET', `/api/v1/audit?persoonId=${person}`);
    expect(other.json().totaal).toBe(0);
    const km2 = await as(p.app, km)('GET', '/api/v1/audit');
    expect(km2.statusCode).toBe(403);
  });
});

describe('AVG inzage', () => {
  it('lets the person see who looked at their data, and download it as CSV', async () => {
    const inwoner = await login(p.app, 'inwoner.zwolle');
    const ownId = inwoner.gebruiker.persoonId!;
    await as(p.app, km)('GET', `/api/v1/personen/${ownId}`);
    const res = await as(p.app, inwoner)('GET', `/api/v1/personen/${ownId}/audit`);
    expect(res.statusCode).toBe(200);
    expect(res.json().some((r: { gebruiker: string; actie: string }) => r.gebruiker === 'klantmanager.zwolle' && r.actie === 'lezen')).toBe(true);
    const csv = await as(p.app, inwoner)('GET', `/api/v1/personen/${ownId}/audit?formaat=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toContain('tijdstip,actie');
    expect(csv.body).toContain('klantmanager.zwolle');
    // Someone else's audit: refused.
    const someoneElse = stableId('persoon:2');
    expect(someoneElse).not.toBe(ownId);
    const other = await as(p.app, inwoner)('GET', `/api/v1/personen/${someoneElse}/audit`);
    expect([403, 404]).toContain(other.statusCode);
  });
});

describe('bulk audit rows (imports)', () => {
  it('writes every row in order, each with its own change record, shared records sent once', async () => {
    const db = p.services.storage.db;
    const actor = {
      gebruikerId: stableId('gebruiker:klantmanager.zwolle'),
      gebruikersnaam: 'klantmanager.zwolle',
      organisatieId: stableId('org:zwolle'),
      doel: 'beheer',
    } as Actor;
    const personen = [0, 1, 2, 3].map((i) => stableId(`persoon:${i}`));
    const gedeeld = { aangeleverd: { oud: null, nieuw: ['achternaam', 'voornaam'] } };
    const eigen = { voornaam: { oud: 'Jan', nieuw: 'Jan-Willem "JW" \'s' } };
    const voor = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    await new AuditWriter(db, actor, 'verzoek-1').schrijfBulk([
      { actie: 'aanmaken', resource: 'persoon', resourceId: personen[0], persoonId: personen[0], wijzigingen: gedeeld, toelichting: 'regel 1' },
      { actie: 'wijzigen', resource: 'persoon', resourceId: personen[1], persoonId: personen[1], wijzigingen: eigen, toelichting: 'regel 2' },
      { actie: 'aanmaken', resource: 'persoon', resourceId: personen[2], persoonId: personen[2], wijzigingen: gedeeld, toelichting: 'regel 3' },
      { actie: 'wijzigen', resource: 'persoon', resourceId: personen[3], persoonId: personen[3], toelichting: 'regel 4' },
    ]);
    const rijen = await db
      .selectFrom('audit_log')
      .select(['persoon_id', 'actie', 'wijzigingen', 'toelichting', 'verzoek_id', 'gebruiker_naam', 'organisatie_id'])
      .where('id', '>', String(voor.id ?? 0) as never)
      .orderBy('id')
      .execute();
    expect(rijen).toEqual([
      {
        persoon_id: personen[0],
        actie: 'aanmaken',
        wijzigingen: gedeeld,
        toelichting: 'regel 1',
        verzoek_id: 'verzoek-1',
        gebruiker_naam: 'klantmanager.zwolle',
        organisatie_id: actor.organisatieId,
      },
      {
        persoon_id: personen[1],
        actie: 'wijzigen',
        wijzigingen: eigen,
        toelichting: 'regel 2',
        verzoek_id: 'verzoek-1',
        gebruiker_naam: 'klantmanager.zwolle',
        organisatie_id: actor.organisatieId,
      },
      {
        persoon_id: personen[2],
        actie: 'aanmaken',
        wijzigingen: gedeeld,
        toelichting: 'regel 3',
        verzoek_id: 'verzoek-1',
        gebruiker_naam: 'klantmanager.zwolle',
        organisatie_id: actor.organisatieId,
      },
      {
        persoon_id: personen[3],
        actie: 'wijzigen',
        wijzigingen: null,
        toelichting: 'regel 4',
        verzoek_id: 'verzoek-1',
        gebruiker_naam: 'klantmanager.zwolle',
        organisatie_id: actor.organisatieId,
      },
    ]);
  });
});
