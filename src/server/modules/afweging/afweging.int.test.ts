import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../../seed/demo.js';
import { as, createTestPlatform, login, type Session, type TestPlatform } from '../../testing/harness.js';
import { tableSnapshot } from '../../testing/snapshot.js';

let p: TestPlatform;
let km: Session;
let kmKampen: Session;
let beleidZwolle: Session;
let inwoner: Session;
beforeAll(async () => {
  p = await createTestPlatform();
  km = await login(p.app, 'klantmanager.zwolle');
  kmKampen = await login(p.app, 'klantmanager.kampen');
  beleidZwolle = await login(p.app, 'beleidsmedewerker.zwolle');
  inwoner = await login(p.app, 'inwoner.zwolle');
});
afterAll(async () => p?.close());

const ZWOLLE = stableId('org:zwolle');
const EIGEN = stableId('persoon:0'); // inwoner.zwolle is this person
const ANDER = stableId('persoon:2'); // VERDELING[2] = zwolle
const MET_DIAGNOSE = stableId('persoon:10'); // has a demo brede diagnose
const url = (persoonId: string, rest = '') => `/api/v1/personen/${persoonId}/afwegingen${rest}`;
const db = () => p.services.storage.db;
const snapshot = () => tableSnapshot(db());

const GEWOON = { motivatie: 5, eigen_wens: 'werk_via_reintegratie', participatieladder: 3, werkervaring: 2, financien: 2 };

describe('afweging for a person', () => {
  it('computes, stores and shows advice per route with arguments for and against, audited and on the timeline', async () => {
    const res = await as(p.app, km)('POST', url(ANDER), {
      factorwaarden: { ...GEWOON, leeftijd: 62 },
      toelichtingen: { motivatie: 'Wil graag weer in de groenvoorziening werken.' },
      visieProfessional: 'Gemotiveerd.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a.advies.label).toBe('Advies, geen besluit');
    expect(a.advies.meestPassend).toEqual(['werk_via_reintegratie']);
    const werk = a.advies.routes.find((r: { route: string }) => r.route === 'werk_via_reintegratie');
    // Zwolle weighs motivation 5 (its own weights, version 1) and debts 3: 5 + 3 + 2×0.4 + 2×2/3 − 3×0.5×0.75
    expect(werk.voor).toBe(10.13);
    expect(werk.tegen).toBe(1.13);
    expect(werk.argumentenTegen[0].factor).toBe('financien');
    expect(a.advies.nietMeegewogen.map((n: { factor: string }) => n.factor)).toEqual(['leeftijd']);
    expect(a.kader).toMatchObject({ gemeenteVersie: 1, regioVersie: 1 });
    expect(a.factorwaarden.find((f: { factor: string }) => f.factor === 'motivatie')).toMatchObject({
      waardeTekst: 'Wil heel graag en zo snel mogelijk werken',
      bron: 'invoer',
    });

    const list = await as(p.app, km)('GET', url(ANDER));
    expect(list.statusCode).toBe(200);
    expect(list.json().afwegingen.map((x: { id: string }) => x.id)).toContain(a.id);
    expect(list.json().magSchrijven).toBe(true);
    const audit = await db().selectFrom('audit_log').select('actie').where('resource', '=', 'afweging').where('persoon_id', '=', ANDER).execute();
    expect(audit.map((r) => r.actie).sort()).toEqual(['aanmaken', 'lezen']);
    const tl = await db().selectFrom('tijdlijn_gebeurtenis').select('titel').where('persoon_id', '=', ANDER).where('titel', 'like', 'Afweging%').execute();
    expect(tl).toHaveLength(1);
  });

  it('takes values from the brede diagnose and marks their source', async () => {
    const vi = await as(p.app, km)('GET', url(MET_DIAGNOSE, '/voorinvulling'));
    expect(vi.statusCode, vi.body).toBe(200);
    const { waarden, bronnen, herkomst } = vi.json();
    expect(waarden.participatieladder).toBeGreaterThanOrEqual(1);
    expect(bronnen.participatieladder).toBe('diagnose');
    expect(bronnen.belastbaarheid_bekend).toBe('dossier');
    expect(herkomst.join(' ')).toContain('Brede diagnose');
    expect(Object.keys(waarden)).not.toContain('leeftijd');
    const res = await as(p.app, km)('POST', url(MET_DIAGNOSE), { factorwaarden: { ...waarden, motivatie: waarden.motivatie === 5 ? 4 : 5 } });
    expect(res.statusCode, res.body).toBe(201);
    const fw = res.json().factorwaarden as { factor: string; bron: string }[];
    expect(fw.find((f) => f.factor === 'participatieladder')!.bron).toBe('diagnose');
    // A value the professional changed is their own input.
    expect(fw.find((f) => f.factor === 'motivatie')!.bron).toBe('invoer');
  });

  it('changing only protected-ground attributes or adding flagged text leaves every route exactly as it was', async () => {
    const basis = (await as(p.app, km)('POST', url(ANDER), { factorwaarden: GEWOON })).json();
    const res = await as(p.app, km)('POST', url(ANDER), {
      factorwaarden: { ...GEWOON, leeftijd: 65, zwangerschap: true, arbeidsbeperking: true, werkgeversweerstand: ['leeftijd', 'zwangerschap'] },
      visieProfessional: 'Ze is zwanger en te oud; de werkgever wil geen 65-jarige.',
      toelichtingen: { werkervaring: 'Draagt een hoofddoek.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    const scores = (x: { advies: { routes: { route: string; voor: number; tegen: number; netto: number }[] } }) =>
      Object.fromEntries(x.advies.routes.map((r) => [r.route, [r.voor, r.tegen, r.netto]]));
    expect(scores(a)).toEqual(scores(basis));
    expect(a.advies.meestPassend).toEqual(basis.advies.meestPassend);
    const gronden = new Set(a.signaleringen.map((s: { grond: string }) => s.grond));
    for (const g of ['zwangerschap', 'leeftijd', 'werkgeversweerstand', 'godsdienst']) expect(gronden, g).toContain(g);
    expect(a.signaleringen[0].uitleg).toContain('verandert het advies niet');
    // Stored with the flags.
    const row = await db().selectFrom('afweging').select('signaleringen').where('id', '=', a.id).executeTakeFirstOrThrow();
    expect((row.signaleringen as unknown[]).length).toBe(a.signaleringen.length);
  });

  it.each([
    ['a score out of range', { factorwaarden: { motivatie: 7 } }, 'body.factorwaarden.motivatie'],
    ['a non-integer rung', { factorwaarden: { participatieladder: 2.5 } }, 'body.factorwaarden.participatieladder'],
    ['an unknown factor', { factorwaarden: { geluk: 3 } }, 'body.factorwaarden'],
    ['a protected ground that is never recorded', { factorwaarden: { herkomst: true } }, 'body.factorwaarden.herkomst'],
    ['an unknown route as own wish', { factorwaarden: { eigen_wens: 'naar_de_maan' } }, 'body.factorwaarden.eigen_wens'],
    ['an explanation for an unknown factor', { factorwaarden: {}, toelichtingen: { geluk: 'x' } }, 'body.toelichtingen'],
  ])('refuses %s with 400 problem+json and stores nothing', async (_naam, body, veld) => {
    const voor = await snapshot();
    const res = await as(p.app, km)('POST', url(ANDER), body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(
      res
        .json()
        .invalidParams.map((x: { name: string }) => x.name)
        .join(' '),
    ).toContain(veld);
    expect(await snapshot()).toEqual(voor);
  });

  it('says in Dutch why a protected ground is not recorded', async () => {
    const res = await as(p.app, km)('POST', url(ANDER), { factorwaarden: { godsdienst: true } });
    expect(res.json().invalidParams[0].reason).toContain('wordt niet vastgelegd');
  });
});

describe('joint decision', () => {
  let afwegingId: string;
  beforeAll(async () => {
    afwegingId = (await as(p.app, km)('POST', url(ANDER), { factorwaarden: GEWOON })).json().id;
  });

  it.each([
    ['without reasons', { route: 'werk_via_reintegratie', persoonEens: 'ja' }],
    ['with only spaces as reasons', { route: 'werk_via_reintegratie', redenen: '          ', persoonEens: 'ja' }],
    ['with too short reasons', { route: 'werk_via_reintegratie', redenen: 'ok', persoonEens: 'ja' }],
    ['with an unknown route', { route: 'naar_de_maan', redenen: 'Omdat het zo goed past bij de persoon.', persoonEens: 'ja' }],
    ['without saying whether the person agrees', { route: 'participatietraject', redenen: 'Omdat het zo goed past bij de persoon.' }],
  ])('is refused %s: 400 and nothing stored', async (_naam, body) => {
    const voor = await snapshot();
    const res = await as(p.app, km)('POST', url(ANDER, `/${afwegingId}/besluit`), body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await snapshot()).toEqual(voor);
  });

  it('records route, reasons, agreement, whether it follows the advice; flags protected grounds in the reasons', async () => {
    const res = await as(p.app, km)('POST', url(ANDER, `/${afwegingId}/besluit`), {
      route: 'participatietraject',
      redenen: 'Eerst ritme opbouwen; de persoon wil dat zelf ook. Werkgever wil geen oudere, maar dat telt niet.',
      persoonEens: 'deels',
      reactiePersoon: 'Ik had liever meteen werk gehad.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({ route: 'participatietraject', persoonEens: 'deels', volgtAdvies: false, routeLabel: 'Participatietraject' });
    expect(b.signaleringen.map((s: { grond: string }) => s.grond)).toContain('werkgeversweerstand');
    const list = (await as(p.app, km)('GET', url(ANDER))).json();
    expect(list.laatsteBesluit.id).toBe(b.id);
    expect(list.afwegingen.find((x: { id: string }) => x.id === afwegingId).besluiten).toHaveLength(1);
  });

  it('refuses a decision on an afweging of another person (404)', async () => {
    const res = await as(p.app, km)('POST', url(stableId('persoon:3'), `/${afwegingId}/besluit`), {
      route: 'participatietraject',
      redenen: 'Omdat het zo goed past bij de persoon.',
      persoonEens: 'ja',
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('the person themselves and other gemeenten', () => {
  let eigenAfweging: string;
  let andereAfweging: string;
  beforeAll(async () => {
    eigenAfweging = (await as(p.app, km)('POST', url(EIGEN), { factorwaarden: GEWOON })).json().id;
    andereAfweging = (await as(p.app, km)('POST', url(ANDER), { factorwaarden: GEWOON })).json().id;
    await as(p.app, km)('POST', url(EIGEN, `/${eigenAfweging}/besluit`), {
      route: 'werk_via_reintegratie',
      redenen: 'Samen besloten: werk eerst.',
      persoonEens: 'ja',
    });
  });

  it('the inwoner reads their own afweging and decisions and records their own view', async () => {
    const res = await as(p.app, inwoner)('GET', url(EIGEN));
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.afwegingen.map((a: { id: string }) => a.id)).toContain(eigenAfweging);
    expect(o.laatsteBesluit.route).toBe('werk_via_reintegratie');
    expect(o).toMatchObject({ magSchrijven: false, magEigenVisie: true });
    const v = await as(p.app, inwoner)('POST', url(EIGEN, `/${eigenAfweging}/visie`), { visie: 'Ik wil graag werken, ook al ben ik te oud volgens sommigen.' });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json().visiePersoon).toContain('Ik wil graag werken');
    expect(v.json().visiePersoonDoor).toBe('Inwoner (demo)');
    expect(v.json().signaleringen.some((s: { veld: string; grond: string }) => s.veld === 'visiePersoon' && s.grond === 'leeftijd')).toBe(true);
    expect((await as(p.app, inwoner)('GET', `/api/v1/personen/${EIGEN}/casusoverleggen`)).statusCode).toBe(200);
  });

  it("the inwoner sees nobody else's afweging and cannot write one", async () => {
    const voor = await snapshot();
    expect((await as(p.app, inwoner)('GET', url(ANDER))).statusCode).toBe(404);
    expect((await as(p.app, inwoner)('POST', url(ANDER, `/${andereAfweging}/visie`), { visie: 'Niet van mij.' })).statusCode).toBe(404);
    // An afweging id of someone else under the own person id: not found either.
    expect((await as(p.app, inwoner)('POST', url(EIGEN, `/${andereAfweging}/visie`), { visie: 'Niet van mij.' })).statusCode).toBe(404);
    expect((await as(p.app, inwoner)('POST', url(EIGEN), { factorwaarden: GEWOON })).statusCode).toBe(403);
    expect(
      (
        await as(p.app, inwoner)('POST', url(EIGEN, `/${eigenAfweging}/besluit`), {
          route: 'participatietraject',
          redenen: 'Dat wil ik zelf.',
          persoonEens: 'ja',
        })
      ).statusCode,
    ).toBe(403);
    expect(await snapshot()).toEqual(voor);
  });

  it('another gemeente gets 404 and changes nothing', async () => {
    const voor = await snapshot();
    expect((await as(p.app, kmKampen)('GET', url(ANDER))).statusCode).toBe(404);
    expect((await as(p.app, kmKampen)('POST', url(ANDER), { factorwaarden: GEWOON })).statusCode).toBe(404);
    expect(
      (
        await as(p.app, kmKampen)('POST', url(ANDER, `/${andereAfweging}/besluit`), {
          route: 'participatietraject',
          redenen: 'Omdat het zo past.',
          persoonEens: 'ja',
        })
      ).statusCode,
    ).toBe(404);
    expect((await as(p.app, kmKampen)('GET', `/api/v1/personen/${ANDER}/casusoverleggen`)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(voor);
  });
});

describe('casusoverleg', () => {
  it('records participants (also outside Passend), arguments and conclusion, with flags', async () => {
    const res = await as(p.app, km)('POST', `/api/v1/personen/${ANDER}/casusoverleggen`, {
      datum: '2026-03-02',
      deelnemers: [
        { organisatieId: ZWOLLE, rol: 'Klantmanager' },
        { organisatie: 'Sociaal wijkteam Zwolle-Zuid', rol: 'Maatschappelijk werker', naam: 'A. de Vries' },
        { organisatie: 'UWV', rol: 'Arbeidsdeskundige' },
      ],
      argumenten: [
        { partij: 'Wijkteam', route: 'doorverwijzing_wijkteam', richting: 'voor', tekst: 'Schulden eerst stabiliseren.' },
        { partij: 'Aanbieder', tekst: 'Werkgevers zijn terughoudend: hij is allochtoon.' },
      ],
      conclusie: 'Werk via re-integratie, schuldhulp ernaast.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.deelnemers.map((d: { organisatie: string; extern: boolean }) => [d.organisatie, d.extern])).toEqual([
      ['Gemeente Zwolle', false],
      ['Sociaal wijkteam Zwolle-Zuid', true],
      ['UWV', true],
    ]);
    expect(new Set(c.signaleringen.map((s: { grond: string }) => s.grond))).toEqual(new Set(['werkgeversweerstand', 'herkomst']));
    expect(c.signaleringen[0].veld).toBe('argumenten.1.tekst');
    const list = (await as(p.app, km)('GET', `/api/v1/personen/${ANDER}/casusoverleggen`)).json();
    expect(list[0].id).toBe(c.id);
  });

  it.each([
    ['a participant without organisation', { deelnemers: [{ rol: 'Klantmanager' }] }, 'body.deelnemers.0.organisatie'],
    ['no participants', { deelnemers: [] }, 'body.deelnemers'],
    ['an organisation outside the region', { deelnemers: [{ organisatieId: stableId('nergens'), rol: 'Klantmanager' }] }, 'body.deelnemers.0.organisatieId'],
    ['an afweging of another person', { afwegingId: stableId('afweging:demo:20') }, 'body.afwegingId'],
    ['no conclusion', { conclusie: '' }, 'body.conclusie'],
  ])('refuses %s: 400 and nothing stored', async (_n, extra, veld) => {
    const voor = await snapshot();
    const res = await as(p.app, km)('POST', `/api/v1/personen/${ANDER}/casusoverleggen`, {
      datum: '2026-03-02',
      deelnemers: [{ organisatieId: ZWOLLE, rol: 'Klantmanager' }],
      conclusie: 'Conclusie.',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().invalidParams.map((x: { name: string }) => x.name)).toContain(veld);
    expect(await snapshot()).toEqual(voor);
  });
});

describe('configuration', () => {
  const ARG = '/api/v1/afwegingskader/argumenten';
  it('shows the catalogue with the region bounds and the gemeente weights; protected grounds are not configurable', async () => {
    const res = await as(p.app, km)('GET', ARG);
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.gemeente).toMatchObject({ id: ZWOLLE, versie: 1, magBeheren: false });
    expect(o.regio).toMatchObject({ versie: 1, beheerder: { id: ZWOLLE } });
    const leeftijd = o.factoren.find((f: { code: string }) => f.code === 'leeftijd');
    expect(leeftijd).toMatchObject({ beschermdeGrond: 'leeftijd', grens: { minGewicht: 0, maxGewicht: 0, richtingen: {} }, instelling: { gewicht: 0 } });
    expect(o.factoren.find((f: { code: string }) => f.code === 'motivatie').instelling.gewicht).toBe(5);
    expect((await as(p.app, beleidZwolle)('GET', ARG)).json().gemeente.magBeheren).toBe(true);
  });

  it('refuses a gemeente setting that weighs a protected ground against the person, naming the ground, and stores nothing', async () => {
    for (const [code, inst, grond] of [
      ['leeftijd', { gewicht: 2, richtingen: { werk_via_reintegratie: 'tegen' } }, 'leeftijd'],
      ['zwangerschap', { gewicht: -3, richtingen: {} }, 'zwangerschap'],
      ['werkgeversweerstand', { gewicht: 1, richtingen: { participatietraject: 'voor' } }, 'weerstand van werkgevers'],
    ] as const) {
      const voor = await snapshot();
      const res = await as(p.app, beleidZwolle)('PUT', ARG, { gewichten: { [code]: inst }, bron: 'Beleidsregel test' });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const pr = res.json();
      expect(pr.detail).toContain(grond);
      expect(pr.detail).toContain('beschermde grond');
      expect(pr.invalidParams[0]).toMatchObject({ name: `body.gewichten.${code}`, code: 'beschermde_grond' });
      expect(await snapshot()).toEqual(voor);
    }
  });

  it('refuses weights outside the region bounds and users who may not set them', async () => {
    const beheerder = await login(p.app, 'beheerder.zwolle');
    const voor = await snapshot();
    const buiten = await as(p.app, beleidZwolle)('PUT', ARG, { gewichten: { motivatie: { gewicht: 1, richtingen: {} } }, bron: 'Beleidsregel test' });
    expect(buiten.statusCode).toBe(400);
    expect(buiten.json().invalidParams[0].name).toBe('body.gewichten.motivatie.gewicht');
    const tegenWerk = await as(p.app, beleidZwolle)('PUT', ARG, {
      gewichten: { kinderopvang: { gewicht: 1, richtingen: { werk_via_reintegratie: 'tegen' } } },
      bron: 'Beleidsregel test',
    });
    expect(tegenWerk.statusCode).toBe(400);
    expect((await as(p.app, km)('PUT', ARG, { gewichten: {}, bron: 'Beleidsregel test' })).statusCode).toBe(403);
    expect((await as(p.app, beheerder)('PUT', ARG, { gewichten: {}, bron: 'Beleidsregel test' })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(voor);
  });

  it('a valid change becomes a new dated version, audited, and new afwegingen use it', async () => {
    const res = await as(p.app, beleidZwolle)('PUT', ARG, {
      gewichten: { financien: { gewicht: 4, richtingen: { werk_via_reintegratie: 'geen' } } },
      onderbouwing: { financien: 'Schulden wijzen naar schuldhulp, niet tegen werk.' },
      bron: 'Beleidsregels participatie Zwolle 2026, art. 4 lid 2',
    });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.gemeente.versie).toBe(2);
    const fin = o.factoren.find((f: { code: string }) => f.code === 'financien');
    expect(fin.instelling).toEqual({ gewicht: 4, richtingen: { doorverwijzing_wijkteam: 'voor', werk_via_reintegratie: 'geen' } });
    expect(fin.onderbouwingGemeente).toContain('schuldhulp');
    const audit = await db().selectFrom('audit_log').select(['actie', 'gebruiker_naam']).where('resource', '=', 'afweging_gemeentekader').execute();
    expect(audit).toEqual([{ actie: 'wijzigen', gebruiker_naam: 'beleidsmedewerker.zwolle' }]);
    const a = (await as(p.app, km)('POST', url(ANDER), { factorwaarden: { financien: 1 } })).json();
    expect(a.kader.gemeenteVersie).toBe(2);
    expect(a.advies.routes.find((r: { route: string }) => r.route === 'doorverwijzing_wijkteam').netto).toBe(4);
    expect(a.advies.routes.find((r: { route: string }) => r.route === 'werk_via_reintegratie').tegen).toBe(0);
    // The earlier afwegingen keep the version they were made with.
    const oud = (await as(p.app, km)('GET', url(ANDER))).json().afwegingen.at(-1);
    expect(oud.kader.gemeenteVersie).toBe(1);
  });

  it('region bounds: only the maintaining organisation, never letting a protected ground weigh', async () => {
    const RG = '/api/v1/afwegingskader/regiogrenzen';
    const kampen = await login(p.app, 'beleidsmedewerker.kampen');
    const voor = await snapshot();
    expect((await as(p.app, kampen)('PUT', RG, { grenzen: {}, bron: 'Regionaal kader test' })).statusCode).toBe(403);
    const vijandig = await as(p.app, beleidZwolle)('PUT', RG, {
      grenzen: { godsdienst: { minGewicht: 0, maxGewicht: 2, richtingen: { werk_via_reintegratie: ['geen', 'tegen'] } } },
      bron: 'Regionaal kader test',
    });
    expect(vijandig.statusCode).toBe(400);
    expect(vijandig.json().detail).toContain('godsdienst');
    expect(vijandig.json().invalidParams[0].code).toBe('beschermde_grond');
    expect(await snapshot()).toEqual(voor);
    const ok = await as(p.app, beleidZwolle)('PUT', RG, {
      grenzen: { werkervaring: { minGewicht: 0, maxGewicht: 1, richtingen: { werk_via_reintegratie: ['geen', 'voor'] } } },
      bron: 'Regionaal kader 2026, wijziging 1',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().regio.versie).toBe(2);
    // Zwolle's stored weight (2) now exceeds the bound: brought within it, and said so.
    const w = ok.json().factoren.find((f: { code: string }) => f.code === 'werkervaring');
    expect(w.instelling.gewicht).toBe(1);
    expect(ok.json().aanpassingen.join(' ')).toContain('Werkervaring');
  });

  it('the stateless preview computes advice and stores nothing', async () => {
    const voor = await snapshot();
    const res = await as(p.app, km)('POST', '/api/v1/afwegingskader/advies', { factorwaarden: { motivatie: 5 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().advies.meestPassend).toEqual(['werk_via_reintegratie']);
    expect((await as(p.app, inwoner)('POST', '/api/v1/afwegingskader/advies', { factorwaarden: { motivatie: 5 } })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(voor);
  });
});
