import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../src/server/seed/demo.js';
import { as, login } from '../src/server/testing/harness.js';
import { type AxeSchending, axeControle, beschrijf, inloggen, nieuweContext, type Omgeving, schermafdruk, startOmgeving, wachtOpKop } from './helpers.js';

const ZWOLLE = stableId('org:zwolle');
const WERKKRACHT = stableId('org:werkkracht-ijssel');
let omgeving: Omgeving;
let persoonId = '';
const naam = 'Ilse Terugkeer';

type Tabel = { sleutel: string; rijen: { sleutel: string; cellen: { waarde: number | null; weergave: string }[] }[] };
async function terugmeldingenInZwolle(): Promise<number | null> {
  const bm = await login(omgeving.platform.app, 'beleidsmedewerker.zwolle');
  const d = (await as(omgeving.platform.app, bm)('GET', '/api/v1/dashboard')).json();
  const t = d.tabellen.find((x: Tabel) => x.sleutel === 'terugmeldredenen') as Tabel;
  return t.rijen.find((r) => r.sleutel === 'totaal')!.cellen[0]!.waarde;
}

let voor: number | null = null;
const schendingen: Record<string, AxeSchending[]> = {};

beforeAll(async () => {
  omgeving = await startOmgeving();
  const km = await login(omgeving.platform.app, 'klantmanager.zwolle');
  const res = await as(omgeving.platform.app, km)('POST', '/api/v1/personen', {
    voornaam: 'Ilse',
    achternaam: 'Terugkeer',
    geboortedatum: '1988-08-08',
    gemeenteId: ZWOLLE,
  });
  expect(res.statusCode).toBe(201);
  persoonId = res.json().id;
  voor = await terugmeldingenInZwolle();
  // The demo has enough returns in Zwolle that the total is shown (not "<5").
  expect(voor).not.toBeNull();
});

afterAll(async () => {
  await omgeving?.close();
});

describe('verwijzen, terugmelden en het beleidsdashboard', () => {
  let ctx: BrowserContext;
  let page: Page;

  afterAll(async () => {
    await ctx?.close();
  });

  it('de klantmanager verwijst de persoon naar WerkKracht IJssel', async () => {
    ctx = await nieuweContext(omgeving);
    page = await ctx.newPage();
    await inloggen(page, 'klantmanager.zwolle');
    await page.goto(`/personen/${persoonId}`);
    await wachtOpKop(page, naam);
    await page.locator('h2', { hasText: 'Verwijzingen' }).waitFor();
    await page.locator('p', { hasText: 'Deze persoon is nog niet verwezen.' }).waitFor();
    // Without a route and provider the form says what is missing.
    await page.locator('button', { hasText: /^Verwijzen$/ }).click();
    await page.locator('.fout-overzicht', { hasText: 'Kies een route.' }).waitFor();
    await page.selectOption('#veld-route', 'werk_via_reintegratie');
    await page.selectOption('#veld-aanbiederId', WERKKRACHT);
    await page.fill('#veld-doel', 'Begeleiding naar werk in de logistiek');
    await page.locator('button', { hasText: /^Verwijzen$/ }).click();
    await page.locator('.utrecht-alert', { hasText: 'De verwijzing is vastgelegd' }).waitFor();
    await page.locator('article.verwijzing', { hasText: 'WerkKracht IJssel' }).locator('.verwijzing-status', { hasText: 'Aangemeld' }).waitFor();
    schendingen['dossier: verwijzing'] = await axeControle(page);
    await schermafdruk(page, 'verwijzing-dossier');
    await ctx.close();
  });

  it('de aanbieder accepteert, start en meldt terug met een gecodeerde reden', async () => {
    ctx = await nieuweContext(omgeving);
    page = await ctx.newPage();
    await inloggen(page, 'klantmanager.werkkracht-ijssel');
    await page.locator('nav a', { hasText: 'Aangemelde personen' }).click();
    await wachtOpKop(page, 'Aangemelde personen');
    const behandel = page.locator('button', { hasText: `Behandelen: ${naam}` });
    await behandel.click();
    await page.locator('h2', { hasText: naam }).waitFor();
    schendingen['aangemelde personen'] = await axeControle(page);
    await page.locator('.behandelen button', { hasText: /^Accepteren$/ }).click();
    await page.locator('button', { hasText: 'Accepteren bevestigen' }).click();
    await page.locator('.utrecht-alert', { hasText: 'geaccepteerd' }).waitFor();
    await behandel.click();
    await page.locator('.behandelen button', { hasText: /^Traject gestart$/ }).click();
    await page.locator('button', { hasText: 'Traject gestart bevestigen' }).click();
    await page.locator('.utrecht-alert', { hasText: 'gestart' }).waitFor();
    await behandel.click();
    await page.locator('.behandelen button', { hasText: /^Terugmelden$/ }).click();
    const formulier = page.locator('form.terugmeldformulier');
    await formulier.waitFor();
    // Only an explanation is not enough: a coded reason is required.
    await page.fill('#veld-toelichting', 'Wil nu eerst zijn thuissituatie op orde brengen.');
    await formulier.locator('button', { hasText: 'Terugmelding versturen' }).click();
    await formulier.locator('.fout-overzicht', { hasText: 'Kies minstens één reden' }).waitFor();
    schendingen['terugmeldformulier (fout)'] = await axeControle(page);
    await formulier.locator('input[name=reden][value=motivatie]').check();
    await formulier.locator('button', { hasText: 'Terugmelding versturen' }).click();
    await page.locator('.utrecht-alert', { hasText: 'De terugmelding is vastgelegd' }).waitFor();
    // The provider's access ended with the return: the person is no longer on its list.
    await behandel.waitFor({ state: 'detached' });
    expect(await page.locator('table', { hasText: naam }).count()).toBe(0);
    await schermafdruk(page, 'verwijzing-teruggemeld');
    await ctx.close();
  });

  it('de klantmanager ziet de vervolgtaak en de terugmelding met reden', async () => {
    const km = await login(omgeving.platform.app, 'klantmanager.zwolle');
    const taken = (await as(omgeving.platform.app, km)('GET', '/api/v1/taken?soort=terugmelding_opvolgen')).json();
    const taak = taken.resultaten.find((t: { persoon: { id: string } | null }) => t.persoon?.id === persoonId);
    expect(taak?.titel).toContain('WerkKracht');
    ctx = await nieuweContext(omgeving);
    page = await ctx.newPage();
    await inloggen(page, 'klantmanager.zwolle');
    await page.goto(`/personen/${persoonId}`);
    await wachtOpKop(page, naam);
    const kaart = page.locator('article.verwijzing', { hasText: 'WerkKracht IJssel' });
    await kaart.locator('.verwijzing-status', { hasText: 'Teruggemeld' }).waitFor();
    expect(await kaart.textContent()).toContain('Motivatie');
    await kaart.locator('a', { hasText: 'Naar de werklijst' }).waitFor();
    schendingen['dossier: terugmelding'] = await axeControle(page);
    // The follow-up task is on the klantmanager's worklist.
    await kaart.locator('a', { hasText: 'Naar de werklijst' }).click();
    await wachtOpKop(page, 'Werklijst');
    await page.locator('h3', { hasText: 'Terugmelding van WerkKracht IJssel' }).first().waitFor();
    await ctx.close();
  });

  it('het beleidsdashboard telt de terugmelding mee, met grafieken, tabellen en downloads', async () => {
    const na = await terugmeldingenInZwolle();
    expect(na).toBe((voor ?? 0) + 1);
    ctx = await nieuweContext(omgeving);
    page = await ctx.newPage();
    await inloggen(page, 'beleidsmedewerker.zwolle');
    await page.locator('nav a', { hasText: 'Beleidsdashboard' }).click();
    await wachtOpKop(page, 'Beleidsdashboard');
    const blok = page.locator('section.dashboard-blok', { has: page.locator('h2', { hasText: 'Redenen van terugmelding' }) });
    await blok.waitFor();
    const totaal = blok.locator('tr.dashboard-rij--totaal td').first();
    expect((await totaal.textContent())?.trim()).toBe(String(na));
    expect(await page.locator('svg[role=img] title').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('a', { hasText: 'Download als CSV' }).count()).toBe(6);
    schendingen.beleidsdashboard = await axeControle(page);
    // The region: suppressed cells are visible as "<5".
    await page.selectOption('#veld-gemeente', 'regio');
    await page.locator('button', { hasText: /^Toon$/ }).click();
    await page.locator('p[role=status]', { hasText: 'alle gemeenten' }).waitFor();
    expect(await page.locator('td', { hasText: '<5' }).count()).toBeGreaterThan(0);
    schendingen['beleidsdashboard (regio)'] = await axeControle(page);
    await schermafdruk(page, 'beleidsdashboard');
    await page.locator('nav a', { hasText: 'Terugmeldredenen' }).click();
    await wachtOpKop(page, 'Terugmeldredenen');
    await page.locator('h2', { hasText: 'Reden toevoegen' }).waitFor();
    schendingen.terugmeldredenen = await axeControle(page);
  });

  it('vindt geen WCAG 2.1 AA-schendingen', () => {
    expect(beschrijf(schendingen)).toBe('');
    expect(Object.keys(schendingen).length).toBeGreaterThanOrEqual(6);
  });
});
