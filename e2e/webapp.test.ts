import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, login } from '../src/server/testing/harness.js';
import { type AxeSchending, axeControle, beschrijf, inloggen, nieuweContext, type Omgeving, schermafdruk, startOmgeving, wachtOpKop } from './helpers.js';

interface Persoon {
  id: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  gemeente: { naam: string };
}

const naam = (p: Persoon) => [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');

let omgeving: Omgeving;
let zwolle: Persoon[] = [];
let kampen: Persoon[] = [];

async function personenVan(gebruiker: string): Promise<Persoon[]> {
  const sessie = await login(omgeving.platform.app, gebruiker);
  const res = await as(omgeving.platform.app, sessie)('GET', '/api/v1/personen?paginaGrootte=100');
  expect(res.statusCode).toBe(200);
  return res.json().resultaten as Persoon[];
}

beforeAll(async () => {
  omgeving = await startOmgeving();
  zwolle = await personenVan('klantmanager.zwolle');
  kampen = await personenVan('klantmanager.kampen');
});

afterAll(async () => {
  await omgeving?.close();
});

describe('webapp', () => {
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

  it('klantmanager zoekt een persoon, opent het dossier en wijzigt het telefoonnummer', async () => {
    const doel = zwolle.find((p) => p.gemeente.naam === 'Gemeente Zwolle')!;
    expect(doel).toBeTruthy();
    await wachtOpKop(page, 'Personen');
    await page.fill('#veld-zoek', doel.achternaam);
    await page.press('#veld-zoek', 'Enter');
    await page.waitForURL(/zoek=/);
    const link = page.locator('table a', { hasText: naam(doel) }).first();
    await link.click();
    await wachtOpKop(page, naam(doel));
    expect(await page.title()).toContain('— Passend');

    await page.locator('a', { hasText: 'Gegevens wijzigen' }).click();
    await wachtOpKop(page, /Dossier wijzigen/);
    const nieuwNummer = '0612345670';
    await page.fill('#veld-telefoon', nieuwNummer);
    await page.locator('button', { hasText: 'Wijzigingen opslaan' }).click();
    await page.locator('.utrecht-alert', { hasText: 'De wijzigingen zijn opgeslagen' }).waitFor();
    await wachtOpKop(page, naam(doel));
    const telefoon = page.locator('.utrecht-data-list__item', { hasText: 'Telefoonnummer' }).locator('dd');
    expect(await telefoon.textContent()).toBe(nieuwNummer);
  });

  it('klantmanager van Zwolle ziet geen personen van Kampen', async () => {
    const zwolleAchternamen = new Set(zwolle.map((p) => p.achternaam));
    const alleenKampen = kampen.find((p) => p.gemeente.naam === 'Gemeente Kampen' && !zwolleAchternamen.has(p.achternaam));
    const zoekterm = alleenKampen?.achternaam ?? 'Kampen';

    await page.goto(`/personen?zoek=${encodeURIComponent(zoekterm)}`);
    await wachtOpKop(page, 'Personen');
    await page.locator('p[role=status]', { hasText: /gevonden/ }).waitFor();
    const gemeenten = await page.locator('table.personen-tabel tbody tr td:nth-of-type(3)').allTextContents();
    for (const g of gemeenten) expect(['Gemeente Zwolle', 'Gemeente Hattem']).toContain(g);
    if (alleenKampen) {
      expect(gemeenten).toHaveLength(0);
      expect(await page.locator('p[role=status]', { hasText: /gevonden/ }).textContent()).toMatch(/^0 personen gevonden/);
    }

    // The unfiltered list, too, only holds Zwolle's and Hattem's persons.
    await page.goto('/personen');
    await page.locator('table.personen-tabel').waitFor();
    const alle = await page.locator('table.personen-tabel tbody tr td:nth-of-type(3)').allTextContents();
    expect(alle.length).toBeGreaterThan(0);
    for (const g of alle) expect(['Gemeente Zwolle', 'Gemeente Hattem']).toContain(g);

    // And opening a Kampen dossier directly is refused.
    const kampenPersoon = kampen.find((p) => p.gemeente.naam === 'Gemeente Kampen')!;
    await page.goto(`/personen/${kampenPersoon.id}`);
    await page.locator('.utrecht-alert', { hasText: 'mag het niet inzien' }).waitFor();
    expect(await page.content()).not.toContain(kampenPersoon.achternaam);
  });

  it('het inlogformulier werkt alleen met het toetsenbord', async () => {
    const ctx = await nieuweContext(omgeving);
    const p = await ctx.newPage();
    await p.goto('/inloggen');
    await wachtOpKop(p, 'Inloggen');
    const actief = () => p.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? '');
    // Focus starts on the h1; Tab moves through the page until the username field.
    for (let i = 0; i < 10 && (await actief()) !== 'veld-username'; i++) await p.keyboard.press('Tab');
    expect(await actief()).toBe('veld-username');
    await p.keyboard.type('klantmanager.zwolle');
    await p.keyboard.press('Tab');
    expect(await actief()).toBe('veld-password');
    await p.keyboard.type('passend-demo');
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type)).toBe('submit');
    await p.keyboard.press('Enter');
    await wachtOpKop(p, 'Personen');
    // After navigation the focus is on the new page's h1.
    expect(await p.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await ctx.close();
  });

  it('inwoner ziet het eigen dossier en wie de gegevens heeft bekeken', async () => {
    const ctx = await nieuweContext(omgeving);
    const p = await ctx.newPage();
    await inloggen(p, 'inwoner.zwolle');
    await wachtOpKop(p, 'Mijn gegevens');
    await p.locator('h2', { hasText: 'Persoonsgegevens' }).waitFor();
    const naamTekst = await p.locator('.utrecht-data-list__item', { hasText: 'Naam' }).first().locator('dd').textContent();
    expect(naamTekst?.trim().length).toBeGreaterThan(0);
    // Only the contact fields are editable for the person.
    expect(await p.locator('a', { hasText: 'Mijn contactgegevens wijzigen' }).count()).toBe(1);

    await p.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Wie heeft mijn gegevens bekeken' }).click();
    await wachtOpKop(p, 'Wie heeft mijn gegevens bekeken');
    await p.locator('table tbody tr').first().waitFor();
    expect(await p.locator('table tbody tr').count()).toBeGreaterThan(0);
    expect(await p.locator('table caption').textContent()).toContain('Wie heeft mijn gegevens bekeken');
    await ctx.close();
  });

  it('elke pagina voldoet aan WCAG 2.1 AA (axe-core)', async () => {
    const schendingen: Record<string, AxeSchending[]> = {};
    const controleer = async (p: Page, naam: string) => {
      await p.waitForFunction(() => !document.querySelector('.laden'));
      await schermafdruk(p, naam);
      schendingen[naam] = await axeControle(p);
    };

    // Not signed in.
    const anoniem = await nieuweContext(omgeving);
    const a = await anoniem.newPage();
    await a.goto('/inloggen');
    await wachtOpKop(a, 'Inloggen');
    await controleer(a, 'inloggen');
    await a.click('button[type=submit]');
    await a.locator('.fout-overzicht').waitFor();
    await controleer(a, 'inloggen-met-fouten');
    await anoniem.close();

    // Klantmanager.
    const doel = zwolle.find((p) => p.gemeente.naam === 'Gemeente Zwolle')!;
    await page.goto('/personen');
    await page.locator('table.personen-tabel').waitFor();
    await controleer(page, 'personen');
    await page.goto('/personen/nieuw');
    await wachtOpKop(page, 'Nieuw dossier');
    await page.locator('#veld-gemeenteId option', { hasText: 'Gemeente Zwolle' }).waitFor({ state: 'attached' });
    await controleer(page, 'nieuw-dossier');
    await page.fill('#veld-bsn', '123456789');
    await page.locator('button', { hasText: 'Dossier aanmaken' }).click();
    await page.locator('.fout-overzicht').waitFor();
    await controleer(page, 'nieuw-dossier-met-fouten');
    await page.goto(`/personen/${doel.id}`);
    await wachtOpKop(page, naam(doel));
    await page.locator('#audit-kop').waitFor();
    await controleer(page, 'dossier');
    await page.goto(`/personen/${doel.id}/bewerken`);
    await page.locator('#veld-voornaam').waitFor();
    await controleer(page, 'dossier-bewerken');
    await page.goto('/wachtwoord');
    await wachtOpKop(page, 'Wachtwoord wijzigen');
    await controleer(page, 'wachtwoord');
    await page.goto('/bestaat-niet');
    await wachtOpKop(page, 'Pagina niet gevonden');
    await controleer(page, 'niet-gevonden');

    // Beheerder.
    const beheer = await nieuweContext(omgeving);
    const b = await beheer.newPage();
    await inloggen(b, 'beheerder.zwolle');
    await b.goto('/beheer/gebruikers');
    await b.locator('table tbody tr').first().waitFor();
    await controleer(b, 'gebruikers');
    await b.locator('button', { hasText: 'Gebruiker toevoegen' }).first().click();
    await b.locator('#veld-gebruikersnaam').waitFor();
    await controleer(b, 'gebruiker-toevoegen');
    await b.goto('/beheer/audit');
    await b.locator('table tbody tr').first().waitFor();
    await controleer(b, 'auditlog');
    await beheer.close();

    // Inwoner.
    const inwoner = await nieuweContext(omgeving);
    const i = await inwoner.newPage();
    await inloggen(i, 'inwoner.zwolle');
    await wachtOpKop(i, 'Mijn gegevens');
    await i.locator('#persoon-kop').waitFor();
    await controleer(i, 'mijn-gegevens');
    await i.goto('/mijn-gegevens/bewerken');
    await i.locator('#veld-telefoon').waitFor();
    await controleer(i, 'mijn-gegevens-bewerken');
    await i.goto('/mijn-gegevens/inzage');
    await i.locator('table tbody tr').first().waitFor();
    await controleer(i, 'mijn-inzage');
    await i.goto('/mijn-gegevens/toestemmingen');
    await wachtOpKop(i, 'Mijn toestemmingen');
    await i.locator('#veld-toestemmingsdoel').waitFor();
    await controleer(i, 'mijn-toestemmingen');
    await inwoner.close();

    // A role whose part of Passend is still coming.
    const beleid = await nieuweContext(omgeving);
    const bl = await beleid.newPage();
    await inloggen(bl, 'beleidsmedewerker.zwolle');
    await wachtOpKop(bl, /Welkom/);
    await controleer(bl, 'start');
    await beleid.close();

    expect(beschrijf(schendingen), 'axe-core vond WCAG 2.1 AA-schendingen').toBe('');
    expect(Object.keys(schendingen).length).toBeGreaterThanOrEqual(17);
  });
});
