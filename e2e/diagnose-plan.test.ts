import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../src/server/seed/demo.js';
import { as, login } from '../src/server/testing/harness.js';
import { type AxeSchending, axeControle, beschrijf, inloggen, nieuweContext, type Omgeving, schermafdruk, startOmgeving, wachtOpKop } from './helpers.js';

/** Brede diagnose and eigen plan: the inwoner fills in their own view and plan, the klantmanager responds and agrees. */

const PERSOON = stableId('persoon:0'); // inwoner.zwolle
const PLAN = {
  waarIkSta: 'Ik doe vrijwilligerswerk bij de voedselbank, twee ochtenden.',
  waarIkNaartoeWil: 'Betaald werk in een kwekerij, drie dagen per week.',
  watIkNodigHeb: 'Een rijbewijs en een jobcoach in het begin.',
  eersteStappen: 'Een proefdag bij de kwekerij.',
};
const REACTIE = 'Goed plan. Ik zoek een kwekerij met een proefplaats.';

let omgeving: Omgeving;
let naam: string;
const schendingen: Record<string, AxeSchending[]> = {};

async function controleer(p: Page, wat: string) {
  await p.waitForFunction(() => !document.querySelector('.laden'));
  await schermafdruk(p, `diagnose-${wat}`);
  schendingen[wat] = await axeControle(p);
}

beforeAll(async () => {
  omgeving = await startOmgeving();
  const km = await login(omgeving.platform.app, 'klantmanager.zwolle');
  const p = (await as(omgeving.platform.app, km)('GET', `/api/v1/personen/${PERSOON}`)).json();
  naam = [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
});

afterAll(async () => {
  await omgeving?.close();
});

describe('brede diagnose en eigen plan', () => {
  let inwonerCtx: BrowserContext;
  let kmCtx: BrowserContext;
  let inwoner: Page;
  let km: Page;

  beforeAll(async () => {
    inwonerCtx = await nieuweContext(omgeving);
    inwoner = await inwonerCtx.newPage();
    await inloggen(inwoner, 'inwoner.zwolle');
    kmCtx = await nieuweContext(omgeving);
    km = await kmCtx.newPage();
    await inloggen(km, 'klantmanager.zwolle');
  });

  afterAll(async () => {
    await inwonerCtx?.close();
    await kmCtx?.close();
  });

  it('the inwoner fills in their own view, one subject at a time', async () => {
    await wachtOpKop(inwoner, 'Mijn gegevens');
    await inwoner.locator('#diagnose-kop').waitFor();
    await inwoner.locator('#diagnose-naast-elkaar').waitFor();
    await controleer(inwoner, 'mijn-gegevens');

    await inwoner.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Hoe gaat het met mij' }).click();
    await wachtOpKop(inwoner, 'Hoe gaat het met mij');
    await inwoner.locator('h2', { hasText: 'Financiën' }).waitFor();
    expect(await inwoner.locator('.stap-teller').textContent()).toBe('Vraag 1 van 15');
    // The level descriptions are the choices, in the person's own words.
    expect(await inwoner.locator('fieldset label').count()).toBe(6);
    await controleer(inwoner, 'eigen-beeld-vraag');
    await inwoner.check('input[name=eigen-financien][value="4"]');
    await inwoner.locator('button', { hasText: 'Volgende vraag' }).click();
    await inwoner.locator('h2', { hasText: 'Werk en opleiding' }).waitFor();
    await inwoner.waitForFunction(() => document.activeElement?.tagName === 'H2');
    await inwoner.check('input[name=eigen-werk_opleiding][value="3"]');
    // Skip the other subjects.
    for (let vraag = 3; vraag <= 14; vraag++) {
      await inwoner.locator('button', { hasText: 'Volgende vraag' }).click();
      await inwoner.locator('.stap-teller', { hasText: `Vraag ${vraag} van 15` }).waitFor();
    }
    await inwoner.locator('h2', { hasText: 'Meedoen en werk' }).waitFor();
    await inwoner.check('input[name=eigen-ladder][value="4"]');
    await inwoner.check('input[name=eigen-motivatie][value="5"]');
    await inwoner.fill('#veld-motivatieTekst', 'Ik wil mijn eigen geld verdienen.');
    await controleer(inwoner, 'eigen-beeld-motivatie');
    await inwoner.locator('button', { hasText: 'Volgende vraag' }).click();
    await inwoner.locator('h2', { hasText: 'Over uzelf' }).waitFor();
    await inwoner.fill('#veld-sterkePunten', 'Ik ben altijd op tijd.');
    await inwoner.locator('button', { hasText: 'Klaar: versturen' }).click();
    await inwoner.locator('h2', { hasText: 'Dank u wel' }).waitFor();
    await controleer(inwoner, 'eigen-beeld-klaar');
  });

  it('the inwoner writes a plan and sends it to the klantmanager', async () => {
    await inwoner.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Mijn plan' }).click();
    await wachtOpKop(inwoner, 'Mijn plan');
    // The agreed demo plan is shown; changing it starts a new version.
    await inwoner.locator('#afgesproken-kop', { hasText: 'versie 1' }).waitFor();
    await controleer(inwoner, 'mijn-plan');
    // Submitting empty questions shows the error summary.
    for (const k of Object.keys(PLAN)) await inwoner.fill(`#veld-${k}`, '');
    await inwoner.locator('button[type=submit]', { hasText: 'Klaar: stuur naar mijn klantmanager' }).click();
    await inwoner.locator('.fout-overzicht', { hasText: 'Waar sta ik nu?' }).waitFor();
    await controleer(inwoner, 'mijn-plan-fouten');
    for (const [k, v] of Object.entries(PLAN)) await inwoner.fill(`#veld-${k}`, v);
    await inwoner.locator('button[type=submit]', { hasText: 'Klaar: stuur naar mijn klantmanager' }).click();
    await inwoner.locator('.utrecht-alert', { hasText: 'Uw plan is verstuurd' }).waitFor();
    expect(await inwoner.locator('.utrecht-data-list__item', { hasText: 'Stand' }).locator('dd').textContent()).toBe(
      'Wacht op een reactie van de professional',
    );
  });

  it('the klantmanager sees both views side by side with the chart, and records a diagnose', async () => {
    await km.goto(`/personen/${PERSOON}`);
    await wachtOpKop(km, naam);
    const rij = km.locator('#diagnose-naast-elkaar tr[data-leefgebied=financien]');
    await rij.waitFor();
    expect(await rij.locator('.cel-persoon').textContent()).toContain('4');
    expect(await rij.locator('.cel-professional').textContent()).toContain('3');
    // The charts have a text alternative, and the numbers are in a table.
    expect(await km.locator('figure.verloop-grafiek').count()).toBeGreaterThanOrEqual(4);
    const desc = await km.locator('figure.verloop-grafiek', { hasText: 'Financiën' }).locator('desc').textContent();
    expect(desc).toContain('Eigen beeld: 2 op 12 mei 2026, 3 op 20 oktober 2026, 4 op');
    await km.locator('summary', { hasText: 'De cijfers als tabel' }).click();
    expect(await km.locator('#verloop-tabel tbody tr').count()).toBe(15);
    await controleer(km, 'dossier');

    await km.locator('a', { hasText: 'Diagnose vastleggen' }).click();
    await wachtOpKop(km, 'Brede diagnose vastleggen');
    await controleer(km, 'invoer');
    await km.selectOption('#veld-lg-financien', '4');
    await km.selectOption('#veld-participatieladder', '4');
    await km.locator('button[type=submit]', { hasText: 'Diagnose opslaan' }).click();
    await wachtOpKop(km, naam);
    const rij2 = km.locator('#diagnose-naast-elkaar tr[data-leefgebied=financien]');
    await rij2.waitFor();
    expect(await rij2.locator('.cel-professional').textContent()).toContain('4');
  });

  it('the klantmanager responds to the plan and agrees', async () => {
    await km.goto(`/personen/${PERSOON}/plan`);
    await wachtOpKop(km, `Eigen plan van ${naam}`);
    await km.locator('.plan-tekst', { hasText: PLAN.waarIkNaartoeWil }).waitFor();
    await km.fill('#veld-reactie-waarIkNaartoeWil', REACTIE);
    await km.locator('button[type=submit]', { hasText: 'Reactie versturen' }).click();
    await km.locator('.utrecht-alert', { hasText: 'Uw reactie is opgeslagen' }).waitFor();
    await km.locator('.plan-reactie', { hasText: REACTIE }).waitFor();
    await km.locator('button', { hasText: 'Akkoord met dit plan' }).click();
    await km.locator('.utrecht-alert', { hasText: 'Nu wacht het plan op de persoon' }).waitFor();
    await controleer(km, 'plan-professional');
  });

  it('the inwoner sees the response, agrees, and then sees the agreed version', async () => {
    await inwoner.goto('/mijn-gegevens/plan');
    await wachtOpKop(inwoner, 'Mijn plan');
    await inwoner.locator('.plan-reactie', { hasText: REACTIE }).waitFor();
    await inwoner.locator('button', { hasText: 'Ik ga akkoord met mijn plan' }).click();
    await inwoner.locator('.utrecht-alert', { hasText: 'Het plan is afgesproken' }).waitFor();
    const afgesproken = inwoner.locator('section[aria-labelledby=afgesproken-kop]');
    await afgesproken.locator('h2', { hasText: 'Ons afgesproken plan (versie 2)' }).waitFor();
    expect(await afgesproken.textContent()).toContain(PLAN.waarIkNaartoeWil);
    expect(await afgesproken.textContent()).toContain(REACTIE);
    // The earlier version stays readable.
    await inwoner.locator('button', { hasText: 'Versie 1, afgesproken op' }).click();
    await inwoner.locator('h3', { hasText: 'Versie 1' }).waitFor();
    await controleer(inwoner, 'plan-afgesproken');
  });

  it('axe finds no WCAG 2.1 AA violation on any screen', () => {
    expect(Object.keys(schendingen).length).toBeGreaterThanOrEqual(10);
    expect(beschrijf(schendingen)).toBe('');
  });
});
