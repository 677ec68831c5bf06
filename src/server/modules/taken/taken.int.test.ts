import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';
import { tableSnapshot } from '../../testing/snapshot.js';
import { maakTaak, rondTakenAf } from './taken.js';

let p: TestPlatform;
let km: Session;
let kmKampen: Session;
const ZWOLLE = stableId('org:zwolle');
const persoon = stableId('persoon:2'); // Milan Mulder, Zwolle
beforeAll(async () => {
  p = await createTestPlatform();
  km = await login(p.app, 'klantmanager.zwolle');
  kmKampen = await login(p.app, 'klantmanager.kampen');
});
afterAll(async () => p?.close());

describe('werklijst (taken)', () => {
  it('creates one open task per cause, however often a module asks', async () => {
    const bron = { type: 'test', id: crypto.randomUUID() };
    const db = p.services.storage.db;
    const a = await maakTaak(db, { organisatieId: ZWOLLE, persoonId: persoon, soort: 'geen_activiteit', titel: 'Bellen', bron });
    const b = await maakTaak(db, { organisatieId: ZWOLLE, persoonId: persoon, soort: 'geen_activiteit', titel: 'Bellen', bron });
    expect(b).toBe(a);
    const n = await db
      .selectFrom('taak')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('bron_id', '=', bron.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    // Once closed, the same cause may open a new task.
    expect(await rondTakenAf(db, { soort: 'geen_activiteit', bronId: bron.id }, null, 'Gebeld')).toBe(1);
    const c = await maakTaak(db, { organisatieId: ZWOLLE, persoonId: persoon, soort: 'geen_activiteit', titel: 'Bellen', bron });
    expect(c).not.toBe(a);
  });

  it("shows a gemeente's tasks to its own professionals only, with the person's name", async () => {
    const id = await maakTaak(p.services.storage.db, {
      organisatieId: ZWOLLE,
      persoonId: persoon,
      soort: 'terugmelding_opvolgen',
      titel: 'Terugmelding bekijken',
      deadline: '2020-01-01',
    });
    const mijn = await as(p.app, km)('GET', '/api/v1/taken');
    expect(mijn.statusCode, mijn.body).toBe(200);
    const taak = mijn.json().resultaten.find((t: { id: string }) => t.id === id);
    expect(taak.persoon.id).toBe(persoon);
    expect(taak.termijn).toBe('verlopen');
    expect(mijn.json().perSoort.find((s: { code: string }) => s.code === 'terugmelding_opvolgen').aantal).toBeGreaterThanOrEqual(1);
    const kampen = await as(p.app, kmKampen)('GET', '/api/v1/taken');
    expect(kampen.statusCode).toBe(200);
    expect(kampen.body).not.toContain(id);
    expect(kampen.body).not.toContain(persoon);
    const wg = await as(p.app, await login(p.app, 'werkgever.bakkerij-van-der-veen'))('GET', '/api/v1/taken');
    expect(wg.statusCode).toBe(403);
  });

  it('closes a task with an explanation, audited; refuses twice, refuses another gemeente, refuses an empty explanation', async () => {
    const db = p.services.storage.db;
    const id = await maakTaak(db, { organisatieId: ZWOLLE, persoonId: persoon, soort: 'plan_reactie', titel: 'Reageren op plan' });
    const voor = await tableSnapshot(db);
    const leeg = await as(p.app, km)('POST', `/api/v1/taken/${id}/afronden`, { afhandeling: '' });
    expect(leeg.statusCode).toBe(400);
    const vreemd = await as(p.app, kmKampen)('POST', `/api/v1/taken/${id}/afronden`, { afhandeling: 'Gedaan' });
    expect(vreemd.statusCode).toBe(404);
    expect(await tableSnapshot(db)).toEqual(voor);
    const ok = await as(p.app, km)('POST', `/api/v1/taken/${id}/afronden`, { afhandeling: 'Plan besproken' });
    expect(ok.statusCode, ok.body).toBe(200);
    const audit = await db.selectFrom('audit_log').selectAll().where('resource', '=', 'taak').where('resource_id', '=', id).execute();
    expect(audit.map((a) => a.actie)).toContain('wijzigen');
    expect((await as(p.app, km)('POST', `/api/v1/taken/${id}/afronden`, { afhandeling: 'Nog eens' })).statusCode).toBe(409);
    const klaar = await as(p.app, km)('GET', '/api/v1/taken?status=afgerond');
    expect(klaar.json().resultaten.find((t: { id: string }) => t.id === id).afhandeling).toBe('Plan besproken');
  });

  it('leaves a contact request to its own flow', async () => {
    const id = await maakTaak(p.services.storage.db, {
      organisatieId: ZWOLLE,
      persoonId: persoon,
      soort: 'contactverzoek',
      titel: 'Contactverzoek',
      bron: { type: 'contactverzoek', id: crypto.randomUUID() },
    });
    const res = await as(p.app, km)('POST', `/api/v1/taken/${id}/afronden`, { afhandeling: 'Weg ermee' });
    expect(res.statusCode).toBe(409);
  });
});
