import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../test/support/server-process.ts';
import { ensureWebBuild } from '../test/support/web-build.ts';
import { navLink } from '../test/support/nav.ts';
import { chromiumPresent, launchChromium, signInAs } from '../test/support/browser.ts';

/**
 * The incident page and the crime-type table of issue 6 in Chromium: a PNP commander opens an incident from the list
 * and records a victim, who then appears in the victims list; the operator records a suspect but sees no list; the
 * PNP analyst opens the same incident and sees only that the data is restricted; the commander adds a crime-code
 * mapping, finds it under its source system, is told why it cannot be removed once a record uses it, and changes it.
 * Screenshots go to test-results/.
 */

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'test-results');
const PASSWORD = 'enlace-demo-2026';
const COMMANDER = { username: 'pnp.comandante', password: PASSWORD };
const ANALYST = { username: 'pnp.analista', password: PASSWORD };
const OPERATOR = { username: 'pnp.operador', password: PASSWORD };

const hasChromium = chromiumPresent('incident persons');

describe.skipIf(!hasChromium)('incident page and crime-type table in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  let context: BrowserContext | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServerProcess({ seedDemo: true });
    browser = await launchChromium();
    context = browser.context;
    mkdirSync(RESULTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(user: { username: string; password: string }): Promise<Page> {
    if (!context || !server) throw new Error('setup did not complete');
    const page = await signInAs(context, server.url, user.username, pageErrors, user.password);
    await navLink(page, 'Incidencias');
    return page;
  }

  it('the commander records a victim and sees it; the operator records a suspect without reading them; the analyst sees only that the data is restricted', async () => {
    let page = await signIn(COMMANDER);
    await (await navLink(page, 'Incidencias')).click();
    const open = page.getByRole('link', { name: /^Ver incidencia:/ }).first();
    await open.click();
    await page.getByRole('heading', { name: 'Víctimas y personas investigadas' }).waitFor();
    const incidentPath = new URL(page.url()).pathname;
    expect(incidentPath).toMatch(/^\/incidents\/[0-9a-f-]{36}$/);
    await page.getByText('cada consulta de esta sección queda registrada a su nombre en la auditoría').waitFor();
    await page.getByText('La identidad de las víctimas nunca se comparte con otras instituciones').waitFor();

    const name = `Rosa Prueba ${randomBytes(3).toString('hex')}`;
    const form = page.getByRole('form', { name: 'Registrar víctima' });
    // An empty form is refused on the screen, before any request.
    await form.getByRole('button', { name: 'Registrar víctima' }).click();
    await form.getByText('Indique al menos un dato.').waitFor();
    await form.getByLabel('Nombre completo').fill(name);
    await form.getByLabel('N.º de documento').fill('40123456');
    await form.getByLabel('Sexo').selectOption('F');
    await form.getByLabel('Edad').fill('29');
    await form.getByRole('button', { name: 'Registrar víctima' }).click();
    await form.getByText('Víctima registrada.').waitFor();
    const victims = page.getByRole('table', { name: 'Víctimas' });
    await victims.getByRole('cell', { name }).waitFor();
    expect(await victims.getByRole('row').filter({ hasText: name }).getByRole('cell').nth(1).textContent()).toBe('40123456');
    await page.screenshot({ path: join(RESULTS, 'incident-persons-commander.png'), fullPage: true });

    // The operator may record persons but not read them back: the form, no list.
    page = await signIn(OPERATOR);
    await page.goto(`${server?.url}${incidentPath}`);
    await page.getByText('Puede registrar víctimas y personas investigadas, pero su rol no permite consultarlas después.').waitFor();
    const suspectForm = page.getByRole('form', { name: 'Registrar persona investigada' });
    await suspectForm.getByLabel('Alias').fill('el Zurdo');
    await suspectForm.getByLabel('Está detenido').check();
    await suspectForm.getByRole('button', { name: 'Registrar persona investigada' }).click();
    await suspectForm.getByText('Persona investigada registrada.').waitFor();
    expect(await page.getByText(name).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Personas investigadas' }).count()).toBe(0);

    page = await signIn(ANALYST);
    await page.goto(`${server?.url}${incidentPath}`);
    await page.getByRole('heading', { name: 'Víctimas y personas investigadas' }).waitFor();
    await page.getByText('Datos restringidos: su rol no tiene acceso a víctimas ni a personas investigadas').waitFor();
    expect(await page.getByText(name).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Víctimas' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Registrar víctima' }).count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'incident-persons-analyst.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('the commander adds a crime-code mapping for a new source system, finds it under that system, and reads why it cannot be removed once used', async () => {
    const page = await signIn(COMMANDER);
    const system = `E2E_${randomBytes(3).toString('hex').toUpperCase()}`;
    await page.goto(`${server?.url}/incidents`);
    await page.getByRole('link', { name: 'Tabla de tipos de delito' }).click();
    await page.getByRole('heading', { name: 'Tipos de delito: tabla de correspondencia' }).waitFor();
    const form = page.getByRole('form', { name: 'Agregar correspondencia' });
    await form.getByLabel('Sistema de origen').fill(system);
    await form.getByLabel('Código local').fill('Robo de celular  en vía pública');
    await form.getByText('Se guardará como: ROBO DE CELULAR EN VIA PUBLICA').waitFor();
    await form.getByLabel('Tipo de delito de Enlace').selectOption('ROBO');
    await form.getByLabel('Nota (opcional)').fill('Prueba de navegador');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText(`Correspondencia ${system} / ROBO DE CELULAR EN VIA PUBLICA guardada.`).waitFor();

    await page.getByRole('search').getByLabel('Sistema de origen').selectOption(system);
    const table = page.getByRole('table', { name: `Correspondencias del sistema ${system}` });
    const row = table.getByRole('row').filter({ hasText: 'ROBO DE CELULAR EN VIA PUBLICA' });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('Robo');
    expect(await page.getByRole('table').count()).toBe(1);
    await page.screenshot({ path: join(RESULTS, 'crime-mappings.png'), fullPage: true });

    // Once a record uses the code, removing it is refused with the server's reason; the row stays.
    const created = await page.evaluate(async (source) => {
      const res = await fetch('/api/v1/incidents', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ source, localCode: 'robo de celular en via publica', occurredAt: '2025-05-01T21:30:00-05:00', location: { lon: -76.9779, lat: -11.9491 } }),
      });
      return res.status;
    }, system);
    expect(created).toBe(201);
    page.once('dialog', (dialog) => { void dialog.accept(); });
    await row.getByRole('button', { name: `Eliminar ${system} / ROBO DE CELULAR EN VIA PUBLICA` }).click();
    await page.getByRole('alert').getByText('no se puede eliminar: la usan 1 registros').waitFor();
    expect(await row.count()).toBe(1);

    // Its crime type can still be changed.
    await row.getByRole('button', { name: `Cambiar ${system} / ROBO DE CELULAR EN VIA PUBLICA` }).click();
    const edit = page.getByRole('form', { name: `Cambiar correspondencia ${system} / ROBO DE CELULAR EN VIA PUBLICA` });
    await edit.getByLabel('Tipo de delito de Enlace').selectOption('HURTO');
    await edit.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText(`Correspondencia ${system} / ROBO DE CELULAR EN VIA PUBLICA guardada.`).waitFor();
    await row.getByRole('cell', { name: 'Hurto', exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
