import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';
import { tableSnapshot } from '../../testing/snapshot.js';
import { berekenLoonkostensubsidie } from '../loonkostensubsidie/berekening.js';
import { leeftijdOp, VOORBEELD_METING } from './routes.js';

let p: TestPlatform;
let deskundige: Session;
let km: Session;
beforeAll(async () => {
  p = await createTestPlatform();
  deskundige = await login(p.app, 'loonwaardedeskundige.zwolle');
  km = await login(p.app, 'klantmanager.zwolle');
});
afterAll(async () => p?.close());

const ZWOLLE_PERSOON = stableId('persoon:2'); // VERDELING[2] = zwolle; no extra seeded facts
const ANDERE_ZWOLLE_PERSOON = stableId('persoon:3');
const url = (persoonId = ZWOLLE_PERSOON) => `/api/v1/personen/${persoonId}/loonwaardemetingen`;
const body = (over: Record<string, unknown> = {}) => ({ ...structuredClone(VOORBEELD_METING), ...over });

async function auditActies(persoonId: string): Promise<{ actie: string; gebruiker_naam: string | null; wijzigingen: unknown }[]> {
  return p.services.storage.db
    .selectFrom('audit_log')
    .select(['actie', 'gebruiker_naam', 'wijzigingen'])
    .where('resource', '=', 'loonwaardemeting')
    .where('persoon_id', '=', persoonId)
    .orderBy('id')
    .execute();
}

describe('loonwaardemetingen', () => {
  let metingId: string;

  it('a loonwaardedeskundige of Zwolle measures a Zwolle person: stored, explained, with the LKS at the meetdatum, audited', async () => {
    const res = await as(p.app, deskundige)('POST', url(), body());
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    metingId = m.id;
    // (64.8 × 12 + 63 × 10 + 85.5 × 6) / 28 = 68.59 → 69% (worked out in meting.test.ts).
    expect(m.uitkomst).toMatchObject({ loonwaarde: 69, berekendeLoonwaarde: 69, exacteLoonwaarde: 68.59, afgeweken: false, urenOverigeTaken: 4 });
    expect(m.hoofdtaken.map((t: { taakwaarde: number }) => t.taakwaarde)).toEqual([64.8, 63, 85.5]);
    expect(m.deskundige.naam).toBe('Loonwaardedeskundige Zwolle');
    expect(m.deskundige.kwalificatie.hboOfGelijkwaardig).toBe(true);
    expect(m.volgendeMetingOp).toBe('2027-03-01');
    expect(m.rapportUrl).toBe(`${url()}/${m.id}/rapport`);

    // The LKS is the pure art. 10d calculation at the meetdatum for 32 h, the normfunctie's 38-hour week and the person's age.
    const persoon = await p.services.storage.db.selectFrom('persoon').select('geboortedatum').where('id', '=', ZWOLLE_PERSOON).executeTakeFirstOrThrow();
    const leeftijd = leeftijdOp(persoon.geboortedatum, '2026-03-01');
    const verwacht = berekenLoonkostensubsidie({ peildatum: '2026-03-01', loonwaarde: 69, urenPerWeek: 32, voltijdsUrenSector: 38, leeftijd });
    expect(m.loonkostensubsidie).toEqual(JSON.parse(JSON.stringify(verwacht)));
    if (leeftijd >= 21) {
      // WML 2026: 14.71 × 36 × 52/12 = 2294.76; +8% = 2478.34; loonwaarde 69% = 1583.38 + 8% = 1710.05;
      // verschil 768.29 (< 70% max 1734.84); + 23.5% = 948.84 at 36 h; × 32/36 = 843.41 per month.
      expect(m.loonkostensubsidie.maandbedrag).toBe(843.41);
    }

    const lijst = await as(p.app, km)('GET', url());
    expect(lijst.statusCode).toBe(200);
    expect(lijst.json()).toHaveLength(1);
    expect(lijst.json()[0]).toEqual(m);

    const audit = await auditActies(ZWOLLE_PERSOON);
    expect(audit.map((a) => [a.actie, a.gebruiker_naam])).toEqual([
      ['aanmaken', 'loonwaardedeskundige.zwolle'],
      ['lezen', 'klantmanager.zwolle'],
    ]);
    expect(audit[0]!.wijzigingen).toMatchObject({ loonwaarde: { oud: null, nieuw: 69 }, werkgever: { oud: null, nieuw: 'Bakkerij Van der Veen' } });

    // The timeline notes the measurement without the percentage (it is read more widely).
    const tijdlijn = (await as(p.app, km)('GET', `/api/v1/personen/${ZWOLLE_PERSOON}/tijdlijn`)).json();
    const regel = tijdlijn.find((g: { titel: string }) => g.titel.startsWith('Loonwaardemeting vastgelegd'));
    expect(regel).toBeDefined();
    expect(`${regel.titel} ${regel.tekst}`).not.toContain('%');
  });

  it('the printable report follows the model, holds the loonwaarde and the LKS, and never the BSN', async () => {
    const bsn = (await as(p.app, km)('POST', `/api/v1/personen/${ZWOLLE_PERSOON}/bsn-inzien`)).json().bsn as string;
    expect(bsn).toMatch(/^\d{9}$/);
    const detail = (await as(p.app, km)('GET', `/api/v1/personen/${ZWOLLE_PERSOON}`)).json();
    const res = await as(p.app, km)('GET', `${url()}/${metingId}/rapport`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
    const html = res.body;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('De loonwaarde is <strong>69%</strong>');
    expect(html).toContain(detail.achternaam);
    expect(html).toContain('Productiemedewerker bakkerij');
    expect(html).toContain('Brood en banket inpakken');
    expect(html).toContain('Loonwaardedeskundige Zwolle');
    expect(html).toContain('hbo Toegepaste Psychologie');
    expect(html).toContain('1 maart 2027'); // volgende meting
    expect(html).toContain('Loonkostensubsidie per maand');
    expect(html).toContain('overige taken');
    // Never the BSN, in any form; and nothing that runs.
    expect(html).not.toContain(bsn);
    expect(html).not.toMatch(/\bBSN\b/i);
    expect(html).not.toContain(detail.bsnGemaskeerd);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i);
    const export_ = await p.services.storage.db
      .selectFrom('audit_log')
      .select(['actie', 'resource_id'])
      .where('resource', '=', 'loonwaardemeting')
      .where('actie', '=', 'exporteren')
      .executeTakeFirst();
    expect(export_?.resource_id).toBe(metingId);
  });

  it('escapes what the deskundige typed in the report', async () => {
    const b = body({ methode: '<script>alert(1)</script> & "methode"' });
    const res = await as(p.app, deskundige)('POST', url(ANDERE_ZWOLLE_PERSOON), b);
    expect(res.statusCode, res.body).toBe(201);
    const html = (await as(p.app, deskundige)('GET', res.json().rapportUrl)).body;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;methode&quot;');
    expect(html).not.toMatch(/<script/i);
  });

  it('a report of another person’s measurement is not found', async () => {
    const res = await as(p.app, km)('GET', `${url(ANDERE_ZWOLLE_PERSOON)}/${metingId}/rapport`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('a klantmanager of Kampen gets 404 for the Zwolle person, and nothing changes', async () => {
    const kampen = await login(p.app, 'klantmanager.kampen');
    const before = await tableSnapshot(p.services.storage.db);
    for (const [methode, pad, b] of [
      ['GET', url(), undefined],
      ['POST', url(), body()],
      ['GET', `${url()}/${metingId}/rapport`, undefined],
    ] as const) {
      const res = await as(p.app, kampen)(methode, pad, b);
      expect(res.statusCode, `${methode} ${pad}`).toBe(404);
      expect(res.json().code).toBe('niet_gevonden');
      expect(res.body).not.toContain('Bakkerij');
    }
    expect(await tableSnapshot(p.services.storage.db)).toEqual(before);
  });

  it('a jobcoach can read but not measure', async () => {
    const jobcoach = await login(p.app, 'jobcoach.zwolle');
    expect((await as(p.app, jobcoach)('GET', url())).statusCode).toBe(200);
    expect((await as(p.app, jobcoach)('GET', `${url()}/${metingId}/rapport`)).statusCode).toBe(200);
    const before = await tableSnapshot(p.services.storage.db);
    const res = await as(p.app, jobcoach)('POST', url(), body());
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('geen_toegang');
    expect(await tableSnapshot(p.services.storage.db)).toEqual(before);
    // So can a klantmanager (read, not measure).
    expect((await as(p.app, km)('POST', url(), body())).statusCode).toBe(403);
  });

  it('an assigned loonwaardedeskundige of another gemeente may measure only after the assignment', async () => {
    const extern = await login(p.app, 'loonwaardedeskundige.kampen');
    const doel = stableId('persoon:10'); // VERDELING[0] = zwolle
    expect((await as(p.app, extern)('POST', url(doel), body())).statusCode).toBe(404);
    const toewijzing = await as(p.app, km)('POST', `/api/v1/personen/${doel}/toewijzingen`, {
      gebruikerId: stableId('gebruiker:loonwaardedeskundige.kampen'),
      rol: 'loonwaardedeskundige',
    });
    expect(toewijzing.statusCode, toewijzing.body).toBe(201);
    const res = await as(p.app, extern)('POST', url(doel), body());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().deskundige.organisatie).toBe('Gemeente Kampen');
  });
});

describe('refused measurements: clear 4xx problems, nothing stored', () => {
  const weiger = async (b: unknown, status: number, veld: string, code?: string) => {
    const before = await tableSnapshot(p.services.storage.db);
    const res = await as(p.app, deskundige)('POST', url(), b);
    const label = `${JSON.stringify(b).slice(0, 200)} → ${res.body}`;
    expect(res.statusCode, label).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    const param = problem.invalidParams?.find((i: { name: string }) => i.name === `body.${veld}`);
    expect(param, label).toBeDefined();
    if (code) expect(param.code).toBe(code);
    expect(param.reason.length).toBeGreaterThan(5);
    expect(await tableSnapshot(p.services.storage.db)).toEqual(before);
    return problem;
  };
  const taak = (urenPerWeek: number, tempo = 80) => ({ omschrijving: 'Taak', urenPerWeek, tempo, kwaliteit: 90, inzetbaarheid: 90 });

  it('hoofdtaken adding up to more than the week: 422', async () => {
    const problem = await weiger(body({ hoofdtaken: [taak(20), taak(15)] }), 422, 'hoofdtaken', 'meer_dan_werkweek');
    expect(problem.code).toBe('niet_verwerkbaar');
    expect(problem.invalidParams[0].reason).toContain('35 uur');
  });

  it('a loonwaarde outside 0–100%: 400', async () => {
    await weiger(body({ afwijking: { loonwaarde: 120, reden: 'De meetweek was niet representatief.' } }), 400, 'afwijking.loonwaarde');
    await weiger(body({ afwijking: { loonwaarde: -1, reden: 'De meetweek was niet representatief.' } }), 400, 'afwijking.loonwaarde');
  });

  it('a deviation without a reason, a task under 1/16 of the week, a future meetdatum, a deskundige without hbo: 422', async () => {
    await weiger(body({ afwijking: { loonwaarde: 60, reden: '' } }), 422, 'afwijking.reden', 'reden_ontbreekt');
    await weiger(body({ hoofdtaken: [taak(20), taak(1.5)] }), 422, 'hoofdtaken.1.urenPerWeek', 'hoofdtaak_te_klein');
    await weiger(body({ meetdatum: '2999-01-01', volgendeMetingOp: '3000-01-01' }), 422, 'meetdatum', 'datum_in_toekomst');
    await weiger(
      body({ kwalificatie: { omschrijving: 'mbo 4', hboOfGelijkwaardig: false, jarenErvaring: 5 } }),
      422,
      'kwalificatie.hboOfGelijkwaardig',
      'kwalificatie',
    );
    await weiger(body({ volgendeMetingOp: '2026-02-01' }), 422, 'volgendeMetingOp', 'datum_volgorde');
  });

  it('text PostgreSQL cannot store inside the stored JSON (a lone surrogate) is refused with a 4xx, never a 5xx', async () => {
    const before = await tableSnapshot(p.services.storage.db);
    const b = body();
    b.hoofdtaken[0]!.omschrijving = 'Inpakken \ud800';
    const res = await as(p.app, deskundige)('POST', url(), b);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect(await tableSnapshot(p.services.storage.db)).toEqual(before);
  });

  it('no hoofdtaken, six, a score out of range, a missing field: 400', async () => {
    await weiger(body({ hoofdtaken: [] }), 400, 'hoofdtaken');
    await weiger(body({ hoofdtaken: Array.from({ length: 6 }, () => taak(4)) }), 400, 'hoofdtaken');
    await weiger(body({ hoofdtaken: [taak(10, 151)] }), 400, 'hoofdtaken.0.tempo');
    const { methode: _weg, ...zonderMethode } = body();
    await weiger(zonderMethode, 400, 'methode');
  });
});
