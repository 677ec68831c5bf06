import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, login } from '../src/server/testing/harness.js';
import { type AxeSchending, axeControle, beschrijf, inloggen, nieuweContext, type Omgeving, schermafdruk, startOmgeving, wachtOpKop } from './helpers.js';

/** Screens of the toolkit: loonkostensubsidie calculator, jobcoaching in the dossier, gemeente beleid. */

interface Persoon {
  id: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  status: string;
  gemeente: { id: string; naam: string };
}

const naam = (p: Persoon) => [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
/** "€ 1.088,26" → 1088.26 */
const alsBedrag = (tekst: string) => Number(tekst.replace(/[^\d,]/g, '').replace(',', '.'));

const LKS_INVOER = { peildatum: '2026-07-01', loonwaarde: 60, urenPerWeek: 32 };
const BELEID_UREN = 60;

let omgeving: Omgeving;
let doel: Persoon;
let lksApi: { maandbedrag: number; jaarbedrag: number; stappen: unknown[]; parameters: { bron: string }[] };
const schendingen: Record<string, AxeSchending[]> = {};

async function controleer(p: Page, naam: string) {
  await p.waitForFunction(() => !document.querySelector('.laden'));
  await schermafdruk(p, `toolkit-${naam}`);
  schendingen[naam] = await axeControle(p);
}

/** WCAG 1.4.10 reflow: at 320 CSS pixels wide the page does not scroll sideways (wide tables scroll in their own box). */
async function pastOpSmalScherm(p: Page): Promise<boolean> {
  await p.setViewportSize({ width: 320, height: 800 });
  const past = await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  await p.setViewportSize({ width: 1280, height: 900 });
  return past;
}

beforeAll(async () => {
  omgeving = await startOmgeving();
  const sessie = await login(omgeving.platform.app, 'klantmanager.zwolle');
  const api = as(omgeving.platform.app, sessie);
  const personen = await api('GET', '/api/v1/personen?paginaGrootte=100');
  expect(personen.statusCode).toBe(200);
  doel = (personen.json().resultaten as Persoon[]).find((p) => p.gemeente.naam === 'Gemeente Zwolle' && p.status !== 'afgesloten')!;
  expect(doel).toBeTruthy();
  const lks = await api('POST', '/api/v1/loonkostensubsidie/berekeningen', LKS_INVOER);
  expect(lks.statusCode).toBe(200);
  lksApi = lks.json();
});

afterAll(async () => {
  await omgeving?.close();
});

describe('toolkit', () => {
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

  it('klantmanager berekent loonkostensubsidie en ziet hetzelfde maandbedrag als de API', async () => {
    const nav = page.locator('nav[aria-label=Hoofdmenu]');
    expect(await nav.locator('a', { hasText: 'Beleid jobcoaching' }).count()).toBe(0);
    await nav.locator('a', { hasText: 'Loonkostensubsidie' }).click();
    await wachtOpKop(page, 'Loonkostensubsidie berekenen');
    await controleer(page, 'lks-formulier');

    // Submitting without the required numbers shows the error summary, which gets focus.
    await page.locator('button[type=submit]', { hasText: 'Bereken loonkostensubsidie' }).click();
    await page.locator('.fout-overzicht', { hasText: 'Loonwaarde' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('fout-overzicht'));
    expect(await page.locator('#veld-urenPerWeek').getAttribute('aria-invalid')).toBe('true');
    await controleer(page, 'lks-met-fouten');

    await page.fill('#veld-peildatum', LKS_INVOER.peildatum);
    await page.fill('#veld-loonwaarde', String(LKS_INVOER.loonwaarde));
    await page.fill('#veld-urenPerWeek', String(LKS_INVOER.urenPerWeek));
    await page.press('#veld-urenPerWeek', 'Enter');
    await page.locator('#lks-maandbedrag').waitFor();
    expect(alsBedrag((await page.locator('#lks-maandbedrag').textContent()) ?? '')).toBe(lksApi.maandbedrag);
    expect(alsBedrag((await page.locator('#lks-jaarbedrag').textContent()) ?? '')).toBe(lksApi.jaarbedrag);
    // Focus moves to the result.
    await page.waitForFunction(() => document.activeElement?.id === 'uitkomst-kop');
    // Every step, and every parameter with its source.
    expect(await page.locator('section[aria-labelledby=stappen-kop] tbody tr').count()).toBe(lksApi.stappen.length);
    const bronnen = await page.locator('section[aria-labelledby=parameters-kop] tbody td.bron').allTextContents();
    expect(bronnen).toEqual(lksApi.parameters.map((p) => p.bron));
    expect(await page.locator('section[aria-labelledby=parameters-kop] table').textContent()).toContain('1 januari 2026');
    await controleer(page, 'lks-uitkomst');
    expect(await pastOpSmalScherm(page)).toBe(true);
  });

  it('beleidsmedewerker legt het beleid van de gemeente vast', async () => {
    const ctx = await nieuweContext(omgeving);
    const p = await ctx.newPage();
    await inloggen(p, 'beleidsmedewerker.zwolle');
    await wachtOpKop(p, /Welkom/);
    await p.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Beleid jobcoaching' }).click();
    await wachtOpKop(p, 'Beleid jobcoaching');
    await p.locator('#veld-bron').waitFor();
    await controleer(p, 'beleid');

    await p.fill('#veld-jobcoachMaxUrenPerHalfjaar', 'veel');
    await p.locator('button[type=submit]', { hasText: 'Beleid opslaan' }).click();
    await p.locator('.fout-overzicht', { hasText: 'Bron' }).waitFor();
    expect(await p.locator('.fout-overzicht').textContent()).toContain('Hoogstens uren per half jaar');
    await controleer(p, 'beleid-met-fouten');

    await p.fill('#veld-jobcoachMaxUrenPerHalfjaar', String(BELEID_UREN));
    await p.fill('#veld-jobcoachMaxDuurJaren', '3');
    await p.fill('#veld-bron', 'Beleidsregels re-integratie Zwolle 2026, artikel 12');
    await p.locator('button[type=submit]', { hasText: 'Beleid opslaan' }).click();
    await p.locator('.utrecht-alert', { hasText: 'Het beleid is opgeslagen' }).waitFor();
    const uren = p.locator('.utrecht-data-list__item', { hasText: 'Hoogstens uren per half jaar' }).locator('dd');
    expect(await uren.textContent()).toBe(`${BELEID_UREN} uur`);
    await controleer(p, 'beleid-opgeslagen');
    expect(await pastOpSmalScherm(p)).toBe(true);

    // The API agrees.
    const sessie = await login(omgeving.platform.app, 'beleidsmedewerker.zwolle');
    const b = await as(omgeving.platform.app, sessie)('GET', `/api/v1/gemeenten/${doel.gemeente.id}/beleid`);
    expect(b.json()).toMatchObject({ jobcoachMaxUrenPerHalfjaar: BELEID_UREN, jobcoachMaxDuurJaren: 3 });
    await ctx.close();
  });

  it('klantmanager beoordeelt jobcoaching in het dossier en ziet regime, begrenzing en brieven', async () => {
    await page.goto(`/personen/${doel.id}`);
    await wachtOpKop(page, naam(doel));
    await page.locator('#jobcoaching-kop').waitFor();
    await page.locator('p', { hasText: 'Er is nog geen beoordeling van jobcoaching gemaakt' }).waitFor();
    await page.locator('button', { hasText: 'Jobcoaching beoordelen' }).click();
    await page.locator('#jc-formulier-kop').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'jc-formulier-kop');
    await page.locator('.formulier', { hasText: `Beleid van ${doel.gemeente.naam}: hoogstens ${BELEID_UREN} uur` }).waitFor();
    await controleer(page, 'jobcoaching-formulier');

    // Without answers, and deviating without a reason: the error summary names every question.
    await page.check('#veld-jc-afwijken');
    await page.locator('button[type=submit]', { hasText: 'Beoordeling maken' }).click();
    const overzicht = page.locator('.fout-overzicht');
    await overzicht.waitFor();
    for (const tekst of ['Uren per week', 'Werkomgeving', 'Werkervaring', 'Reden van afwijken']) expect(await overzicht.textContent()).toContain(tekst);
    await controleer(page, 'jobcoaching-met-fouten');
    await page.uncheck('#veld-jc-afwijken');

    await page.fill('#veld-jc-peildatum', '2026-07-01');
    await page.fill('#veld-jc-uren', '24');
    // Highest need on every question: the last option. The last one by keyboard (arrow keys move the choice).
    for (const begrip of ['aard_beperking', 'taakcomplexiteit', 'werkomgeving', 'leervermogen', 'natuurlijke_steun', 'communicatie_en_gedrag']) {
      await page.check(`#veld-jc-${begrip}-4`);
    }
    await page.focus('#veld-jc-werkervaring');
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('#veld-jc-werkervaring-4')).toBe(true);
    await page.locator('.advies-nu', { hasText: 'regime intensief (score 21 van 21)' }).waitFor();

    await page.locator('button[type=submit]', { hasText: 'Beoordeling maken' }).click();
    const uitkomst = page.locator('.beoordeling-nieuw');
    await uitkomst.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'jc-uitkomst-kop');
    expect(await uitkomst.locator('.jc-regime').textContent()).toBe('Intensief');
    // 24 h × 26 weeks × 15% = 93,6 h, capped by the gemeente's policy.
    expect(await uitkomst.locator('.jc-uren').textContent()).toBe(`${BELEID_UREN} uur`);
    expect(await uitkomst.locator('.utrecht-data-list__item', { hasText: 'Begrensd door het beleid' }).locator('dd').textContent()).toContain('93,6');
    expect(await uitkomst.locator('.jc-evaluatie').textContent()).toBe('1 januari 2027');
    expect(await uitkomst.locator('table tbody tr').count()).toBe(7);
    const persoonBrief = uitkomst.locator('.brief', { hasText: 'Brief aan de persoon' });
    expect(await persoonBrief.textContent()).toContain(`Beste ${naam(doel)},`);
    expect(await persoonBrief.textContent()).toContain(`${BELEID_UREN} uur per half jaar`);
    const werkgeverBrief = uitkomst.locator('.brief', { hasText: 'Brief aan de werkgever' });
    expect(await werkgeverBrief.textContent()).toContain('Geachte werkgever');
    expect(await werkgeverBrief.textContent()).toContain('begrensd door het beleid');
    expect(await uitkomst.locator('button', { hasText: 'Afdrukken' }).count()).toBe(2);
    await controleer(page, 'jobcoaching-uitkomst');
    expect(await pastOpSmalScherm(page)).toBe(true);

    // Listed among the earlier assessments, also after reloading the page.
    await page.reload();
    await wachtOpKop(page, naam(doel));
    const eerder = page.locator('details.beoordeling').first();
    await eerder.locator('summary', { hasText: 'regime intensief' }).waitFor();
    await eerder.locator('summary').click();
    await eerder.locator('.brief', { hasText: 'Brief aan de werkgever' }).waitFor();
    await controleer(page, 'jobcoaching-eerdere');
  });

  it('een jobcoach ziet de beoordelingen maar kan niet beoordelen; een school ziet geen jobcoaching', async () => {
    const ctx = await nieuweContext(omgeving);
    const p = await ctx.newPage();
    await inloggen(p, 'jobcoach.zwolle');
    await p.goto(`/personen/${doel.id}`);
    await wachtOpKop(p, naam(doel));
    await p.locator('details.beoordeling summary', { hasText: 'regime intensief' }).waitFor();
    expect(await p.locator('button', { hasText: 'Jobcoaching beoordelen' }).count()).toBe(0);
    await ctx.close();

    const school = await nieuweContext(omgeving);
    const s = await school.newPage();
    await inloggen(s, 'school.praktijkschool-de-boog');
    expect(await s.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Loonkostensubsidie' }).count()).toBe(0);
    await s.goto('/loonkostensubsidie');
    await wachtOpKop(s, 'Geen toegang');
    await school.close();
  });

  it('de inwoner ziet de eigen jobcoaching en de brief in eenvoudige taal', async () => {
    const inwoner = await login(omgeving.platform.app, 'inwoner.zwolle');
    const persoonId = inwoner.gebruiker.persoonId!;
    const km = await login(omgeving.platform.app, 'klantmanager.zwolle');
    const res = await as(omgeving.platform.app, km)('POST', `/api/v1/personen/${persoonId}/jobcoach-beoordelingen`, {
      peildatum: '2026-07-01',
      urenPerWeek: 20,
      begeleidingsjaar: 1,
      antwoorden: {
        aard_beperking: 'enigszins',
        taakcomplexiteit: 'enkele_wisselingen',
        werkomgeving: 'soms_druk',
        leervermogen: 'met_herhaling',
        natuurlijke_steun: 'redelijk',
        communicatie_en_gedrag: 'af_en_toe',
        werkervaring: 'enige',
      },
    });
    expect(res.statusCode).toBe(201);

    const ctx = await nieuweContext(omgeving);
    const p = await ctx.newPage();
    await inloggen(p, 'inwoner.zwolle');
    await wachtOpKop(p, 'Mijn gegevens');
    await p.locator('#jobcoaching-kop', { hasText: 'Hulp van een jobcoach' }).waitFor();
    const samenvatting = p.locator('details.beoordeling summary', { hasText: 'uur hulp per half jaar' });
    await samenvatting.focus();
    await p.keyboard.press('Enter');
    const brief = p.locator('details.beoordeling .brief', { hasText: 'Uw brief' });
    await brief.waitFor();
    expect(await brief.textContent()).toContain('U krijgt hulp van een jobcoach op uw werk.');
    // The person sees their own letter, not the form or the employer's letter.
    expect(await p.locator('button', { hasText: 'Jobcoaching beoordelen' }).count()).toBe(0);
    expect(await p.locator('.brief', { hasText: 'Geachte werkgever' }).count()).toBe(0);
    await controleer(p, 'jobcoaching-inwoner');
    await ctx.close();
  });

  it('elk nieuw scherm voldoet aan WCAG 2.1 AA (axe-core)', () => {
    expect(Object.keys(schendingen).length).toBeGreaterThanOrEqual(11);
    expect(beschrijf(schendingen), 'axe-core vond WCAG 2.1 AA-schendingen').toBe('');
  });
});
