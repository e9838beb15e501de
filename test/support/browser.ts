import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); browser tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * The flags every browser test launches Chromium with: headless without a GPU (WebGL in software through
 * SwiftShader, so MapLibre renders) and without any network traffic of its own.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
] as const;

/** Whether Chromium is installed; when it is not, prints why the named browser tests are skipped. */
export function chromiumPresent(what: string): boolean {
  const present = existsSync(CHROMIUM);
  if (!present) console.warn(`[e2e] ${what} skipped: no Chromium at ${CHROMIUM}`);
  return present;
}

/** A Chromium with a fresh profile of its own; `close()` closes it and removes the profile. */
export async function launchChromium(viewport: { width: number; height: number } = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profileDir = mkdtempSync(join(tmpdir(), 'enlace-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, viewport, args: [...CHROMIUM_ARGS] });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** The password of every demo user (`npm start` prints it). */
export const DEMO_PASSWORD = 'enlace-demo-2026';

const watched = new WeakSet<Page>();

/**
 * The context's page, signed in through the login form as `username`; cookies are cleared first, so whoever was signed
 * in before is not any more. Uncaught errors of the page are collected in `errors`.
 */
export async function signInAs(context: BrowserContext, url: string, username: string, errors: string[], password: string = DEMO_PASSWORD): Promise<Page> {
  await context.clearCookies();
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  if (!watched.has(page)) {
    watched.add(page);
    page.on('pageerror', (error) => { errors.push(error.message); });
  }
  await page.goto(url);
  await page.getByLabel('Usuario').fill(username);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  return page;
}
