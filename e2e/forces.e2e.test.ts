import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../test/support/server-process.ts';
import { ensureWebBuild } from '../test/support/web-build.ts';

/**
 * The readiness screens of issue 4 in Chromium: a commander opens a unit's readiness page (gauges, C-level, the
 * override refused without a remark), the national view (map by department, table by region and force) and the
 * training calendar. Screenshots go to test-results/.
 */

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'test-results');
const COMMANDER = { username: 'pnp.comandante', password: 'enlace-demo-2026' };

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[e2e] forces skipped: no Chromium at ${CHROMIUM}`);



describe.skipIf(!hasChromium)('forces, readiness and training screens in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  let context: BrowserContext | undefined;
  let profileDir: string | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServerProcess({ seedDemo: true });
    profileDir = mkdtempSync(join(tmpdir(), 'enlace-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-unsafe-swiftshader',
      ],
    });
    mkdirSync(RESULTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  async function signIn(): Promise<Page> {
    if (!context || !server) throw new Error('setup did not complete');
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => { pageErrors.push(error.message); });
    await page.goto(server.url);
    await page.getByLabel('Usuario').fill(COMMANDER.username);
    await page.getByLabel('Contraseña').fill(COMMANDER.password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Alistamiento' }).waitFor();
    return page;
  }

  /** The readable unit with the most members among those whose readiness is stored (the demo seed computes them). */
  async function unitWithMembers(page: Page): Promise<string> {
    return page.evaluate(async () => {
      const response = await fetch('/api/v1/readiness/units?limit=200', { credentials: 'same-origin' });
      const body = (await response.json()) as { items?: { unitId: string; members: number }[] };
      const best = [...(body.items ?? [])].sort((a, b) => b.members - a.members)[0];
      if (best) return best.unitId;
      const units = (await (await fetch('/api/v1/units?limit=1', { credentials: 'same-origin' })).json()) as { items?: { id: string }[] };
      return units.items?.[0]?.id ?? '';
    });
  }

  it('shows a unit\'s readiness gauges, refuses an override without a remark, the national view, the calendar and a certificate', async () => {
    const page = await signIn();
    const unitId = await unitWithMembers(page);
    expect(unitId).not.toBe('');

    // Unit page: compute readiness when it was never computed, then the four gauges and the C-level.
    await page.goto(`${server?.url}/readiness/units/${unitId}`);
    await page.getByRole('heading', { name: 'Alistamiento', exact: true }).waitFor();
    const gauges = page.getByRole('list', { name: 'Pilares del alistamiento' });
    const compute = page.getByRole('button', { name: 'Recalcular alistamiento' });
    await Promise.race([gauges.waitFor(), page.getByText('aún no se ha calculado').waitFor()]);
    if (!(await gauges.isVisible())) await compute.click();
    await gauges.waitFor();
    expect(await gauges.getByRole('listitem').count()).toBe(4);
    for (const pillar of ['Personal calificado', 'Equipo disponible', 'Equipo operativo', 'Tareas esenciales entrenadas']) {
      await gauges.getByText(pillar).waitFor();
    }
    await page.locator('.c-level-value').getByText(/^C[1-5]$/).waitFor();
    await page.getByRole('heading', { name: 'Tareas esenciales de la misión' }).waitFor();
    await page.getByRole('heading', { name: 'Qué falta para el siguiente nivel' }).waitFor();

    // The override form refuses a level without a written remark, before anything is sent.
    const overrideRequests: string[] = [];
    page.on('request', (request) => { if (request.url().includes('/readiness/override')) overrideRequests.push(request.url()); });
    await page.getByRole('button', { name: 'Registrar modificación' }).click();
    await page.getByRole('alert').getByText('requiere una observación escrita').waitFor();
    expect(overrideRequests).toEqual([]);
    await page.screenshot({ path: join(RESULTS, 'forces-unit-readiness.png'), fullPage: true });

    // National view: the map of departments and the table by department and force.
    await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Alistamiento' }).click();
    await page.getByRole('heading', { name: 'Alistamiento nacional' }).waitFor();
    await page.getByRole('region', { name: 'Mapa del alistamiento por departamento' }).waitFor();
    await page.getByRole('heading', { name: 'Alistamiento por departamento y fuerza' }).waitFor();
    await page.getByRole('heading', { name: 'Certificados por vencer' }).waitFor();
    // The department boundaries reach the map (25 departments of the reference geography).
    await page.waitForFunction(
      () => (window.enlaceMaps?.get('readiness')?.queryRenderedFeatures({ layers: ['readiness-departments:fill'] }).length ?? 0) > 0,
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(1000); // let the canvas paint before the screenshot
    await page.screenshot({ path: join(RESULTS, 'forces-national.png'), fullPage: true });

    // Training calendar.
    await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Capacitación' }).click();
    await page.getByRole('heading', { name: 'Calendario de capacitación' }).waitFor();
    // Next month: every session the API lists as starting in that month is on the grid.
    await page.getByRole('button', { name: 'Siguiente' }).click();
    const nextMonth = await page.evaluate(async () => {
      const lima = new Date(Date.now() - 5 * 3_600_000);
      const month = new Date(Date.UTC(lima.getUTCFullYear(), lima.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
      const response = await fetch('/api/v1/training/sessions?limit=1000', { credentials: 'same-origin' });
      const body = (await response.json()) as { items: { title: string; startsOn: string }[] };
      return body.items.filter((s) => s.startsOn.startsWith(month)).map((s) => s.title);
    });
    for (const title of nextMonth) await page.locator('.calendar-month li.session', { hasText: title }).first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'forces-training-calendar.png'), fullPage: true });
    await page.getByRole('button', { name: 'Semana' }).click();
    await page.getByRole('button', { name: 'Semana' }).and(page.locator('[aria-pressed="true"]')).waitFor();

    // A certificate: its QR code (drawn by the server) and the link to the public verification page.
    const certificateId = await page.evaluate(async () => {
      const response = await fetch('/api/v1/certificates?limit=1', { credentials: 'same-origin' });
      const body = (await response.json()) as { items?: { id: string }[] };
      return body.items?.[0]?.id ?? '';
    });
    expect(certificateId).not.toBe('');
    await page.goto(`${server?.url}/training/certificates/${certificateId}`);
    const qr = page.getByRole('img', { name: 'Código QR de la página pública de verificación' });
    await qr.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.certificate-qr img');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    const verifyHref = await page.getByRole('link', { name: 'Abrir la página pública de verificación' }).getAttribute('href');
    expect(verifyHref).toMatch(/^\/verify\/[A-Z2-7]{26}$/);
    await page.screenshot({ path: join(RESULTS, 'forces-certificate.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
  });

  it('runs a hot-spot analysis of the synthetic Lima incidents and draws the result with its legend', async () => {
    // The commander is still signed in from the test above (same browser context).
    const page = context?.pages()[0] ?? (await signIn());
    await page.goto(`${server?.url}/analysis`);
    await page.getByRole('button', { name: 'Calcular' }).first().click();
    const legend = page.getByLabel('Leyenda');
    await legend.waitFor({ timeout: 60_000 });
    expect((await legend.textContent())?.length ?? 0).toBeGreaterThan(0);
    await page.screenshot({ path: join(RESULTS, 'analysis-hotspot.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
