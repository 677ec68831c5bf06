import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controleerZoekopdrachten } from '../src/server/modules/zoekopdrachten/sweep.js';
import { stableId } from '../src/server/seed/demo.js';
import { as, login } from '../src/server/testing/harness.js';
import { type AxeSchending, axeControle, beschrijf, inloggen, nieuweContext, type Omgeving, schermafdruk, startOmgeving, wachtOpKop } from './helpers.js';

/** Screens for employers: save a search (and get notified), vacancies with candidates ranked by fit. */

let omgeving: Omgeving;
let ctx: BrowserContext;
let page: Page;
const schendingen: Record<string, AxeSchending[]> = {};

async function controleer(p: Page, naam: string) {
  await p.waitForFunction(() => !document.querySelector('.laden'));
  await schermafdruk(p, `zoekopdrachten-${naam}`);
  schendingen[naam] = await axeControle(p);
}

beforeAll(async () => {
  omgeving = await startOmgeving();
  ctx = await nieuweContext(omgeving);
  page = await ctx.newPage();
  await inloggen(page, 'werkgever.bakkerij-van-der-veen');
});

afterAll(async () => {
  await ctx?.close();
  await omgeving?.close();
});

describe('werkgever', () => {
  it('bewaart een zoekopdracht, ziet hem in Mijn zoekopdrachten en krijgt een melding bij een nieuwe kandidaat', async () => {
    await page.goto('/kandidaten?q=kassen');
    await wachtOpKop(page, 'Kandidaten zoeken');
    await page.locator('section[aria-labelledby=resultaten-kop] p[role=status]').waitFor();
    await page.fill('#veld-zoekopdrachtNaam', 'Kassen en kwekerijen');
    await page.locator('button[type=submit]', { hasText: 'Zoekopdracht bewaren' }).click();
    await page.locator('.utrecht-alert', { hasText: "Zoekopdracht 'Kassen en kwekerijen' is bewaard" }).waitFor();
    await controleer(page, 'kandidaten-bewaard');

    await page.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Mijn zoekopdrachten' }).click();
    await wachtOpKop(page, 'Mijn zoekopdrachten');
    const kaart = page.locator('.zoekopdracht-kaart', { hasText: 'Kassen en kwekerijen' });
    await kaart.waitFor();
    expect(await kaart.textContent()).toContain('Zoekwoorden: kassen');
    expect(await kaart.textContent()).toContain('Geen nieuwe kandidaten');
    // The demo search of this employer is there too.
    await page.locator('.zoekopdracht-kaart', { hasText: 'Winkel en horeca in de regio' }).waitFor();
    await controleer(page, 'mijn-zoekopdrachten');

    // A professional publishes a profile that matches; the sweep notifies.
    const app = omgeving.platform.app;
    const km = await login(app, 'klantmanager.zwolle');
    const vrij = await omgeving.platform.services.storage.db
      .selectFrom('persoon')
      .select('id')
      .where(
        'id',
        'in',
        Array.from({ length: 10 }, (_, i) => stableId(`persoon:${i}`)),
      )
      .where('organisatie_id', '=', stableId('org:zwolle'))
      .where('status', '<>', 'afgesloten')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('kandidaatprofiel as k').select('k.id').whereRef('k.persoon_id', '=', 'persoon.id'))))
      .executeTakeFirstOrThrow();
    const persoon = vrij.id;
    const put = await as(app, km)('PUT', `/api/v1/personen/${persoon}/kandidaatprofiel`, {
      wensen: 'Ik werk graag in de kassen van een kwekerij.',
      kwaliteiten: 'Precies en rustig, houdt van planten.',
      sectoren: ['groen'],
      gewensteFuncties: [],
      werkcondities: [],
      banenafspraak: true,
    });
    expect(put.statusCode, put.body).toBe(200);
    const t = await as(app, km)('POST', `/api/v1/personen/${persoon}/toestemmingen`, { doel: 'kandidaatprofiel', vastgelegdVia: 'schriftelijk' });
    expect(t.statusCode, t.body).toBe(201);
    const uitkomst = await controleerZoekopdrachten(omgeving.platform.services.storage.db, new Date());
    expect(uitkomst.nieuw).toBe(1);

    await page.reload();
    await wachtOpKop(page, 'Mijn zoekopdrachten');
    await page.locator('.kopbalk-meldingen', { hasText: '1' }).waitFor();
    const nieuw = page.locator('.zoekopdracht-kaart', { hasText: 'Kassen en kwekerijen' }).locator('a', { hasText: '1 nieuw' });
    await nieuw.waitFor();
    await controleer(page, 'mijn-zoekopdrachten-nieuw');

    await page.locator('.kopbalk-meldingen').click();
    await wachtOpKop(page, 'Meldingen');
    await page.locator('.melding-item', { hasText: "1 nieuwe kandidaat voor 'Kassen en kwekerijen'" }).waitFor();
    await controleer(page, 'meldingen');
    await page.locator('.melding-item button', { hasText: 'Kassen en kwekerijen' }).click();
    await wachtOpKop(page, 'Zoekopdracht: Kassen en kwekerijen');
    await page.locator('.nieuw-label', { hasText: 'Nieuw' }).first().waitFor();
    expect(await page.locator('.kandidaten-lijst .profiel-kaart').count()).toBe(1);
    await controleer(page, 'zoekopdracht-nieuw');
  });

  it('maakt een vacature van een functie uit de catalogus en ziet de kandidaten gerangschikt', async () => {
    await page.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Vacatures' }).click();
    await wachtOpKop(page, 'Vacatures');
    await page.locator('table', { hasText: 'Verkoopmedewerker bakkerij (ochtenden)' }).waitFor();
    await controleer(page, 'vacatures');

    await page.locator('a', { hasText: 'Nieuwe vacature' }).click();
    await wachtOpKop(page, 'Nieuwe vacature');
    // Saving without a function shows the error summary.
    await page.locator('button[type=submit]', { hasText: 'Vacature opslaan' }).click();
    await page.locator('.fout-overzicht', { hasText: 'Functie' }).waitFor();
    await controleer(page, 'vacature-fouten');

    await page.fill('#veld-functieZoek', 'bakkerij');
    await page.locator('button[type=submit]', { hasText: 'Functies zoeken' }).click();
    await page.getByLabel(/^Medewerker broodbakkerij/).check();
    await page.locator('legend', { hasText: 'Wat vraagt het werk bij u?' }).waitFor();
    await page.fill('#veld-titel', 'Hulp in de bakkerij');
    await page.fill('#veld-omschrijving', 'Deeg bereiden en de machines bijvullen, in een vast team.');
    await page.fill('#veld-urenMin', '24');
    await page.fill('#veld-urenMax', '32');
    await page.selectOption('#veld-gemeenteId', { label: 'Zwolle' });
    await controleer(page, 'vacature-formulier');
    await page.locator('button[type=submit]', { hasText: 'Vacature opslaan' }).click();
    await wachtOpKop(page, 'Hulp in de bakkerij');
    await page.locator('section[aria-labelledby=kandidaten-kop] p[role=status]').waitFor();
    const kaarten = page.locator('.kandidaten-lijst > li');
    await kaarten.first().waitFor();

    // The page shows the API's order, and each candidate's non-medical fit summary.
    const vacatureId = new URL(page.url()).pathname.split('/').pop()!;
    const wg = await login(omgeving.platform.app, 'werkgever.bakkerij-van-der-veen');
    const api = (await as(omgeving.platform.app, wg)('GET', `/api/v1/vacatures/${vacatureId}/kandidaten?limit=20`)).json();
    expect(api.resultaten.length).toBeGreaterThan(0);
    const opPagina = await page.locator('.kandidaten-lijst .profiel-kaart').evaluateAll((els) => els.map((e) => e.getAttribute('data-publiek-id')));
    expect(opPagina).toEqual(api.resultaten.map((r: { publiekId: string }) => r.publiekId));
    const labels = await page.locator('.kandidaten-lijst .fit-label strong').allTextContents();
    expect(labels).toEqual(api.resultaten.map((r: { fit: { label: string } }) => r.fit.label));
    expect(labels.some((l) => l === 'Belastbaarheid niet bekend')).toBe(true);
    // Fitting candidates come before those whose belastbaarheid is not known.
    const eersteOnbekend = labels.indexOf('Belastbaarheid niet bekend');
    expect(labels.slice(eersteOnbekend).every((l) => l === 'Belastbaarheid niet bekend')).toBe(true);
    await controleer(page, 'vacature-kandidaten');
  });

  it('vindt geen WCAG 2.1 AA-schendingen', () => {
    expect(Object.keys(schendingen).length).toBeGreaterThanOrEqual(8);
    expect(beschrijf(schendingen)).toBe('');
  });
});
