import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../src/server/seed/demo.js';
import { as, login } from '../src/server/testing/harness.js';
import { type AxeSchending, axeControle, beschrijf, inloggen, nieuweContext, type Omgeving, schermafdruk, startOmgeving, wachtOpKop } from './helpers.js';

const PERSOON = stableId('persoon:2'); // a Zwolle person without extra seeded facts
let omgeving: Omgeving;
let naam = '';
let bsn = '';

/** Field ids are the API's field paths (with dots), so select them by attribute. */
const veld = (pad: string) => `[id="veld-${pad}"]`;
const actiefId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

beforeAll(async () => {
  omgeving = await startOmgeving();
  const km = await login(omgeving.platform.app, 'klantmanager.zwolle');
  const p = (await as(omgeving.platform.app, km)('GET', `/api/v1/personen/${PERSOON}`)).json();
  naam = [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
  bsn = (await as(omgeving.platform.app, km)('POST', `/api/v1/personen/${PERSOON}/bsn-inzien`)).json().bsn;
  expect(bsn).toMatch(/^\d{9}$/);
});

afterAll(async () => {
  await omgeving?.close();
});

describe('loonwaarde', () => {
  let ctx: BrowserContext;
  let page: Page;
  const schendingen: Record<string, AxeSchending[]> = {};

  beforeAll(async () => {
    ctx = await nieuweContext(omgeving);
    page = await ctx.newPage();
    await inloggen(page, 'loonwaardedeskundige.zwolle');
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('de loonwaardedeskundige opent de loonwaarde vanuit het dossier', async () => {
    await page.goto(`/personen/${PERSOON}`);
    await wachtOpKop(page, naam);
    await page.locator('a', { hasText: 'Loonwaarde bekijken of meting vastleggen' }).click();
    await wachtOpKop(page, `Loonwaarde: ${naam}`);
    expect(await page.title()).toContain('Loonwaarde — Passend');
    await page.locator('p', { hasText: 'Er is nog geen loonwaarde gemeten.' }).waitFor();
    await page.locator('h2', { hasText: 'Nieuwe meting vastleggen' }).waitFor();
    schendingen['loonwaarde (leeg)'] = await axeControle(page);
    await schermafdruk(page, 'loonwaarde-leeg');
  });

  it('een leeg formulier geeft een foutoverzicht dat de focus krijgt en naar de velden linkt', async () => {
    await page.locator('button', { hasText: 'Meting vastleggen' }).click();
    const overzicht = page.locator('.fout-overzicht');
    await overzicht.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('fout-overzicht'))).toBe(true);
    expect(await overzicht.textContent()).toContain('Werkgever: Vul de naam van de werkgever in.');
    expect(await overzicht.textContent()).toContain('Hoofdtaak 1, tempo');
    await overzicht.locator('a', { hasText: /^Werkgever:/ }).click();
    expect(await actiefId(page)).toBe('veld-werkplek.werkgever');
    expect(await page.getAttribute(veld('werkplek.werkgever'), 'aria-invalid')).toBe('true');
    schendingen['loonwaarde (fouten)'] = await axeControle(page);
  });

  it('hoofdtaken die samen langer duren dan de werkweek worden door de server geweigerd, met uitleg', async () => {
    await page.fill(veld('werkplek.werkgever'), 'Bakkerij Van der Veen');
    await page.fill(veld('werkplek.functie'), 'Medewerker bakkerij');
    await page.fill(veld('werkplek.arbeidsurenPerWeek'), '32');
    await page.fill(veld('werkplek.werkdagenPerWeek'), '4');
    await page.fill(veld('normfunctie.naam'), 'Productiemedewerker bakkerij');
    await page.fill(veld('normfunctie.omschrijving'), 'Inpakken, schappen vullen en schoonmaken in een ambachtelijke bakkerij');
    await page.fill(veld('normfunctie.urenPerWeek'), '38');
    const taak = async (i: number, omschrijving: string, uren: string, tempo: string, kwaliteit: string, inzetbaarheid: string) => {
      await page.fill(veld(`hoofdtaken.${i}.omschrijving`), omschrijving);
      await page.fill(veld(`hoofdtaken.${i}.urenPerWeek`), uren);
      await page.fill(veld(`hoofdtaken.${i}.tempo`), tempo);
      await page.fill(veld(`hoofdtaken.${i}.kwaliteit`), kwaliteit);
      await page.fill(veld(`hoofdtaken.${i}.inzetbaarheid`), inzetbaarheid);
    };
    await taak(0, 'Brood en banket inpakken', '20', '80', '90', '90');
    // Adding a task with the keyboard moves the focus to its first field.
    await page.locator('button', { hasText: 'Hoofdtaak toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await page.locator(veld('hoofdtaken.1.omschrijving')).waitFor();
    await expect.poll(() => actiefId(page)).toBe('veld-hoofdtaken.1.omschrijving');
    await taak(1, 'Schappen vullen', '15', '70', '100', '90');
    await page.fill(veld('meetdatum'), '2026-03-01');
    await page.fill(veld('volgendeMetingOp'), '2027-03-01');
    await page.fill(veld('methode'), 'Loonwaarde Methodiek (gevalideerd)');
    await page.fill(veld('kwalificatie.omschrijving'), 'hbo Toegepaste Psychologie; 5 jaar loonwaardebepaling; gecertificeerd');
    await page.fill(veld('kwalificatie.jarenErvaring'), '5');
    await page.check(veld('kwalificatie.hboOfGelijkwaardig'));
    await page.locator('button', { hasText: 'Meting vastleggen' }).click();
    const overzicht = page.locator('.fout-overzicht');
    await overzicht.locator('a', { hasText: 'Hoofdtaken' }).waitFor();
    expect(await overzicht.textContent()).toContain('35 uur per week; dat is meer dan de werkweek van 32 uur');
    await page.locator('#hoofdtaken-fout').waitFor();
    // Nothing was stored.
    const km = await login(omgeving.platform.app, 'klantmanager.zwolle');
    expect((await as(omgeving.platform.app, km)('GET', `/api/v1/personen/${PERSOON}/loonwaardemetingen`)).json()).toEqual([]);

    // Correct the hours (12 + 10) and add a third task: 28 of 32 hours.
    await page.fill(veld('hoofdtaken.0.urenPerWeek'), '12');
    await page.fill(veld('hoofdtaken.1.urenPerWeek'), '10');
    await page.locator('button', { hasText: 'Hoofdtaak toevoegen' }).click();
    await taak(2, 'Afwas en schoonmaak', '6', '90', '95', '100');
  });

  it('de meting wordt vastgelegd: 69%, met loonkostensubsidie en rapport', async () => {
    // Enter in a field submits the form.
    await page.press(veld('hoofdtaken.2.inzetbaarheid'), 'Enter');
    await page.locator('.utrecht-alert', { hasText: 'De loonwaarde is 69%' }).waitFor();
    expect(await page.locator('.fout-overzicht').count()).toBe(0);
    // The confirmation gets the focus, so a screen reader user hears the outcome.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('loonwaarde-opgeslagen'))).toBe(true);
    expect(await page.locator('#laatste-loonwaarde').textContent()).toBe('69%');
    const rij = page.locator('table tbody tr').first();
    expect(await rij.textContent()).toContain('Bakkerij Van der Veen');
    expect(await rij.textContent()).toContain('69%');
    expect(await rij.textContent()).toContain('€');
    // The form is empty again for a next measurement.
    expect(await page.inputValue(veld('werkplek.werkgever'))).toBe('');
    schendingen['loonwaarde (na meting)'] = await axeControle(page);
    await schermafdruk(page, 'loonwaarde-vastgelegd');
  });

  it('het afdrukbare rapport toont de loonwaarde, de deskundige en de volgende meting, en nooit het BSN', async () => {
    await page.locator('table a', { hasText: 'bekijken en afdrukken' }).first().click();
    await wachtOpKop(page, 'Rapport loonwaardemeting loonkostensubsidie');
    const tekst = (await page.locator('main').textContent()) ?? '';
    expect(tekst).toContain(naam);
    expect(tekst).toContain('De loonwaarde is 69% van het wettelijk minimumloon');
    expect(tekst).toContain('Loonwaardedeskundige Zwolle');
    expect(tekst).toContain('1 maart 2027');
    expect(await page.content()).not.toContain(bsn);
    expect(tekst).not.toMatch(/\bBSN\b/);
    // The inline print stylesheet is allowed by the CSP (style-src 'unsafe-inline'): the heading is styled.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).color)).toBe('rgb(21, 66, 115)');
    schendingen['rapport'] = await axeControle(page);
    await schermafdruk(page, 'loonwaarde-rapport');
    await page.locator('a', { hasText: 'Terug naar de loonwaarde in Passend' }).click();
    await wachtOpKop(page, `Loonwaarde: ${naam}`);
  });

  it('een jobcoach ziet de metingen maar kan niet meten', async () => {
    const jc = await nieuweContext(omgeving);
    const p = await jc.newPage();
    await inloggen(p, 'jobcoach.zwolle');
    await p.goto(`/personen/${PERSOON}`);
    await wachtOpKop(p, naam);
    await p.locator('a', { hasText: /^Loonwaarde bekijken$/ }).click();
    await wachtOpKop(p, `Loonwaarde: ${naam}`);
    await p.locator('#laatste-loonwaarde', { hasText: '69%' }).waitFor();
    expect(await p.locator('h2', { hasText: 'Nieuwe meting vastleggen' }).count()).toBe(0);
    schendingen['loonwaarde (jobcoach)'] = await axeControle(p);
    await jc.close();
  });

  it('elke loonwaardepagina voldoet aan WCAG 2.1 AA (axe-core)', () => {
    expect(Object.keys(schendingen).length).toBeGreaterThanOrEqual(5);
    expect(beschrijf(schendingen), 'axe-core vond WCAG 2.1 AA-schendingen').toBe('');
  });
});
