import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../src/server/seed/demo.js';
import { as, login } from '../src/server/testing/harness.js';
import { type AxeSchending, axeControle, beschrijf, inloggen, nieuweContext, type Omgeving, schermafdruk, startOmgeving, wachtOpKop } from './helpers.js';

/**
 * The arbeidsdeskundige's walk-through: a person with back problems wishes to be a metselaar; the page
 * says it does not fit (tillen) and shows related functions that do. Plus the catalogue, the CSV
 * import (dry run with a bad row), the belastbaarheid profile and workplace adaptations.
 */
const PERSOON = stableId('persoon:2'); // Zwolle, demo profile "rugklachten", wishes to be a metselaar
let omgeving: Omgeving;
let naam = '';
let voornaam = '';
let groep = '';
let sector = '';

beforeAll(async () => {
  omgeving = await startOmgeving();
  const ad = await login(omgeving.platform.app, 'arbeidsdeskundige.zwolle');
  const http = as(omgeving.platform.app, ad);
  const p = (await http('GET', `/api/v1/personen/${PERSOON}`)).json();
  voornaam = p.voornaam;
  naam = [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
  const profiel = (await http('GET', `/api/v1/personen/${PERSOON}/belastbaarheid`)).json();
  expect(profiel.items.map((i: { item: string }) => i.item)).toContain('IV.13');
  const groepen = (await http('GET', '/api/v1/functiegroepen')).json();
  groep = groepen.groepen[0].code;
  sector = groepen.groepen[0].sector;
});

afterAll(async () => {
  await omgeving?.close();
});

describe('matching (arbeidsdeskundige)', () => {
  let ctx: BrowserContext;
  let page: Page;
  const schendingen: Record<string, AxeSchending[]> = {};
  const controleer = async (naam: string) => {
    await page.waitForFunction(() => !document.querySelector('.laden'));
    await schermafdruk(page, `matching-${naam}`);
    schendingen[naam] = await axeControle(page);
  };

  beforeAll(async () => {
    ctx = await nieuweContext(omgeving);
    page = await ctx.newPage();
    await inloggen(page, 'arbeidsdeskundige.zwolle');
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('opent vanuit het dossier de passende functies, kiest metselaar en ziet dat die niet past, met de uitleg over tillen', async () => {
    await page.goto(`/personen/${PERSOON}`);
    await wachtOpKop(page, naam);
    await page.locator('#belastbaarheid-kop').waitFor();
    await controleer('dossier');
    await page.locator('#belastbaarheid-kop').locator('xpath=ancestor::section').locator('a', { hasText: 'Passende functies' }).click();
    await wachtOpKop(page, `Passende functies: ${naam}`);
    expect(await page.title()).toContain('Passende functies — Passend');
    await page.locator('#resultaten-kop').waitFor();
    await page.locator('.utrecht-alert', { hasText: 'hulpmiddel, geen besluit' }).waitFor();
    await controleer('passende functies');

    // Search with the keyboard: Enter in the search box searches (it does not submit anything else).
    await page.fill('#veld-wens', 'metselaar');
    await page.press('#veld-wens', 'Enter');
    const keuze = page.locator('.keuzelijst-item', { hasText: /^Metselaar/ }).first();
    await keuze.waitFor();
    await keuze.locator('button', { hasText: 'Kies als gewenste functie' }).click();
    await page.waitForURL(/wens=/);

    const oordeel = page.locator('#wens-oordeel');
    await oordeel.waitFor();
    expect(await oordeel.locator('#wens-naam').textContent()).toBe('Metselaar');
    expect(await oordeel.textContent()).toContain(`Metselaar past niet bij wat ${voornaam} kan.`);
    // Not colour alone: the verdict is a text label.
    expect(await oordeel.locator('.wens-kop .oordeel').textContent()).toContain('Past niet');
    const tillen = oordeel.locator('[data-item="IV.13"]');
    expect(await tillen.getAttribute('data-oordeel')).toBe('past_niet');
    expect(await tillen.textContent()).toMatch(/Tillen: de functie vraagt .*; de persoon kan ongeveer 5 kg/);

    // Related functions that do fit.
    const verwant = page.locator('.verwant-lijst > li');
    expect(await verwant.count()).toBeGreaterThan(0);
    for (const label of await page.locator('.verwant-lijst .resultaat-kop .oordeel').allTextContents()) expect(label).toMatch(/^.?Past/);
    expect(await page.locator('.verwant-lijst .resultaat-kop .oordeel', { hasText: 'Past niet' }).count()).toBe(0);
    expect(await page.locator('.verwant-lijst').textContent()).toMatch(/Zelfde functiegroep|Dezelfde taken/);

    // The explanation per item opens with the keyboard (details/summary).
    const eerste = verwant.first().locator('details > summary');
    await eerste.focus();
    await page.keyboard.press('Enter');
    expect(await verwant.first().locator('details').getAttribute('open')).not.toBeNull();
    await controleer('passende functies met wens');

    // The ranked list, with a filter on hours.
    expect(await page.locator('ol.resultaten > li').count()).toBeGreaterThan(0);
    const aantalIn = async () =>
      Number(/^([\d.]+)/.exec((await page.locator('#resultaten-kop ~ p[role=status]').textContent()) ?? '')?.[1]?.replace('.', '') ?? 'NaN');
    const passend = await aantalIn();
    expect(passend).toBeGreaterThan(0);
    await page.fill('#veld-urenMin', '40');
    await page.fill('#veld-urenMax', '20');
    await page.locator('button', { hasText: 'Filters toepassen' }).click();
    await page.locator('.fout-overzicht', { hasText: 'Het maximum is kleiner dan het minimum' }).waitFor();
    await controleer('passende functies filterfout');
    await page.fill('#veld-urenMin', '');
    await page.fill('#veld-urenMax', '');
    await page.check('#veld-alle');
    await page.locator('button', { hasText: 'Filters toepassen' }).click();
    await page.waitForURL(/alle=ja/);
    await page.locator('h2#resultaten-kop', { hasText: 'Alle functies' }).waitFor();
    await page.locator('#resultaten-kop ~ p[role=status]', { hasText: 'functies gevonden' }).waitFor();
    expect(await aantalIn()).toBeGreaterThan(passend);
    // The wish stays chosen while filtering.
    expect(await page.locator('#wens-naam').textContent()).toBe('Metselaar');

    // Responsive: on a phone the page does not scroll sideways (wide tables scroll in their own box).
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await controleer('passende functies smal scherm');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('bladert door de functiecatalogus en opent een functie met taken en belasting', async () => {
    await page.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Functiecatalogus' }).click();
    await wachtOpKop(page, 'Functiecatalogus');
    await page.locator('table.functies-tabel tbody tr').first().waitFor();
    await controleer('catalogus');
    await page.fill('#veld-q', 'metselaar');
    await page.press('#veld-q', 'Enter');
    await page.waitForURL(/q=metselaar/);
    await page.locator('p[role=status]', { hasText: /gevonden voor "metselaar"/ }).waitFor();
    await page.locator('table.functies-tabel a', { hasText: /^Metselaar$/ }).click();
    await wachtOpKop(page, 'Metselaar');
    await page.locator('#taken-kop').waitFor();
    expect(await page.locator('.belasting-tabel [data-item="IV.13"]').textContent()).toContain('Tillen');
    await controleer('functie');

    await page.locator('button', { hasText: 'Kandidaten zoeken' }).click();
    await page.locator('#kandidaten-kop').locator('xpath=ancestor::section').locator('p[role=status]').waitFor();
    await controleer('functie met kandidaten');
    // A candidate (if any) links to a dossier.
    const kandidaat = page.locator('.kandidaten-tabel tbody th a').first();
    if ((await kandidaat.count()) > 0) expect(await kandidaat.getAttribute('href')).toMatch(/^\/personen\//);
  });

  it('controleert een CSV-bestand met een foute regel (proefdraai) en toont de fout per regel', async () => {
    await page.goto('/functies');
    await wachtOpKop(page, 'Functiecatalogus');
    await page.locator('a', { hasText: 'Eigen functies importeren (CSV)' }).click();
    await wachtOpKop(page, 'Eigen functies importeren');
    await controleer('import');

    await page.locator('button', { hasText: 'Bestand controleren' }).click();
    await page.locator('.fout-overzicht', { hasText: 'Kies een CSV-bestand' }).waitFor();
    await controleer('import zonder bestand');

    const csv = [
      'code;naam;isco;brc;groep;opleidingsniveau;sector;uren_min;uren_max;taken;belasting;actief',
      `test-fietsenstalling;Medewerker fietsenstalling;9629;;${groep};geen;${sector};12;32;Fietsen stallen|Klanten helpen;V.3=1;ja`,
      `test-fout;Foute functie;;;${groep};geen;${sector};veel;32;Iets doen;V.3=1;ja`,
      '',
    ].join('\n');
    await page.setInputFiles('#veld-bestand', { name: 'functies.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.locator('button', { hasText: 'Bestand controleren' }).click();
    await page.locator('#rapport-kop', { hasText: 'proefdraai' }).waitFor();
    expect(await page.locator('#import-geaccepteerd').textContent()).toBe('1');
    expect(await page.locator('#import-afgewezen').textContent()).toBe('1');
    const fout = page.locator('table.import-fouten tbody tr').first();
    const cellen = await fout.locator('td').allTextContents();
    expect(cellen[0]).toBe('3');
    expect(cellen[1]).toBe('uren_min');
    expect(cellen[2]).toContain('geen getal');
    await controleer('import rapport');

    // A dry run stores nothing.
    const ad = await login(omgeving.platform.app, 'arbeidsdeskundige.zwolle');
    const r = (await as(omgeving.platform.app, ad)('GET', '/api/v1/functies?q=fietsenstalling')).json();
    expect(r.totaal).toBe(0);
  });

  it('legt belastbaarheid vast (FML overnemen), toont de geschiedenis en beheert werkplekaanpassingen', async () => {
    await page.goto(`/personen/${PERSOON}/belastbaarheid`);
    await wachtOpKop(page, `Belastbaarheid: ${naam}`);
    const tillen = page.locator('tr.profiel-item[data-item="IV.13"]');
    await tillen.waitFor();
    expect(await tillen.textContent()).toContain('Ongeveer 5 kg');
    // The arbeidsdeskundige sees the medical note.
    expect(await page.locator('table.profiel-tabel th', { hasText: 'Medische toelichting' }).count()).toBeGreaterThan(0);
    await controleer('belastbaarheid');

    await page.locator('button', { hasText: 'Belastbaarheid vastleggen (FML overnemen)' }).click();
    await page.locator('#vastleggen-kop').waitFor();
    await page.locator('button', { hasText: 'Belastbaarheid opslaan' }).click();
    const overzicht = page.locator('.fout-overzicht');
    await overzicht.waitFor();
    expect(await overzicht.textContent()).toContain('Bron: Kies waar de gegevens vandaan komen.');
    await overzicht.locator('a', { hasText: 'Bron' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-bron');
    await controleer('belastbaarheid vastleggen met fouten');

    await page.selectOption('#veld-bron', 'uwv_fml');
    await page.fill('#veld-bronOmschrijving', 'FML UWV (e2e)');
    await page.selectOption('#veld-fml-IV-13', '4');
    await page.locator('#veld-fml-IV-13-duurzaam').check();
    await page.fill('#veld-fml-IV-13-toelichting', 'Verergerd na val');
    await page.locator('.fml-item[data-item="I.8"] input[type=checkbox]').first().check();
    await page.locator('p[role=status]', { hasText: '2 onderdelen gewijzigd' }).waitFor();

    // A validation error from the server (problem+json invalidParams) lands on the item's own field.
    const postPad = `**/api/v1/personen/${PERSOON}/belastbaarheid`;
    await page.route(postPad, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 400,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              title: 'Niet alle items zijn geldig; er is niets opgeslagen.',
              status: 400,
              invalidParams: [{ name: 'items[1].niveau', code: 'ongeldig_niveau', reason: 'Tillen (IV.13) kent de niveaus 0 tot en met 4.' }],
            }),
          })
        : route.continue(),
    );
    await page.locator('button', { hasText: 'Belastbaarheid opslaan' }).click();
    await page.locator('.fout-overzicht', { hasText: 'Tillen (IV.13): Tillen (IV.13) kent de niveaus 0 tot en met 4.' }).waitFor();
    expect(await page.getAttribute('#veld-fml-IV-13', 'aria-invalid')).toBe('true');
    await page.locator('.fout-overzicht a', { hasText: 'Tillen (IV.13)' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-fml-IV-13');
    await controleer('belastbaarheid vastleggen met serverfout');
    await page.unroute(postPad);
    await page.locator('button', { hasText: 'Belastbaarheid opslaan' }).click();
    await page.locator('.utrecht-alert', { hasText: 'De belastbaarheid is vastgelegd (2 onderdelen)' }).waitFor();
    expect(await page.locator('tr.profiel-item[data-item="IV.13"]').textContent()).toContain('Ongeveer 2 kg');
    expect(await page.locator('tr.profiel-item[data-item="IV.13"]').textContent()).toContain('Verergerd na val');
    expect(await page.locator('tr.profiel-item[data-item="I.8"]').textContent()).toContain('Werk met weinig afleiding');

    await page.locator('button', { hasText: 'Toon alle vastleggingen' }).click();
    await page.locator('#historie-kop').locator('xpath=ancestor::section').locator('table tbody tr').first().waitFor();
    const historie = (await page.locator('#historie-kop').locator('xpath=ancestor::section').textContent()) ?? '';
    expect(historie).toContain('Ongeveer 5 kg');
    expect(historie).toContain('Ongeveer 2 kg');
    await controleer('belastbaarheid met geschiedenis');

    // Workplace adaptation: errors first, then add and withdraw.
    await page.locator('button', { hasText: 'Aanpassing toevoegen' }).click();
    await page.locator('.fout-overzicht', { hasText: 'Kies het onderdeel' }).waitFor();
    await controleer('werkplekaanpassing met fouten');
    await page.selectOption('#veld-item', 'IV.13');
    await page.fill('#veld-omschrijving', 'Tilhulp (vacuümheffer) bij het inpakken');
    await page.locator('button', { hasText: 'Aanpassing toevoegen' }).click();
    const kaart = page.locator('.aanpassingen-lijst li', { hasText: 'Tilhulp (vacuümheffer) bij het inpakken' });
    await kaart.waitFor();
    expect(await kaart.textContent()).toContain('voor elke functie');
    await controleer('werkplekaanpassing');
    await kaart.locator('button', { hasText: 'Intrekken' }).click();
    await page.locator('.utrecht-alert', { hasText: 'is ingetrokken' }).waitFor();
    expect(await page.locator('.aanpassingen-lijst li', { hasText: 'Tilhulp' }).count()).toBe(0);
    await page.locator('details summary', { hasText: 'Ingetrokken aanpassingen (1)' }).waitFor();
  });

  it('een jobcoach ziet de catalogus en de passende functies, maar kan niet vastleggen of importeren', async () => {
    const jc = await nieuweContext(omgeving);
    const p = await jc.newPage();
    await inloggen(p, 'jobcoach.zwolle');
    expect(await p.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Functiecatalogus' }).count()).toBe(1);
    await p.goto('/functies');
    await wachtOpKop(p, 'Functiecatalogus');
    expect(await p.locator('a', { hasText: 'Eigen functies importeren' }).count()).toBe(0);
    await p.goto(`/personen/${PERSOON}/belastbaarheid`);
    await wachtOpKop(p, `Belastbaarheid: ${naam}`);
    await p.locator('tr.profiel-item').first().waitFor();
    expect(await p.locator('button', { hasText: 'Belastbaarheid vastleggen' }).count()).toBe(0);
    // No medical note for a jobcoach.
    expect(await p.locator('th', { hasText: 'Medische toelichting' }).count()).toBe(0);
    expect(await p.content()).not.toContain('Verergerd na val');
    schendingen['belastbaarheid (jobcoach)'] = await axeControle(p);
    await jc.close();
  });

  it('de inwoner leest in eenvoudige taal wat hij kan in werk', async () => {
    const iw = await nieuweContext(omgeving);
    const p = await iw.newPage();
    await inloggen(p, 'inwoner.zwolle');
    await wachtOpKop(p, 'Mijn gegevens');
    await p.locator('a', { hasText: 'Bekijk wat u kunt in werk' }).click();
    await wachtOpKop(p, 'Wat u kunt in werk');
    await p.locator('#profiel-kop').waitFor();
    await p.waitForFunction(() => !document.querySelector('.laden'));
    expect(await p.locator('button', { hasText: 'Belastbaarheid vastleggen' }).count()).toBe(0);
    expect(await p.locator('main').textContent()).toContain('Hier ziet u wat u kunt in werk');
    schendingen['wat u kunt in werk (inwoner)'] = await axeControle(p);
    await iw.close();
  });

  it('elk nieuw scherm voldoet aan WCAG 2.1 AA (axe-core)', () => {
    expect(Object.keys(schendingen).length).toBeGreaterThanOrEqual(17);
    expect(beschrijf(schendingen), 'axe-core vond WCAG 2.1 AA-schendingen').toBe('');
  });
});
