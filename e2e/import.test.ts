import { sql } from 'kysely';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxeSchending, axeControle, beschrijf, inloggen, nieuweContext, type Omgeving, schermafdruk, startOmgeving, wachtOpKop } from './helpers.js';

/** The upload screen for a gemeente's bulk delivery: check first (proefdraai), then import; report and earlier runs. */

let omgeving: Omgeving;
const schendingen: Record<string, AxeSchending[]> = {};

const KOP = 'extern_id;voornaam;achternaam;geboortedatum;wensen;sectoren;uren_min;uren_max;toestemming_kandidaatprofiel';
const BESTAND = [
  KOP,
  'E2E-1;Ilse;Boom;1992-05-01;Ik werk graag buiten in het groen.;groen;16;24;ja',
  'E2E-2;Omar;Veld;1988-11-30;Graag in een magazijn, overdag.;logistiek;24;32;ja',
  'E2E-3;Nina;Kade;1990-02-30;Iets met mensen.;horeca;8;16;ja', // line 4: no such date
  'E2E-4;Piet;Dijk;1979-07-07;Werken in de keuken.;horeca;20;32;nee',
  'E2E-1;Ilse;Boom;1992-05-01;Dubbel.;groen;16;24;ja', // line 6: duplicate extern_id
].join('\n');

async function controleer(p: Page, naam: string) {
  await p.waitForFunction(() => !document.querySelector('.laden'));
  await schermafdruk(p, `import-${naam}`);
  schendingen[naam] = await axeControle(p);
}

const geimporteerd = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM persoon WHERE extern_id LIKE 'E2E-%'`.execute(omgeving.platform.services.storage.db)).rows[0]!.n;

beforeAll(async () => {
  omgeving = await startOmgeving();
});

afterAll(async () => {
  await omgeving?.close();
});

describe('importeren', () => {
  let ctx: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ctx = await nieuweContext(omgeving);
    page = await ctx.newPage();
    await inloggen(page, 'klantmanager.zwolle');
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('checks a file first, shows every rejected row, then imports the good rows with upload progress', async () => {
    await page.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Importeren' }).click();
    await wachtOpKop(page, 'Personen en profielen importeren');
    await page.locator('#eerder-kop').waitFor();
    await controleer(page, 'leeg');

    // The template is there to download.
    const sjabloon = await page.request.get(
      await page
        .locator('a', { hasText: 'Download het sjabloon' })
        .getAttribute('href')
        .then((h) => h ?? ''),
    );
    expect(sjabloon.status()).toBe(200);
    expect((await sjabloon.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^extern_id;voornaam;tussenvoegsel;achternaam;geboortedatum;bsn;/);

    // Without a file: the error summary.
    await page.locator('button', { hasText: 'Eerst controleren (proefdraai)' }).click();
    await page.locator('.fout-overzicht', { hasText: 'Kies een bestand' }).waitFor();
    await controleer(page, 'zonder-bestand');

    await page.setInputFiles('#veld-bestand', { name: 'aanlevering.csv', mimeType: 'text/csv', buffer: Buffer.from(BESTAND) });
    await page.locator('button', { hasText: 'Eerst controleren (proefdraai)' }).click();
    await wachtOpKop(page, 'Personen en profielen importeren');
    await page.locator('#uitkomst-kop', { hasText: 'Uitkomst van de controle (proefdraai)' }).waitFor();
    expect(await page.locator('#import-geaccepteerd').textContent()).toBe('3');
    expect(await page.locator('#import-afgewezen').textContent()).toBe('2');
    const rijen = page.locator('table.import-fouten tbody tr');
    expect(await rijen.count()).toBe(2);
    expect(await rijen.nth(0).locator('td').allTextContents()).toEqual(['4', 'geboortedatum', expect.stringContaining('geen geldige datum')]);
    expect(await rijen.nth(1).locator('td').allTextContents()).toEqual(['6', 'extern_id', expect.stringContaining('regel 2')]);
    expect(await geimporteerd()).toBe(0);
    await controleer(page, 'proefdraai');

    // Hold the answer back a moment, so the upload progress is visible.
    await page.route('**/api/v1/imports?*', async (route) => {
      // Only the upload itself; the list of earlier deliveries reloads undisturbed.
      if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 3000));
      await route.continue().catch(() => undefined);
    });
    await page.locator('button', { hasText: /^Importeren$/ }).click();
    const voortgang = page.locator('.voortgang[role=status]');
    await voortgang.waitFor();
    expect(await page.locator('#upload-voortgang').getAttribute('max')).toBe('100');
    await controleer(page, 'bezig');
    await page.locator('#uitkomst-kop', { hasText: 'Uitkomst van de import' }).waitFor();
    await page.unroute('**/api/v1/imports?*');
    expect(await page.locator('#import-geaccepteerd').textContent()).toBe('3');
    expect(await page.locator('#import-afgewezen').textContent()).toBe('2');
    expect(await geimporteerd()).toBe(3);
    await page.waitForFunction(() => document.activeElement?.id === 'uitkomst-kop');

    // The whole report as CSV, and both runs in the list of earlier deliveries.
    const rapportLink = page.locator('a', { hasText: 'Download het volledige rapport' });
    const rapport = await page.request.get((await rapportLink.getAttribute('href')) ?? '');
    expect(rapport.status()).toBe(200);
    expect(rapport.headers()['content-type']).toContain('text/csv');
    const lijnen = (await rapport.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lijnen.map((l) => l.split(';').slice(0, 2).join(';'))).toEqual(['regel;veld', '4;geboortedatum', '6;extern_id']);
    await page.locator('#eerdere-aanleveringen tbody tr', { hasText: 'aanlevering.csv' }).nth(1).waitFor();
    const soorten = await page.locator('#eerdere-aanleveringen tbody tr').allTextContents();
    expect(soorten.filter((t) => t.includes('aanlevering.csv'))).toHaveLength(2);
    expect(soorten.some((t) => t.includes('Proefdraai'))).toBe(true);
    await controleer(page, 'uitkomst');

    // The same file again changes nothing.
    await page.locator('button', { hasText: /^Importeren$/ }).click();
    await page.locator('#eerdere-aanleveringen tbody tr', { hasText: 'aanlevering.csv' }).nth(2).waitFor();
    expect(await page.locator('.bedrag', { hasText: 'Nieuw, gewijzigd, ongewijzigd' }).locator('dd').textContent()).toBe('0, 0, 3');
    expect(await geimporteerd()).toBe(3);
  });

  it('is not offered to roles that may not import', async () => {
    const ander = await nieuweContext(omgeving);
    const p = await ander.newPage();
    await inloggen(p, 'arbeidsdeskundige.zwolle');
    expect(await p.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Importeren' }).count()).toBe(0);
    await p.goto('/importeren');
    await p.locator('h1').first().waitFor();
    expect(await p.locator('h1').first().textContent()).not.toContain('importeren');
    await ander.close();
  });

  it('has no WCAG 2.1 AA violations on any state', () => {
    expect(Object.keys(schendingen).length).toBeGreaterThanOrEqual(5);
    expect(beschrijf(schendingen)).toBe('');
  });
});
