import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../src/server/seed/demo.js';
import { as, login } from '../src/server/testing/harness.js';
import { type AxeSchending, axeControle, beschrijf, inloggen, nieuweContext, type Omgeving, schermafdruk, startOmgeving, wachtOpKop } from './helpers.js';

/** Contact through the professional: werkgever asks → klantmanager records yes → werkgever sees the contact details. */

const KANDIDAAT = { voornaam: 'Ilse', achternaam: 'Browsertest', telefoon: '06 1234 9876', email: 'ilse.browsertest@voorbeeld.nl' };

let omgeving: Omgeving;
let publiekId: string;
const schendingen: Record<string, AxeSchending[]> = {};

async function controleer(p: Page, naam: string) {
  await p.waitForFunction(() => !document.querySelector('.laden'));
  await schermafdruk(p, `contact-${naam}`);
  schendingen[naam] = await axeControle(p);
}

beforeAll(async () => {
  omgeving = await startOmgeving();
  // A fresh Zwolle candidate with a published profile and an assigned klantmanager (set up through the API).
  const app = omgeving.platform.app;
  const api = as(app, await login(app, 'klantmanager.zwolle'));
  const persoon = await api('POST', '/api/v1/personen', { ...KANDIDAAT, geboortedatum: '1998-03-02', gemeenteId: stableId('org:zwolle') });
  expect(persoon.statusCode, persoon.body).toBe(201);
  const id = persoon.json().id as string;
  const profiel = await api('PUT', `/api/v1/personen/${id}/kandidaatprofiel`, {
    wensen: 'Ik werk graag met brood en gebak, vroeg in de ochtend.',
    kwaliteiten: 'Secuur, rustig en altijd op tijd.',
    sectoren: ['horeca'],
    gewensteFuncties: ['Medewerker bakkerij'],
    opleidingsniveau: 'entree',
    urenMin: 16,
    urenMax: 24,
  });
  expect(profiel.statusCode, profiel.body).toBe(200);
  publiekId = profiel.json().zoalsWerkgeverZiet.publiekId;
  expect((await api('POST', `/api/v1/personen/${id}/toestemmingen`, { doel: 'kandidaatprofiel', vastgelegdVia: 'schriftelijk' })).statusCode).toBe(201);
  const tw = await api('POST', `/api/v1/personen/${id}/toewijzingen`, { gebruikerId: stableId('gebruiker:klantmanager.zwolle'), rol: 'klantmanager' });
  expect(tw.statusCode, tw.body).toBeLessThan(300);
});

afterAll(async () => {
  await omgeving?.close();
});

describe('contact via de professional', () => {
  let werkgever: BrowserContext;
  let klantmanager: BrowserContext;
  let wg: Page;
  let km: Page;

  beforeAll(async () => {
    werkgever = await nieuweContext(omgeving);
    klantmanager = await nieuweContext(omgeving);
    wg = await werkgever.newPage();
    km = await klantmanager.newPage();
    await inloggen(wg, 'werkgever.bakkerij-van-der-veen');
    await inloggen(km, 'klantmanager.zwolle');
  });
  afterAll(async () => {
    await werkgever?.close();
    await klantmanager?.close();
  });

  it('werkgever vraagt contact aan; zonder invulling eerst een foutmelding', async () => {
    await wg.goto(`/kandidaten/${publiekId}`);
    await wachtOpKop(wg, `Kandidaat ${publiekId}`);
    await wg.locator('#contact-aanvragen-kop').waitFor();
    await controleer(wg, 'profiel-met-formulier');
    await wg.locator('button[type=submit]', { hasText: 'Contact aanvragen' }).click();
    await wg.locator('.fout-overzicht').waitFor();
    expect(await wg.locator('#veld-bericht').getAttribute('aria-invalid')).toBe('true');
    await controleer(wg, 'formulier-met-fouten');

    await wg.fill('#veld-functie', 'Medewerker bakkerij');
    await wg.fill('#veld-bericht', 'Wij zoeken een collega voor de vroege ochtend in onze bakkerij in Zwolle. Een vaste collega begeleidt.');
    await wg.fill('#veld-urenPerWeek', '20');
    await wg.locator('button[type=submit]', { hasText: 'Contact aanvragen' }).click();
    await wg.locator('.utrecht-alert', { hasText: 'Uw contactverzoek is verstuurd' }).waitFor();
    await controleer(wg, 'verstuurd');

    await wg.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Mijn contactverzoeken' }).click();
    await wachtOpKop(wg, 'Mijn contactverzoeken');
    const rij = wg.locator('tr', { hasText: publiekId });
    await rij.waitFor();
    expect(await rij.textContent()).toContain('In behandeling');
    expect(await wg.locator('main').textContent()).not.toContain(KANDIDAAT.achternaam);
    await controleer(wg, 'mijn-contactverzoeken');
  });

  it('klantmanager ziet de taak in de werklijst en legt ja vast', async () => {
    await km.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Werklijst' }).click();
    await wachtOpKop(km, 'Werklijst');
    const taak = km.locator('li.taak', { hasText: publiekId });
    await taak.waitFor();
    expect(await taak.textContent()).toContain(`${KANDIDAAT.voornaam} ${KANDIDAAT.achternaam}`);
    await controleer(km, 'werklijst');

    await taak.locator('a', { hasText: 'Contactverzoek openen' }).click();
    await wachtOpKop(km, `Contactverzoek over ${publiekId}`);
    await km.locator('#veld-antwoord').waitFor();
    await controleer(km, 'verzoek-professional');
    await km.check('#veld-antwoord'); // ja
    await km.locator('#veld-delen-telefoon').waitFor();
    expect(await km.isChecked('#veld-delen-telefoon')).toBe(true);
    await km.fill('#veld-toelichting', 'Gebeld: wil graag kennismaken.');
    await controleer(km, 'antwoord-ja');
    await km.locator('button[type=submit]', { hasText: 'Antwoord vastleggen' }).click();
    await km.locator('.utrecht-alert', { hasText: 'Het antwoord is vastgelegd' }).waitFor();
    expect(await km.locator('main').textContent()).toContain('Ja: contactgegevens gedeeld');
    await controleer(km, 'antwoord-vastgelegd');

    // The task left the open worklist.
    await km.locator('a', { hasText: 'Terug naar de werklijst' }).click();
    await wachtOpKop(km, 'Werklijst');
    await km.waitForFunction(() => !document.querySelector('.laden'));
    expect(await km.locator('li.taak', { hasText: publiekId }).count()).toBe(0);
  });

  it('werkgever ziet nu de contactgegevens (alleen de gedeelde)', async () => {
    await wg.reload();
    await wachtOpKop(wg, 'Mijn contactverzoeken');
    await wg.locator('tr', { hasText: publiekId }).locator('a').click();
    await wachtOpKop(wg, `Contactverzoek over ${publiekId}`);
    const antwoord = wg.locator('section[aria-labelledby=antwoord-kop]');
    await antwoord.locator('dd', { hasText: KANDIDAAT.telefoon }).waitFor();
    const tekst = (await antwoord.textContent()) ?? '';
    expect(tekst).toContain(`${KANDIDAAT.voornaam} ${KANDIDAAT.achternaam}`);
    expect(tekst).not.toContain(KANDIDAAT.email);
    expect(await wg.locator('main').textContent()).not.toContain('Gebeld: wil graag kennismaken');
    await controleer(wg, 'contactgegevens');
  });

  it('onvolledige profielen en reactietijden', async () => {
    await km.goto('/werklijst');
    await wachtOpKop(km, 'Werklijst');
    await km.locator('nav[aria-label="Onderdelen van de werklijst"] a', { hasText: 'Onvolledige profielen' }).click();
    await wachtOpKop(km, 'Onvolledige profielen');
    await km.locator('table tbody tr').first().waitFor();
    await controleer(km, 'onvolledige-profielen');

    await km.locator('nav[aria-label=Hoofdmenu] a', { hasText: 'Reactietijden' }).click();
    await wachtOpKop(km, 'Reactietijden contactverzoeken');
    await km.locator('figure.reactietijd-grafiek svg[role=img]').waitFor();
    expect(await km.locator('table', { hasText: 'niet getoond' }).count()).toBe(1); // small gemeenten are suppressed
    await controleer(km, 'reactietijden');
  });

  it('axe vindt geen WCAG 2.1 AA-schendingen', () => {
    expect(Object.keys(schendingen).length).toBeGreaterThanOrEqual(10);
    expect(beschrijf(schendingen)).toBe('');
  });
});
