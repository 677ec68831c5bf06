import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createTestPlatform, type TestPlatform } from '../src/server/testing/harness.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIR = path.join(ROOT, 'dist', 'web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const WACHTWOORD = 'passend-demo';

/** Builds the web app when dist/web is missing (CI may run `npm test` without a build). */
export function zorgVoorBuild(): void {
  if (fs.existsSync(path.join(WEB_DIR, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

export interface Omgeving {
  platform: TestPlatform;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startOmgeving(): Promise<Omgeving> {
  zorgVoorBuild();
  const platform = await createTestPlatform({ webDir: WEB_DIR });
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  if (!address || typeof address === 'string') throw new Error('geen poort');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    platform,
    browser,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async close() {
      await browser.close().catch(() => undefined);
      await platform.close();
    },
  };
}

export async function nieuweContext(omgeving: Omgeving): Promise<BrowserContext> {
  const context = await omgeving.browser.newContext({ baseURL: omgeving.baseUrl, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  return context;
}

/** Waits until the page's h1 has the given text (the app renders one h1 per page). */
export async function wachtOpKop(page: Page, tekst: string | RegExp): Promise<void> {
  await page.locator('h1', { hasText: tekst }).first().waitFor({ state: 'visible' });
}

export async function inloggen(page: Page, gebruikersnaam: string, wachtwoord = WACHTWOORD): Promise<void> {
  await page.goto('/inloggen');
  await wachtOpKop(page, 'Inloggen');
  await page.fill('#veld-username', gebruikersnaam);
  await page.fill('#veld-password', wachtwoord);
  await page.click('button[type=submit]');
  await page.locator('h1').filter({ hasNotText: 'Inloggen' }).first().waitFor();
  await page.locator('button', { hasText: 'Uitloggen' }).waitFor();
}

export interface AxeSchending {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2.1 A + AA) on the current page; returns the violations. */
export async function axeControle(page: Page): Promise<AxeSchending[]> {
  const heeftAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') blocks an inline <script>.
  if (!heeftAxe) await page.evaluate(`${axe.source};void 0`);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }));
  });
}

export function beschrijf(schendingen: Record<string, AxeSchending[]>): string {
  return Object.entries(schendingen)
    .filter(([, v]) => v.length > 0)
    .map(([pagina, v]) => `${pagina}:\n${v.map((s) => `  - [${s.impact}] ${s.id}: ${s.help}\n${s.nodes.map((n) => `      ${n}`).join('\n')}`).join('\n')}`)
    .join('\n');
}

/** Optional screenshots for a human check: SCREENSHOTS=/tmp/passend npx vitest run --project e2e */
export async function schermafdruk(page: Page, naam: string): Promise<void> {
  const dir = process.env.SCREENSHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${naam}.png`), fullPage: true });
}
