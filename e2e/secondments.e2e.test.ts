import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navLink } from '../test/support/nav.ts';
import { startServerProcess } from '../test/support/server-process.ts';
import { ensureWebBuild } from '../test/support/web-build.ts';
import { chromiumPresent, launchChromium, signInAs } from '../test/support/browser.ts';

/**
 * A secondment in Chromium (issue 4): a PNP commander asks, from a comisaría's page, to lend one of its members to
 * another comisaría; a second PNP commander approves it on the secondments screen (four eyes); both units' pages then
 * show it in progress. The same unit page lists its equipment item by item, a radio with its modes and talkgroups.
 */

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'test-results');
const PASSWORD = 'enlace-demo-2026';
const REQUESTER = { username: 'pnp.comandante', password: PASSWORD };
const APPROVER = { username: 'pnp.comandante2', password: 'segundo-comandante-2026' };

const hasChromium = chromiumPresent('secondments');

describe.skipIf(!hasChromium)('secondments and the unit equipment list in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  let context: BrowserContext | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const pageErrors: string[] = [];

  /** A call to the API as the demo administrator (to add the second commander the demo does not have). */
  async function asAdmin(path: string, body: unknown): Promise<Response> {
    if (!server) throw new Error('setup did not complete');
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo.admin', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    return fetch(`${server.url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  }

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServerProcess({ seedDemo: true });
    const created = await asAdmin('/users', {
      username: APPROVER.username, displayName: 'Cmdte. PNP Segundo Comandante', password: APPROVER.password, agency: 'PNP', role: 'commander',
    });
    expect(created.status, await created.clone().text()).toBe(201);
    browser = await launchChromium();
    context = browser.context;
    mkdirSync(RESULTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(user: { username: string; password: string }): Promise<Page> {
    if (!context || !server) throw new Error('setup did not complete');
    const page = await signInAs(context, server.url, user.username, pageErrors, user.password);
    await navLink(page, 'Unidades');
    return page;
  }

  /** The id of a demo unit by its short name (searched: in CI the database holds other tests' units too). */
  const unitId = (page: Page, shortName: string): Promise<string> =>
    page.evaluate(async (name) => {
      const response = await fetch(`/api/v1/units?agency=PNP&limit=20&q=${encodeURIComponent(name)}`, { credentials: 'same-origin' });
      const body = (await response.json()) as { items: { id: string; shortName: string }[] };
      return body.items.find((u) => u.shortName === name)?.id ?? '';
    }, shortName);

  it('a commander requests a secondment, another approves it, and both unit pages show it; the equipment list shows a radio\'s modes', async () => {
    let page = await signIn(REQUESTER);
    const miraflores = await unitId(page, 'CPNP Miraflores');
    const zarate = await unitId(page, 'CPNP Zárate');
    expect(miraflores).not.toBe('');
    expect(zarate).not.toBe('');

    // The unit page links to its readiness page, and lists equipment item by item: a radio with its modes.
    await page.goto(`${server?.url}/units/${miraflores}`);
    await page.getByRole('link', { name: 'Alistamiento de la unidad' }).waitFor();
    const equipment = page.getByRole('region', { name: /Equipamiento por artículo/ });
    await equipment.getByLabel('Categoría').selectOption({ label: 'Radio' });
    // Filtered by category: the header and the one radio lot of the comisaría.
    await expect.poll(() => equipment.getByRole('row').count(), { timeout: 20_000 }).toBe(2);
    const radio = equipment.getByRole('row', { name: /Motorola APX 6000/ });
    await radio.getByText('Modos: P25, analog · grupos: PNP-LIMA-1, CCO-LIMA-CALLAO').waitFor();

    // Request: a member of the comisaría to CPNP Zárate, from today.
    const secondments = page.getByRole('region', { name: 'Comisiones de servicio' });
    await secondments.getByRole('button', { name: 'Solicitar comisión de servicio' }).click();
    const form = page.getByRole('form', { name: 'Solicitar comisión de servicio' });
    // The form's own check before anything is sent.
    await form.getByRole('button', { name: 'Solicitar' }).click();
    await form.getByText('Elija el efectivo.').waitFor();
    await form.getByLabel('Efectivo').selectOption({ index: 1 });
    // The destination is searched as the user types, without accents, and chosen with the keyboard.
    const destination = form.getByRole('combobox', { name: 'Unidad de destino' });
    await destination.fill('zarate san juan');
    const found = form.getByRole('listbox', { name: 'Unidad de destino' }).getByRole('option');
    await expect.poll(() => found.allInnerTexts()).toEqual([expect.stringContaining('Comisaría Zárate (San Juan de Lurigancho) (CPNP Zárate)')]);
    await form.screenshot({ path: join(RESULTS, 'unit-picker.png') });
    await destination.press('ArrowDown');
    await destination.press('Enter');
    await form.getByRole('listbox').waitFor({ state: 'hidden' });
    expect(await destination.inputValue()).toBe('Comisaría Zárate (San Juan de Lurigancho) (CPNP Zárate)');
    await form.getByLabel('Motivo').fill('Refuerzo por el estado de emergencia en San Juan de Lurigancho');
    await form.getByRole('button', { name: 'Solicitar' }).click();
    await secondments.getByText(/Solicitud registrada para .+; espera la aprobación de otro comandante\./).waitFor();
    const pending = secondments.getByRole('row', { name: /Por aprobar/ });
    await pending.waitFor();
    const personName = (await pending.getByRole('rowheader').textContent()) ?? '';
    expect(personName).not.toBe('');
    // Four eyes: the requester may cancel the request, not approve it.
    expect(await pending.getByRole('button', { name: 'Aprobar' }).count()).toBe(0);
    await pending.getByRole('button', { name: `Anular la comisión de ${personName}` }).waitFor();

    // A second commander approves it on the secondments screen.
    page = await signIn(APPROVER);
    await (await navLink(page, 'Comisiones de servicio')).click();
    await page.getByRole('heading', { name: '1 solicitud por resolver' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(personName) });
    await row.getByLabel('Observación (opcional)').fill('Aprobado por 30 días máximo');
    await row.getByRole('button', { name: `Aprobar la comisión de ${personName}` }).click();
    await page.getByText(`Comisión de ${personName} aprobada.`).waitFor();
    await page.getByRole('heading', { name: '0 solicitudes por resolver' }).waitFor();

    // Both units' pages show it in progress: lent out by Miraflores, received by Zárate.
    await page.goto(`${server?.url}/units/${miraflores}`);
    const lent = page.getByRole('region', { name: 'Comisiones de servicio' }).getByRole('row', { name: new RegExp(personName) });
    await lent.getByText('En curso').waitFor();
    await lent.getByText('Prestado a').waitFor();
    await lent.getByText('Aprobado por 30 días máximo').waitFor();
    await page.screenshot({ path: join(RESULTS, 'unit-secondments.png'), fullPage: true });
    await page.goto(`${server?.url}/units/${zarate}`);
    const received = page.getByRole('region', { name: 'Comisiones de servicio' }).getByRole('row', { name: new RegExp(personName) });
    await received.getByText('Recibido de').waitFor();
    await received.getByText('En curso').waitFor();
    // The unit and readiness pages link to each other.
    await page.getByRole('link', { name: 'Alistamiento de la unidad' }).click();
    await page.getByRole('heading', { name: 'Alistamiento', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Ficha de la unidad' }).click();
    await page.getByRole('region', { name: 'Comisiones de servicio' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/units/${zarate}`);

    expect(pageErrors).toEqual([]);
  });
});
