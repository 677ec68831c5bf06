import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLEETHEID } from '../src/server/modules/kandidaten/profiel.js';
import { DEMO_PERSONEN_AANTAL, demoBsn, stableId } from '../src/server/seed/demo.js';
import { as, login } from '../src/server/testing/harness.js';
import { type AxeSchending, axeControle, beschrijf, inloggen, nieuweContext, type Omgeving, schermafdruk, startOmgeving, wachtOpKop } from './helpers.js';

/**
 * The kandidatenportaal end to end: a klantmanager fills in the anonymous profile of inwoner.zwolle's
 * person and records the consent; an employer finds it (Dutch stemming, facets, paging) and opens it
 * without seeing who it is; the consent is withdrawn and the profile disappears; the person sees their
 * own profile as an employer does; the search works with the keyboard alone.
 */

const PAGINA_GROOTTE = 20;
/** Results for 'tuinen' while the profile is published (set in the search test). */
let tuinenTotaal = -1;
const WENSEN = 'Ik werk graag buiten in tuinen en plantsoenen, het liefst in een vast team.';
const KWALITEITEN = 'Rustig, precies en altijd op tijd. Kan goed met machines omgaan.';

let omgeving: Omgeving;
let km: BrowserContext;
let wg: BrowserContext;
let iw: BrowserContext;
let kmPage: Page;
let wgPage: Page;
let iwPage: Page;
const schendingen: Record<string, AxeSchending[]> = {};

/** The person behind inwoner.zwolle, with the identifying details that must never reach an employer. */
let persoon: { id: string; naam: string; email: string; telefoon: string; postcode: string; adres: string; bsn: string };
let publiekId = '';
/** The employer's profile card, without its heading (the detail page titles it "Profiel"). */
let werkgeverKaart = '';

async function controleer(p: Page, naam: string) {
  await p.waitForFunction(() => !document.querySelector('.laden'));
  await schermafdruk(p, `kandidaten-${naam}`);
  schendingen[naam] = await axeControle(p);
}

const status = (p: Page) => p.locator('section[aria-labelledby=resultaten-kop] p[role=status]');

async function totaalGevonden(p: Page): Promise<number> {
  const tekst = (await status(p).textContent()) ?? '';
  if (tekst.startsWith('Er zijn geen profielen')) return 0;
  const m = /^(\d+) profiel/.exec(tekst);
  if (!m) throw new Error(`onverwachte status: ${tekst}`);
  return Number(m[1]);
}

/** The counts next to each checkbox of one facet, by code. */
async function facet(p: Page, naam: string): Promise<Record<string, number>> {
  return p.locator(`.kandidaten-filters input[name=${naam}]`).evaluateAll((els) =>
    Object.fromEntries(
      els.map((el) => {
        const label = document.querySelector(`label[for="${el.id}"] .facet-aantal`)?.textContent ?? '';
        return [(el as HTMLInputElement).value, Number(/\((\d+)/.exec(label)?.[1] ?? Number.NaN)];
      }),
    ),
  );
}

/** Waits for the results of the URL the page shows now (the status names the query). */
async function wachtOpResultaten(p: Page, q: string) {
  await status(p)
    .filter({ hasText: q ? `voor "${q}"` : /gevonden/ })
    .waitFor();
  await p.waitForFunction(() => !document.querySelector('.kandidaten-resultaten .laden'));
}

async function kaartZonderKop(p: Page, selector: string): Promise<string> {
  return p
    .locator(selector)
    .first()
    .evaluate((el) => {
      const kopie = el.cloneNode(true) as HTMLElement;
      for (const kop of kopie.querySelectorAll('h2, h3')) kop.remove();
      return (kopie.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
}

const db = () => omgeving.platform.services.storage.db;

beforeAll(async () => {
  omgeving = await startOmgeving();
  const rij = await db()
    .selectFrom('gebruiker as g')
    .innerJoin('persoon as p', 'p.id', 'g.persoon_id')
    .select([
      'p.id',
      'p.voornaam',
      'p.tussenvoegsel',
      'p.achternaam',
      'p.email',
      'p.telefoon',
      'p.postcode',
      'p.straat',
      'p.huisnummer',
      'p.status',
      'p.organisatie_id',
    ])
    .where('g.gebruikersnaam', '=', 'inwoner.zwolle')
    .executeTakeFirstOrThrow();
  expect(rij.organisatie_id).toBe(stableId('org:zwolle'));
  expect(rij.status, 'de persoon van inwoner.zwolle heeft een open dossier').not.toBe('afgesloten');
  const index = Array.from({ length: DEMO_PERSONEN_AANTAL }, (_, i) => i).find((i) => stableId(`persoon:${i}`) === rij.id);
  expect(index).toBeDefined();
  persoon = {
    id: rij.id,
    naam: [rij.voornaam, rij.tussenvoegsel, rij.achternaam].filter(Boolean).join(' '),
    email: rij.email ?? '',
    telefoon: rij.telefoon ?? '',
    postcode: rij.postcode ?? '',
    adres: `${rij.straat} ${rij.huisnummer}`,
    bsn: demoBsn((index as number) + 1),
  };
  // No profile yet (persons 0–9 are left alone by the demo seed).
  expect(await db().selectFrom('kandidaatprofiel').select('id').where('persoon_id', '=', persoon.id).executeTakeFirst()).toBeUndefined();

  // Enough other published profiles for a second page of results (through the API, as in contact.test.ts).
  const app = omgeving.platform.app;
  const api = as(app, await login(app, 'klantmanager.zwolle'));
  const gepubliceerd = Number(
    (await db().selectFrom('kandidaatprofiel').select(db().fn.countAll().as('n')).where('gepubliceerd', '=', true).executeTakeFirstOrThrow()).n,
  );
  for (let i = 0; gepubliceerd + i < PAGINA_GROOTTE + 2; i++) {
    const p = await api('POST', '/api/v1/personen', {
      voornaam: 'Extra',
      achternaam: `Kandidaat${'abcdefghij'[i]}`,
      geboortedatum: '1990-05-0' + String((i % 9) + 1),
      gemeenteId: stableId('org:zwolle'),
    });
    expect(p.statusCode, p.body).toBe(201);
    const id = p.json().id as string;
    const profiel = await api('PUT', `/api/v1/personen/${id}/kandidaatprofiel`, {
      wensen: 'Graag werk in de zorg of het welzijn, met mensen om mij heen.',
      kwaliteiten: 'Geduldig, vriendelijk en betrouwbaar.',
      sectoren: ['zorg_welzijn'],
      opleidingsniveau: 'mbo2',
      urenMin: 20,
      urenMax: 32,
    });
    expect(profiel.statusCode, profiel.body).toBe(200);
    expect((await api('POST', `/api/v1/personen/${id}/toestemmingen`, { doel: 'kandidaatprofiel', vastgelegdVia: 'schriftelijk' })).statusCode).toBe(201);
  }

  km = await nieuweContext(omgeving);
  wg = await nieuweContext(omgeving);
  iw = await nieuweContext(omgeving);
  kmPage = await km.newPage();
  wgPage = await wg.newPage();
  iwPage = await iw.newPage();
  await inloggen(kmPage, 'klantmanager.zwolle');
  await inloggen(wgPage, 'werkgever.bakkerij-van-der-veen');
  await inloggen(iwPage, 'inwoner.zwolle');
});

afterAll(async () => {
  await km?.close();
  await wg?.close();
  await iw?.close();
  await omgeving?.close();
});

describe('kandidatenportaal', () => {
  it('inwoner zonder profiel krijgt in eenvoudige woorden uitleg', async () => {
    await iwPage.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Mijn profiel voor werkgevers' }).click();
    await wachtOpKop(iwPage, 'Mijn profiel voor werkgevers');
    await iwPage.locator('#publicatie-kop', { hasText: 'Kunnen werkgevers mijn profiel zien?' }).waitFor();
    await iwPage.locator('section[aria-labelledby=publicatie-kop] .status-label', { hasText: 'Werkgevers kunnen uw profiel nu niet zien' }).waitFor();
    const voorbeeld = iwPage.locator('section[aria-labelledby=voorbeeld-kop]');
    await voorbeeld.getByText('U heeft nog geen profiel. Vul hieronder in wat voor werk u zoekt.').waitFor();
    expect(await voorbeeld.locator('.profiel-kaart').count()).toBe(0);
    // Where to give consent, in plain words.
    expect(await iwPage.locator('section[aria-labelledby=publicatie-kop]').textContent()).toContain(
      'Werkgevers zien uw profiel pas als u daar toestemming voor geeft',
    );
    await controleer(iwPage, 'eigen-profiel-leeg');
  });

  it('klantmanager vult het profiel in vanuit het dossier, geeft toestemming en ziet het gepubliceerd', async () => {
    await kmPage.goto(`/personen/${persoon.id}`);
    await wachtOpKop(kmPage, persoon.naam);
    const sectie = kmPage.locator('section[aria-labelledby=kandidaatprofiel-kop]');
    await sectie.locator('.status-label', { hasText: 'Niet gepubliceerd' }).waitFor();
    await controleer(kmPage, 'dossier');
    await sectie.locator('a', { hasText: 'Kandidaatprofiel invullen' }).click();
    await wachtOpKop(kmPage, `Kandidaatprofiel: ${persoon.naam}`);
    const compleet = kmPage.locator('section[aria-labelledby=compleetheid-kop]');
    await compleet.getByText('Compleetheid: 0%').waitFor();
    await kmPage.locator('section[aria-labelledby=voorbeeld-kop]').getByText('Er is nog geen kandidaatprofiel').waitFor();
    await controleer(kmPage, 'profiel-leeg');

    // Identifying text is refused with a clear message, and nothing is stored.
    await kmPage.fill('#veld-wensen', `${WENSEN} Bel mij op 06 12345678.`);
    await kmPage.locator('button[type=submit]', { hasText: 'Profiel opslaan' }).click();
    const overzicht = kmPage.locator('.fout-overzicht');
    await overzicht.waitFor();
    expect(await overzicht.textContent()).toContain('haal een telefoonnummer weg');
    expect(await kmPage.locator('#veld-wensen').getAttribute('aria-invalid')).toBe('true');
    expect(await kmPage.locator('#veld-wensen-fout').textContent()).toContain('telefoonnummer');
    expect(await kmPage.evaluate(() => document.activeElement?.classList.contains('fout-overzicht'))).toBe(true);
    expect(await db().selectFrom('kandidaatprofiel').select('id').where('persoon_id', '=', persoon.id).executeTakeFirst()).toBeUndefined();
    await compleet.getByText('Compleetheid: 0%').waitFor();
    await controleer(kmPage, 'profiel-identificerend');

    await kmPage.fill('#veld-wensen', WENSEN);
    await kmPage.fill('#veld-kwaliteiten', KWALITEITEN);
    await kmPage.locator('.profiel-formulier input[name=sectoren][value=groen]').check();
    await kmPage.selectOption('#veld-opleidingsniveau', 'entree');
    await kmPage.fill('#veld-urenMin', '16');
    await kmPage.fill('#veld-urenMax', '24');
    await kmPage.locator('.profiel-formulier input[name=werkcondities][value=werkt_graag_buiten]').check();
    await kmPage.locator('.profiel-formulier input[name=werkcondities][value=werkt_graag_met_handen]').check();
    await kmPage.locator('button[type=submit]', { hasText: 'Profiel opslaan' }).click();
    await kmPage.locator('.utrecht-alert', { hasText: 'Het profiel is opgeslagen. Het is nog niet gepubliceerd.' }).waitFor();
    expect(await kmPage.locator('.fout-overzicht').count()).toBe(0);

    // Completeness went up: everything filled except functions and availability.
    const verwacht = Object.entries(COMPLEETHEID)
      .filter(([veld]) => veld !== 'gewensteFuncties' && veld !== 'beschikbaarVanaf')
      .reduce((s, [, v]) => s + v.gewicht, 0);
    await compleet.getByText(`Compleetheid: ${verwacht}%`).waitFor();
    expect((await compleet.locator('.ontbrekend li').allTextContents()).sort()).toEqual(
      [COMPLEETHEID.gewensteFuncties.label, COMPLEETHEID.beschikbaarVanaf.label].sort(),
    );
    const publicatie = kmPage.locator('section[aria-labelledby=publicatie-kop]');
    await publicatie.locator('.status-label', { hasText: 'Niet gepubliceerd' }).waitFor();

    // The preview: what an employer would see, without a name.
    const voorbeeld = kmPage.locator('section[aria-labelledby=voorbeeld-kop]');
    await voorbeeld.getByText('Dit is precies wat een werkgever zou zien. Het profiel is nu niet gepubliceerd.').waitFor();
    const kaart = voorbeeld.locator('.profiel-kaart');
    publiekId = (await kaart.getAttribute('data-publiek-id')) ?? '';
    expect(publiekId).toMatch(/^K-[2-9A-HJ-NP-Z]{6}$/);
    const kaartTekst = (await kaart.textContent()) ?? '';
    expect(kaartTekst).toContain(WENSEN);
    expect(kaartTekst).toContain('Groen en agrarisch');
    expect(kaartTekst).toContain('16 tot 24 uur per week');
    expect(kaartTekst).toContain('Werkt graag buiten');
    expect(kaartTekst).not.toContain(persoon.naam);
    expect(kaartTekst).not.toContain(persoon.email);
    await controleer(kmPage, 'profiel-opgeslagen');

    // Consent in the dossier's consent section, reached through the link on the profile page.
    await publicatie.locator('a', { hasText: 'Toestemming vastleggen bij Toestemmingen' }).click();
    await wachtOpKop(kmPage, persoon.naam);
    const toestemmingen = kmPage.locator('section[aria-labelledby=toestemmingen-kop]');
    await toestemmingen.locator('#veld-toestemmingsdoel').waitFor();
    await kmPage.waitForFunction(() => document.activeElement?.id === 'toestemmingen-kop');
    await kmPage.selectOption('#veld-toestemmingsdoel', 'kandidaatprofiel');
    await kmPage.selectOption('#veld-vastgelegdVia', 'schriftelijk');
    await toestemmingen.locator('button[type=submit]', { hasText: 'Toestemming vastleggen' }).click();
    await toestemmingen.locator('.utrecht-alert', { hasText: 'De toestemming is vastgelegd.' }).waitFor();
    await toestemmingen.getByRole('cell', { name: 'Anoniem kandidaatprofiel publiceren voor werkgevers', exact: true }).waitFor();
    // The dossier's profile section follows at once.
    await kmPage.locator('section[aria-labelledby=kandidaatprofiel-kop] .status-label', { hasText: /^Gepubliceerd$/ }).waitFor();
    await controleer(kmPage, 'dossier-toestemming');

    await kmPage.locator('section[aria-labelledby=kandidaatprofiel-kop] a', { hasText: 'Kandidaatprofiel bekijken of wijzigen' }).click();
    await wachtOpKop(kmPage, `Kandidaatprofiel: ${persoon.naam}`);
    await kmPage.locator('section[aria-labelledby=publicatie-kop] .status-label', { hasText: /^Gepubliceerd$/ }).waitFor();
    await kmPage.locator('section[aria-labelledby=voorbeeld-kop]').getByText('Dit is precies wat een werkgever ziet.').waitFor();
    await controleer(kmPage, 'profiel-gepubliceerd');
  });

  it('werkgever zoekt met filters, facetten en paginering en vindt het profiel zonder te zien wie het is', async () => {
    // The employer's start page is the search.
    await wgPage.goto('/');
    await wachtOpKop(wgPage, 'Kandidaten zoeken');
    expect(new URL(wgPage.url()).pathname).toBe('/kandidaten');
    await wachtOpResultaten(wgPage, '');
    const alles = await totaalGevonden(wgPage);
    expect(alles).toBeGreaterThan(PAGINA_GROOTTE);
    expect(await wgPage.locator('.kandidaten-lijst > li').count()).toBe(PAGINA_GROOTTE);
    await controleer(wgPage, 'zoeken-alles');

    // Paging: the second page holds the rest, other profiles; focus goes to the results.
    const pagina1 = await wgPage.locator('.kandidaten-lijst .profiel-kaart').evaluateAll((els) => els.map((e) => e.getAttribute('data-publiek-id')));
    await wgPage.locator('nav[aria-label="Paginering profielen"] button', { hasText: 'Volgende pagina' }).click();
    await wgPage.locator('.paginering-tekst', { hasText: `Pagina 2 van ${Math.ceil(alles / PAGINA_GROOTTE)}` }).waitFor();
    expect(new URL(wgPage.url()).searchParams.get('pagina')).toBe('2');
    await wgPage.waitForFunction((n) => document.querySelectorAll('.kandidaten-lijst > li').length === n, alles - PAGINA_GROOTTE);
    const pagina2 = await wgPage.locator('.kandidaten-lijst .profiel-kaart').evaluateAll((els) => els.map((e) => e.getAttribute('data-publiek-id')));
    expect(pagina2.filter((id) => pagina1.includes(id))).toEqual([]);
    expect(await wgPage.evaluate(() => document.activeElement?.id)).toBe('resultaten-kop');
    await controleer(wgPage, 'zoeken-pagina-2');

    // A filter on a sector: the total becomes that sector's count, the other facets are counted again.
    await wgPage.goto('/kandidaten');
    await wachtOpResultaten(wgPage, '');
    const sectorenVoor = await facet(wgPage, 'sectoren');
    const niveausVoor = await facet(wgPage, 'opleidingsniveaus');
    const groen = sectorenVoor.groen ?? 0;
    expect(groen).toBeGreaterThan(0);
    expect(sectorenVoor.zorg_welzijn).toBeGreaterThan(0);
    await wgPage.locator('.kandidaten-filters input[name=sectoren][value=groen]').check();
    await wgPage.locator('.kandidaten-filters button[type=submit]', { hasText: 'Filters toepassen' }).click();
    await wgPage.waitForFunction(() => new URL(location.href).searchParams.get('sectoren') === 'groen');
    await wgPage.waitForFunction(
      (n) => document.querySelector('section[aria-labelledby=resultaten-kop] p[role=status]')?.textContent?.startsWith(`${n} `),
      groen,
    );
    expect(await totaalGevonden(wgPage)).toBe(groen);
    const niveausNa = await facet(wgPage, 'opleidingsniveaus');
    expect(niveausNa).not.toEqual(niveausVoor);
    expect(Object.values(niveausNa).reduce((a, b) => a + b, 0)).toBeLessThan(Object.values(niveausVoor).reduce((a, b) => a + b, 0));
    // The sector facet keeps counting the other sectors (a choice does not hide the alternatives).
    expect((await facet(wgPage, 'sectoren')).zorg_welzijn).toBe(sectorenVoor.zorg_welzijn);
    expect(await wgPage.locator('nav[aria-label="Paginering profielen"]').count()).toBe(groen > PAGINA_GROOTTE ? 1 : 0);
    await controleer(wgPage, 'zoeken-filter');
    await wgPage.locator('button', { hasText: 'Alle filters wissen' }).click();
    await wgPage.waitForFunction(() => !new URL(location.href).searchParams.has('sectoren'));
    await wachtOpResultaten(wgPage, '');
    expect(await totaalGevonden(wgPage)).toBe(alles);

    // Free text with Dutch stemming: "tuin" finds the profile that says "tuinen".
    await wgPage.fill('#veld-q', 'tuin');
    await wgPage.locator('.zoekformulier button[type=submit]').click();
    await wachtOpResultaten(wgPage, 'tuin');
    await wgPage.locator(`.profiel-kaart[data-publiek-id="${publiekId}"]`).waitFor();
    await wgPage.fill('#veld-q', 'tuinen');
    await wgPage.locator('.zoekformulier button[type=submit]').click();
    await wachtOpResultaten(wgPage, 'tuinen');
    const kaart = wgPage.locator(`.profiel-kaart[data-publiek-id="${publiekId}"]`);
    await kaart.waitFor();
    expect(await kaart.textContent()).toContain(WENSEN);
    const zoekUrl = wgPage.url();
    expect(new URL(zoekUrl).searchParams.get('q')).toBe('tuinen');
    tuinenTotaal = await totaalGevonden(wgPage);
    await controleer(wgPage, 'zoeken-tuinen');

    // Open the profile: nothing that identifies the person.
    await kaart.locator('a', { hasText: `Kandidaat ${publiekId}` }).click();
    await wachtOpKop(wgPage, `Kandidaat ${publiekId}`);
    await wgPage.locator('.profiel-kaart').getByText(WENSEN).waitFor();
    const tekst = await wgPage.evaluate(() => document.body.innerText);
    const html = await wgPage.content();
    for (const geheim of [persoon.naam, persoon.email, persoon.telefoon, persoon.postcode, persoon.adres, persoon.bsn]) {
      expect(geheim.length).toBeGreaterThan(3);
      expect(tekst).not.toContain(geheim);
      expect(html).not.toContain(geheim);
    }
    werkgeverKaart = await kaartZonderKop(wgPage, '.profiel-kaart');
    expect(werkgeverKaart).toContain(KWALITEITEN);
    await controleer(wgPage, 'profiel');

    // Back in the browser: the same search, in the address and in the form.
    await wgPage.goBack();
    await wachtOpKop(wgPage, 'Kandidaten zoeken');
    expect(wgPage.url()).toBe(zoekUrl);
    await wachtOpResultaten(wgPage, 'tuinen');
    expect(await wgPage.inputValue('#veld-q')).toBe('tuinen');
    await wgPage.locator(`.profiel-kaart[data-publiek-id="${publiekId}"]`).waitFor();
  });

  it('zoeken kan met alleen het toetsenbord, en de focus gaat naar de resultaten', async () => {
    await wgPage.goto('/kandidaten');
    await wachtOpKop(wgPage, 'Kandidaten zoeken');
    await wachtOpResultaten(wgPage, '');
    // The page puts focus on its h1; from there Tab reaches the search field.
    await wgPage.waitForFunction(() => document.activeElement?.tagName === 'H1');
    for (let i = 0; i < 10 && (await wgPage.evaluate(() => document.activeElement?.id)) !== 'veld-q'; i++) await wgPage.keyboard.press('Tab');
    expect(await wgPage.evaluate(() => document.activeElement?.id)).toBe('veld-q');
    await wgPage.keyboard.type('plantsoenen');
    await wgPage.keyboard.press('Enter');
    await wachtOpResultaten(wgPage, 'plantsoenen');
    await wgPage.locator(`.profiel-kaart[data-publiek-id="${publiekId}"]`).waitFor();
    expect(await wgPage.evaluate(() => document.activeElement?.id)).toBe('resultaten-kop');

    // A filter with the keyboard: Shift+Tab back into the filters to a sector checkbox, Space, then submit with Enter.
    for (let i = 0; i < 60 && (await wgPage.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)) !== 'sectoren'; i++)
      await wgPage.keyboard.press('Shift+Tab');
    const code = await wgPage.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await wgPage.keyboard.press('Space');
    expect(await wgPage.locator(`.kandidaten-filters input[name=sectoren][value=${code}]`).isChecked()).toBe(true);
    for (let i = 0; i < 40 && !(await wgPage.evaluate(() => document.activeElement?.textContent === 'Filters toepassen')); i++)
      await wgPage.keyboard.press('Tab');
    await wgPage.keyboard.press('Enter');
    await wgPage.waitForFunction((c) => new URL(location.href).searchParams.get('sectoren') === c, code);
    await wachtOpResultaten(wgPage, 'plantsoenen');
    expect(await wgPage.evaluate(() => document.activeElement?.id)).toBe('resultaten-kop');
    await controleer(wgPage, 'toetsenbord');
  });

  it('inwoner ziet het eigen profiel precies zoals een werkgever het ziet', async () => {
    await iwPage.reload();
    await wachtOpKop(iwPage, 'Mijn profiel voor werkgevers');
    const publicatie = iwPage.locator('section[aria-labelledby=publicatie-kop]');
    await publicatie.locator('.status-label', { hasText: /^Werkgevers kunnen uw profiel zien$/ }).waitFor();
    expect(await publicatie.textContent()).toContain(publiekId);
    const voorbeeld = iwPage.locator('section[aria-labelledby=voorbeeld-kop]');
    await voorbeeld.getByText('Dit ziet een werkgever als hij uw profiel opent.').waitFor();
    expect(await voorbeeld.locator('.profiel-kaart').getAttribute('data-publiek-id')).toBe(publiekId);
    expect(await kaartZonderKop(iwPage, 'section[aria-labelledby=voorbeeld-kop] .profiel-kaart')).toBe(werkgeverKaart);
    await iwPage
      .locator('section[aria-labelledby=compleetheid-kop]')
      .getByText(/Uw profiel is voor \d+% ingevuld\./)
      .waitFor();
    await controleer(iwPage, 'eigen-profiel-gepubliceerd');
  });

  it('na het intrekken van de toestemming vindt de werkgever het profiel niet meer', async () => {
    await kmPage.goto(`/personen/${persoon.id}#toestemmingen-kop`);
    await wachtOpKop(kmPage, persoon.naam);
    const toestemmingen = kmPage.locator('section[aria-labelledby=toestemmingen-kop]');
    await toestemmingen.locator('button', { hasText: 'Intrekken: Anoniem kandidaatprofiel publiceren voor werkgevers' }).click();
    await toestemmingen.locator('#veld-intrekreden').fill('De persoon wil even niet gevonden worden.');
    await toestemmingen.locator('button[type=submit]', { hasText: 'Toestemming intrekken' }).click();
    await toestemmingen.locator('.utrecht-alert', { hasText: 'De toestemming is ingetrokken.' }).waitFor();
    await toestemmingen.locator('.status-label', { hasText: 'Ingetrokken' }).waitFor();
    await kmPage.locator('section[aria-labelledby=kandidaatprofiel-kop] .status-label', { hasText: 'Niet gepubliceerd' }).waitFor();
    await controleer(kmPage, 'dossier-ingetrokken');

    await wgPage.goto('/kandidaten?q=tuinen');
    await wachtOpKop(wgPage, 'Kandidaten zoeken');
    await wachtOpResultaten(wgPage, 'tuinen');
    expect(await wgPage.locator(`.profiel-kaart[data-publiek-id="${publiekId}"]`).count()).toBe(0);
    // Exactly this profile is gone (demo profiles about gardens remain).
    expect(tuinenTotaal).toBeGreaterThan(0);
    expect(await totaalGevonden(wgPage)).toBe(tuinenTotaal - 1);
    await controleer(wgPage, 'zoeken-niets');

    await wgPage.goto(`/kandidaten/${publiekId}`);
    await wachtOpKop(wgPage, `Kandidaat ${publiekId}`);
    await wgPage.locator('.utrecht-alert', { hasText: 'bestaat niet of is niet meer gepubliceerd' }).waitFor();
    expect(await wgPage.locator('.profiel-kaart').count()).toBe(0);
    await controleer(wgPage, 'profiel-weg');

    // The person reads, in plain words, that employers no longer see the profile; the preview stays.
    await iwPage.reload();
    await wachtOpKop(iwPage, 'Mijn profiel voor werkgevers');
    await iwPage.locator('section[aria-labelledby=publicatie-kop] .status-label', { hasText: 'Werkgevers kunnen uw profiel nu niet zien' }).waitFor();
    await iwPage.locator('section[aria-labelledby=voorbeeld-kop]').getByText('Dit zou een werkgever zien. Nu ziet nog geen werkgever uw profiel.').waitFor();
    await controleer(iwPage, 'eigen-profiel-ingetrokken');
  });

  it('vindt geen WCAG 2.1 AA-schendingen', () => {
    expect(Object.keys(schendingen).length).toBeGreaterThanOrEqual(14);
    expect(beschrijf(schendingen)).toBe('');
  });
});
