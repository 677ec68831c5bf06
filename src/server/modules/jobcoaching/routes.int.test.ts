import { afterAll, beforeAll, expect, it } from 'vitest';
import { stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type TestPlatform } from '../../testing/harness.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p?.close());

const KAMPEN = stableId('org:kampen');
const kampenPerson = stableId('persoon:4'); // VERDELING[4] = kampen
const hoog = {
  aard_beperking: 'sterk',
  taakcomplexiteit: 'complex',
  werkomgeving: 'onvoorspelbaar',
  leervermogen: 'heel_langzaam',
  natuurlijke_steun: 'geen',
  communicatie_en_gedrag: 'voortdurend',
  werkervaring: 'geen',
};

it("a beleidsmedewerker sets the gemeente's bounds; an assessment applies them, is stored, explained and audited", async () => {
  const beleid = await login(p.app, 'beleidsmedewerker.kampen');
  const put = await as(p.app, beleid)('PUT', `/api/v1/gemeenten/${KAMPEN}/beleid`, {
    jobcoachMaxUrenPerHalfjaar: 60,
    jobcoachMaxDuurJaren: 3,
    bron: 'Beleidsregels Kampen 2026',
  });
  expect(put.statusCode).toBe(200);
  // Another gemeente's beleidsmedewerker cannot.
  const zwolle = await login(p.app, 'beleidsmedewerker.zwolle');
  expect(
    (await as(p.app, zwolle)('PUT', `/api/v1/gemeenten/${KAMPEN}/beleid`, { jobcoachMaxUrenPerHalfjaar: 999, jobcoachMaxDuurJaren: null, bron: 'x x x' }))
      .statusCode,
  ).toBe(403);

  const ad = await login(p.app, 'arbeidsdeskundige.kampen');
  const res = await as(p.app, ad)('POST', `/api/v1/personen/${kampenPerson}/jobcoach-beoordelingen`, {
    peildatum: '2026-03-01',
    urenPerWeek: 24,
    begeleidingsjaar: 1,
    antwoorden: hoog,
  });
  expect(res.statusCode).toBe(201);
  const b = res.json();
  expect(b.advies.regime).toBe('intensief');
  expect(b.advies.urenVolgensProtocol).toBe(93.6);
  expect(b.advies.urenPerHalfjaar).toBe(60);
  expect(b.advies.bronnen).toContain('Beleidsregels Kampen 2026');
  expect(b.evaluatieOp).toBe('2026-09-01');
  expect(b.brieven.persoon).toContain('60 uur per half jaar');
  expect(b.brieven.werkgever).toContain('begrensd door het beleid');
  const list = await as(p.app, ad)('GET', `/api/v1/personen/${kampenPerson}/jobcoach-beoordelingen`);
  expect(list.json()).toHaveLength(1);
  const audit = await p.services.storage.db
    .selectFrom('audit_log')
    .select('actie')
    .where('resource', '=', 'jobcoach_beoordeling')
    .where('persoon_id', '=', kampenPerson)
    .orderBy('id')
    .execute();
  expect(audit.map((a) => a.actie)).toEqual(['aanmaken', 'lezen']);
});

it('refuses unknown answers, a deviation without a reason and missing concepts with 400, storing nothing', async () => {
  const ad = await login(p.app, 'arbeidsdeskundige.kampen');
  const api = as(p.app, ad);
  const url = `/api/v1/personen/${kampenPerson}/jobcoach-beoordelingen`;
  const before = (await api('GET', url)).json().length;
  for (const body of [
    { peildatum: '2026-03-01', urenPerWeek: 24, begeleidingsjaar: 1, antwoorden: { ...hoog, leervermogen: 'supersnel' } },
    { peildatum: '2026-03-01', urenPerWeek: 24, begeleidingsjaar: 1, antwoorden: { ...hoog, werkervaring: undefined } },
    { peildatum: '2026-03-01', urenPerWeek: 24, begeleidingsjaar: 1, antwoorden: hoog, afwijking: { regime: 'licht', reden: 'kort' } },
    { peildatum: '2026-03-01', urenPerWeek: 0, begeleidingsjaar: 1, antwoorden: hoog },
  ]) {
    const res = await api('POST', url, body);
    expect(res.statusCode, JSON.stringify(body)).toBe(400);
  }
  expect((await api('GET', url)).json().length).toBe(before);
});
