import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../src/server/seed/demo.js';
import { as, login } from '../src/server/testing/harness.js';
import { type AxeSchending, axeControle, beschrijf, inloggen, nieuweContext, type Omgeving, schermafdruk, startOmgeving, wachtOpKop } from './helpers.js';

/** The afwegingskader: advice per route with bars, the joint decision, a casusoverleg, the gemeente's weights, the person's own view. */

const PERSOON = stableId('persoon:0'); // inwoner.zwolle is this person

let omgeving: Omgeving;
const schendingen: Record<string, AxeSchending[]> = {};

async function controleer(p: Page, naam: string) {
  await p.waitForFunction(() => !document.querySelector('.laden'));
  await schermafdruk(p, `afweging-${naam}`);
  schendingen[naam] = await axeControle(p);
}

async function pastOpSmalScherm(p: Page): Promise<boolean> {
  await p.setViewportSize({ width: 320, height: 800 });
  const past = await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  await p.setViewportSize({ width: 1280, height: 900 });
  return past;
}

beforeAll(async () => {
  omgeving = await startOmgeving();
});

afterAll(async () => {
  await omgeving?.close();
});

describe('afwegingskader', () => {
  let km: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    km = await nieuweContext(omgeving);
    page = await km.newPage();
    await inloggen(page, 'klantmanager.zwolle');
  });

  afterAll(async () => {
    await km?.close();
  });

  it('klantmanager maakt een afweging: advies per route met balken, beschermde grond telt niet mee, tekst gemarkeerd', async () => {
    await page.goto(`/personen/${PERSOON}`);
    await page.locator('#afweging-kop').waitFor();
    await page.locator('section[aria-labelledby=afweging-kop] a', { hasText: 'Afweging bekijken of maken' }).click();
    await wachtOpKop(page, /^Afweging: /);
    await page.locator('#veld-af-motivatie').waitFor();
    await controleer(page, 'formulier');
    await page.selectOption('#veld-af-motivatie', '5');
    await page.selectOption('#veld-af-eigen_wens', 'werk_via_reintegratie');
    await page.selectOption('#veld-af-werkervaring', '3');
    await page.fill('#veld-af-leeftijd', '64');
    await page.check('#veld-af-werkgeversweerstand-leeftijd');
    await page.fill('#veld-visieProfessional', 'Zeer gemotiveerd, al is hij volgens de werkgever te oud.');
    // A preview first: nothing stored yet.
    await page.locator('button', { hasText: 'Advies bekijken (nog niet bewaren)' }).click();
    await page.locator('#voorbeeld-kop').waitFor();
    await page.locator('button[type=submit]', { hasText: 'Afweging bewaren' }).click();
    await page.locator('.utrecht-alert', { hasText: 'De afweging is bewaard' }).waitFor();
    const laatste = page.locator('section[aria-labelledby=laatste-kop]');
    await laatste.locator('.advies').waitFor();
    expect(await laatste.locator('.advies-label').textContent()).toContain('Advies, geen besluit');
    // The most fitting route is marked, with bars for and against and the numbers in text.
    const werk = laatste.locator('.route-kaart[data-route=werk_via_reintegratie]');
    expect(await werk.getAttribute('class')).toContain('route-kaart--meest_passend');
    expect(await werk.locator('.balk--voor').count()).toBeGreaterThan(0);
    expect(await werk.locator('.balk-rij--voor .balk-getal').textContent()).toMatch(/^\d/);
    // Age and employer reluctance: noted, never counted; the note is flagged with an explanation.
    expect(await laatste.locator('.niet-meegewogen').textContent()).toContain('Leeftijd');
    expect(await laatste.locator('.utrecht-alert--warning').textContent()).toContain('te oud');
    await werk.locator('summary', { hasText: 'Argumenten voor en tegen' }).click();
    expect(await werk.locator('.argumenten--voor').textContent()).toContain('Eigen motivatie om te werken');
    await controleer(page, 'advies');
    expect(await pastOpSmalScherm(page)).toBe(true);

    // The API holds the same advice.
    const sessie = await login(omgeving.platform.app, 'klantmanager.zwolle');
    const o = (await as(omgeving.platform.app, sessie)('GET', `/api/v1/personen/${PERSOON}/afwegingen`)).json();
    expect(o.afwegingen[0].advies.meestPassend).toEqual(['werk_via_reintegratie']);
    expect(o.afwegingen[0].advies.nietMeegewogen.map((n: { factor: string }) => n.factor)).toEqual(['leeftijd', 'werkgeversweerstand']);
  });

  it('klantmanager legt het besluit samen vast; zonder redenen kan dat niet', async () => {
    await page.locator('button', { hasText: 'Besluit vastleggen' }).click();
    await page.locator('button[type=submit]', { hasText: 'Besluit opslaan' }).click();
    const overzicht = page.locator('.fout-overzicht');
    await overzicht.waitFor();
    expect(await overzicht.textContent()).toContain('Redenen');
    expect(await page.locator('#veld-redenen').getAttribute('aria-invalid')).toBe('true');
    await controleer(page, 'besluit-met-fouten');
    await page.fill('#veld-redenen', 'Zeer gemotiveerd en veel werkervaring; we starten met een traject naar werk.');
    await page.check('#veld-persoonEens');
    await page.fill('#veld-reactiePersoon', 'Fijn, ik wil graag beginnen.');
    await page.locator('button[type=submit]', { hasText: 'Besluit opslaan' }).click();
    const besluit = page.locator('[data-besluit]');
    await besluit.waitFor();
    expect(await besluit.textContent()).toContain('Werk via re-integratie');
    expect(await besluit.locator('.utrecht-data-list__item', { hasText: 'Volgt het advies?' }).locator('dd').textContent()).toBe('Ja');
    await controleer(page, 'besluit');
  });

  it('klantmanager legt een casusoverleg vast met een partij buiten Passend', async () => {
    await page.locator('button', { hasText: 'Casusoverleg vastleggen' }).click();
    await page.selectOption('#veld-co-deelnemers-0-organisatieId', { label: 'Gemeente Zwolle' });
    await page.fill('#veld-co-deelnemers-0-rol', 'Klantmanager');
    await page.locator('button', { hasText: 'Deelnemer toevoegen' }).click();
    await page.selectOption('#veld-co-deelnemers-1-organisatieId', 'anders');
    await page.fill('#veld-co-deelnemers-1-organisatie', 'Sociaal wijkteam Zwolle-Zuid');
    await page.fill('#veld-co-deelnemers-1-rol', 'Maatschappelijk werker');
    await page.locator('button', { hasText: 'Argument toevoegen' }).click();
    await page.fill('#veld-co-argumenten-0-partij', 'Wijkteam');
    await page.fill('#veld-co-argumenten-0-tekst', 'Schuldhulp kan naast het traject.');
    await page.fill('#veld-co-conclusie', 'Traject naar werk, schuldhulp ernaast.');
    await controleer(page, 'casusoverleg-formulier');
    await page.locator('button[type=submit]', { hasText: 'Casusoverleg opslaan' }).click();
    const c = page.locator('[data-casusoverleg]');
    await c.waitFor();
    expect(await c.textContent()).toContain('Sociaal wijkteam Zwolle-Zuid');
    await controleer(page, 'casusoverleg');
  });

  it('beleidsmedewerker stelt de gewichten in; beschermde gronden zijn niet instelbaar', async () => {
    const ctx = await nieuweContext(omgeving);
    const p = await ctx.newPage();
    await inloggen(p, 'beleidsmedewerker.zwolle');
    await p.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Afwegingskader' }).click();
    await wachtOpKop(p, 'Afwegingskader');
    await p.locator('#veld-gw-motivatie').waitFor();
    const beschermd = p.locator('section[aria-labelledby=beschermd-kop]');
    for (const code of ['leeftijd', 'zwangerschap', 'werkgeversweerstand', 'godsdienst']) {
      expect(await beschermd.locator(`[data-factor=${code}]`).textContent()).toContain('niet instelbaar');
      expect(await p.locator(`#veld-gw-${code}`).count()).toBe(0);
    }
    await controleer(p, 'beleid');
    // Below the region's lower bound for motivation (3): refused before sending.
    await p.fill('#veld-gw-motivatie', '1');
    await p.locator('button[type=submit]', { hasText: 'Gewichten opslaan' }).click();
    await p.locator('.fout-overzicht', { hasText: 'Eigen motivatie om te werken' }).waitFor();
    await controleer(p, 'beleid-met-fouten');
    await p.fill('#veld-gw-motivatie', '4,5');
    await p.fill('#veld-bron', 'Beleidsregels participatie Zwolle 2026, art. 4');
    await p.locator('button[type=submit]', { hasText: 'Gewichten opslaan' }).click();
    await p.locator('.utrecht-alert', { hasText: 'De gewichten zijn opgeslagen' }).waitFor();
    await controleer(p, 'beleid-opgeslagen');
    const sessie = await login(omgeving.platform.app, 'beleidsmedewerker.zwolle');
    const k = (await as(omgeving.platform.app, sessie)('GET', '/api/v1/afwegingskader/argumenten')).json();
    expect(k.factoren.find((f: { code: string }) => f.code === 'motivatie').instelling.gewicht).toBe(4.5);
    expect(k.gemeente.versie).toBe(2);
    // Zwolle, the centrumgemeente, also sets the region's bounds.
    await p.fill('#veld-rg-werkervaring-max', '1');
    await p.locator('button[type=submit]', { hasText: 'Grenzen van de regio opslaan' }).click();
    await p.locator('.utrecht-alert', { hasText: 'De grenzen van de regio zijn opgeslagen' }).waitFor();
    await controleer(p, 'regio-opgeslagen');
    const na = (await as(omgeving.platform.app, sessie)('GET', '/api/v1/afwegingskader/argumenten')).json();
    expect(na.regio.versie).toBe(2);
    expect(na.factoren.find((f: { code: string }) => f.code === 'werkervaring').grens.maxGewicht).toBe(1);
    await ctx.close();
  });

  it('de inwoner ziet het eigen advies en besluit in eenvoudige taal en schrijft zijn mening op', async () => {
    const ctx = await nieuweContext(omgeving);
    const p = await ctx.newPage();
    await inloggen(p, 'inwoner.zwolle');
    await p.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Welke stap past bij mij' }).click();
    await wachtOpKop(p, 'Welke stap past bij mij?');
    await p.locator('.advies').waitFor();
    expect(await p.locator('.advies-label').textContent()).toContain('Dit is een advies, geen besluit.');
    expect(await p.locator('section[aria-labelledby=besluit-kop]').textContent()).toContain('Werk via re-integratie');
    expect(await p.locator('.niet-meegewogen').textContent()).toContain('telt nooit mee tegen u');
    // No weights or formulas for the person, and no flagged-text warnings.
    expect(await p.locator('.advies').textContent()).not.toContain('gewicht');
    await controleer(p, 'eigen');
    await p.fill('#veld-visie', 'Ik ben blij dat ik mag beginnen met werk.');
    await p.locator('button[type=submit]', { hasText: 'Mijn mening opslaan' }).click();
    await p.locator('.utrecht-alert', { hasText: 'Uw mening is opgeslagen' }).waitFor();
    await controleer(p, 'eigen-opgeslagen');
    expect(await pastOpSmalScherm(p)).toBe(true);
    // Another person's afweging page is not for the inwoner.
    await p.goto(`/personen/${stableId('persoon:2')}/afweging`);
    await p.locator('h1').filter({ hasNotText: 'Welke stap' }).first().waitFor();
    expect(await p.locator('.advies').count()).toBe(0);
    await ctx.close();
  });

  it('heeft geen toegankelijkheidsfouten (WCAG 2.1 AA)', () => {
    expect(Object.keys(schendingen).length).toBeGreaterThanOrEqual(10);
    expect(beschrijf(schendingen)).toBe('');
  });
});
