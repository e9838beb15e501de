import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

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
