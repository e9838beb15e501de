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
 * The import screen of issue 4 in Chromium: a PNP commander picks a personnel file, sees the proposed column
 * mapping, uploads it, reads the error report of a bad file, and applies a good one. Screenshots go to test-results/.
 */

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'test-results');
const COMMANDER = { username: 'pnp.comandante', password: 'enlace-demo-2026' };
const UNIT = 'CPNP Alfonso Ugarte';

const hasChromium = chromiumPresent('imports');



describe.skipIf(!hasChromium)('import screen in Chromium', () => {
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

  let signedIn: Page | undefined;
  /** The commander's page, signed in once for the file (each test may also run alone). */
  async function signIn(): Promise<Page> {
    if (!context || !server) throw new Error('setup did not complete');
    if (signedIn) return signedIn;
    const page = await signInAs(context, server.url, COMMANDER.username, pageErrors);
    await navLink(page, 'Importaciones');
    signedIn = page;
    return page;
  }

  async function chooseFile(page: Page, csv: string): Promise<void> {
    await page.goto(`${server?.url}/imports`);
    await page.getByRole('heading', { name: 'Nueva importación' }).waitFor();
    await page.getByLabel('Tipo de registro').selectOption('personnel');
    await page.getByLabel('Archivo CSV').setInputFiles({ name: 'personal.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('Columna del archivo: N.º de documento').waitFor();
  }

  it('proposes a mapping, reports a bad file by line, and applies a good one', async () => {
    const page = await signIn();
    const p = randomBytes(4).toString('hex').toUpperCase();
    const header = 'Unidad;Tipo documento;DNI;Nombres;Apellidos;Grado';

    await chooseFile(page, `${header}\n${UNIT};CIP;W${p}-1;Ana;Quispe;Capitán\n${UNIT};DNI;12AB;Luis;Rojas;Teniente\n`);
    expect(await page.getByLabel('Columna del archivo: N.º de documento').inputValue()).toBe('DNI');
    expect(await page.getByLabel('Columna del archivo: Grado').inputValue()).toBe('Grado');
    await page.getByRole('button', { name: 'Subir y validar' }).click();
    await page.getByRole('heading', { name: 'Informe de errores' }).waitFor();
    const report = page.getByRole('table', { name: 'Errores por línea del archivo' });
    await report.getByRole('cell', { name: 'IMPORT_DOCUMENT_FORMAT' }).waitFor();
    expect(await report.getByRole('row').nth(1).getByRole('cell').first().textContent()).toBe('3');
    await page.screenshot({ path: join(RESULTS, 'imports-errors.png'), fullPage: true });

    await chooseFile(page, `${header}\n${UNIT};CIP;W${p}-1;Ana;Quispe;Capitán\n${UNIT};CIP;W${p}-2;Luis;Rojas;Teniente\n`);
    await page.getByRole('button', { name: 'Subir y validar' }).click();
    await page.getByText('El archivo es válido: 2 filas listas para aplicar.').waitFor();
    await page.getByRole('button', { name: 'Aplicar 2 filas' }).click();
    await page.getByText('Aplicada: 2 nuevas, 0 actualizadas, 0 sin cambios.').waitFor();
    await page.screenshot({ path: join(RESULTS, 'imports-applied.png'), fullPage: true });

    await page.getByRole('link', { name: 'Volver a importaciones' }).click();
    await page.getByRole('heading', { name: 'Importaciones anteriores' }).waitFor();
    // The list loads after its heading: wait for the applied run's row rather than counting rows at once.
    await page.getByRole('row').filter({ hasText: 'Aplicada' }).first().waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Aplicada' }).count()).toBeGreaterThanOrEqual(1);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it("imports the PNP's incidents in UTM 18S with SIDPOL's crime codes, read as the options say", async () => {
    const page = await signIn();
    const p = randomBytes(4).toString('hex').toUpperCase();
    // San Juan de Lurigancho, in metres of UTM zone 18 south.
    const csv = `nro_denuncia;este;norte;fecha;modalidad\nD-${p}-1;284607.9;8678304.8;2025-05-01 21:30;Robo agravado\nD-${p}-2;284705.5;8678371.9;2025-05-02 08:15;Hurto\n`;
    await page.goto(`${server?.url}/imports`);
    await page.getByRole('heading', { name: 'Nueva importación' }).waitFor();
    await page.getByLabel('Tipo de registro').selectOption('incidents');
    await page.getByRole('group', { name: 'Cómo leer el archivo' }).waitFor();
    expect(await page.getByLabel('Fuente de los registros').inputValue()).toBe('PNP');
    await page.getByLabel('Archivo CSV').setInputFiles({ name: 'denuncias.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('Columna del archivo: X o longitud').waitFor();
    expect(await page.getByLabel('Columna del archivo: X o longitud').inputValue()).toBe('este');

    // Left in longitude/latitude, metres are refused row by row with the reason.
    await page.getByRole('button', { name: 'Subir y validar' }).click();
    await page.getByRole('heading', { name: 'Informe de errores' }).waitFor();
    await page.getByRole('table', { name: 'Errores por línea del archivo' }).getByRole('cell', { name: 'INCIDENT_BAD_COORDINATES' }).first().waitFor();

    await page.goto(`${server?.url}/imports`);
    await page.getByLabel('Tipo de registro').selectOption('incidents');
    await page.getByLabel('Sistema de coordenadas').selectOption('EPSG:32718');
    await page.getByLabel('Archivo CSV').setInputFiles({ name: 'denuncias.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('Columna del archivo: X o longitud').waitFor();
    await page.getByRole('button', { name: 'Subir y validar' }).click();
    await page.getByText('El archivo es válido: 2 filas listas para aplicar.').waitFor();
    await page.getByRole('button', { name: 'Aplicar 2 filas' }).click();
    await page.getByText('Aplicada: 2 nuevas, 0 actualizadas, 0 sin cambios.').waitFor();
    await page.screenshot({ path: join(RESULTS, 'imports-incidents-applied.png'), fullPage: true });

    // The records are the PNP's, in San Juan de Lurigancho, typed through SIDPOL's table.
    const list = await page.evaluate(async () => {
      const res = await fetch('/api/v1/incidents?source=PNP&from=2025-05-01T00:00:00Z&to=2025-05-03T00:00:00Z&limit=1000');
      return { status: res.status, body: await res.text() };
    });
    expect(list.status, list.body).toBe(200);
    const items = (JSON.parse(list.body) as { items: { sourceRef: string; crimeType: string; ubigeo: string | null }[] }).items.filter((i) => i.sourceRef.startsWith(`D-${p}`));
    expect(items.map((i) => [i.sourceRef, i.crimeType, i.ubigeo]).sort()).toEqual([[`D-${p}-1`, 'ROBO', '150132'], [`D-${p}-2`, 'HURTO', '150132']]);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
