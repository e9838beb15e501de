import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../test/support/server-process.ts';
import { limaDay } from '../test/support/evaluations.ts';
import { navLink } from '../test/support/nav.ts';
import { ensureWebBuild } from '../test/support/web-build.ts';
import { chromiumPresent, launchChromium, signInAs } from '../test/support/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'test-results');
const PASSWORD = 'enlace-demo-2026';

const hasChromium = chromiumPresent('legal-registry');

describe.skipIf(!hasChromium)('legal registry, timeline, map, evaluator and protocols in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  let context: BrowserContext | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const pageErrors: string[] = [];
  const suffix = Date.now().toString(36).toUpperCase();
  const decreeId = `DS-${suffix}-PCM`;
  const extensionId = `DS-${suffix}-PRORROGA`;
  const revokedId = `DS-${suffix}-DEROGADO`;

  /** Calls the API as a demo user (bearer token from the login answer). */
  async function api(username: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const login = await fetch(`${server!.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${server!.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: await res.json().catch(() => null) };
  }

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServerProcess({ seedDemo: true });
    // A decree over Cercado de Lima and La Victoria that ends in three days, its extension, and its RUF, directive and plan.
    const oversight = { congressNotifiedOn: limaDay(-39), defensoriaContact: 'Defensoría Lima', ministerioPublicoContact: 'Fiscalía Lima', reportingSchedule: 'diario' };
    const instruments = [
      { id: decreeId, kind: 'DS_ESTADO_EMERGENCIA', number: `${suffix}-PCM`, title: 'Estado de emergencia (prueba e2e)', scenario: 'APOYO_PNP_CON_EE', area: { ubigeo: ['150101', '150115'] }, validFrom: limaDay(-40), validTo: limaDay(3), restrictedRights: ['LIBERTAD_TRANSITO'], controlAuthority: 'PNP', pnpCoordinatingAuthority: 'CCO Lima', extends: null, oversight, classification: 'PUBLICO' },
      { id: extensionId, kind: 'DS_PRORROGA', number: `${suffix}-PRORROGA`, extends: decreeId, validFrom: limaDay(4), validTo: limaDay(33), oversight: { congressNotifiedOn: limaDay(4) }, classification: 'PUBLICO' },
      ...(['RUF', 'DIRECTIVA_CCFFAA', 'PLAN_CCO'] as const).map((kind) => ({ id: `${kind}-${suffix}`, kind, appliesTo: [decreeId], validFrom: limaDay(-40), validTo: limaDay(33), classification: 'PUBLICO' })),
    ];
    for (const i of instruments) {
      const res = await api('ccffaa.asesor', 'POST', '/legal/instruments', i);
      if (res.status !== 201) throw new Error(`registering ${i.id}: ${res.status} ${JSON.stringify(res.json)}`);
    }
    // A decree derogated two days ago.
    const revoked = { ...instruments[0], id: revokedId, number: `${suffix}-DEROGADO`, area: { ubigeo: ['150120'] }, validFrom: limaDay(-10), validTo: limaDay(20) };
    if ((await api('ccffaa.asesor', 'POST', '/legal/instruments', revoked)).status !== 201) throw new Error('registering the revoked decree');
    const revocation = await api('ccffaa.asesor', 'POST', `/legal/instruments/${revokedId}/revoke`, { revokedOn: limaDay(-2), reason: 'Cesaron las causas', revokingInstrument: `DS ${suffix}-X-PCM` });
    if (revocation.status !== 200) throw new Error(`revoking: ${revocation.status} ${JSON.stringify(revocation.json)}`);
    browser = await launchChromium();
    context = browser.context;
    mkdirSync(RESULTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username: string): Promise<Page> {
    if (!context || !server) throw new Error('setup did not complete');
    const page = await signInAs(context, server.url, username, pageErrors);
    await page.getByRole('navigation', { name: 'Navegación principal' }).waitFor();
    return page;
  }

  it('lists the instruments with filters, draws the validity timeline and the map of bases in force', async () => {
    const page = await signIn('ccffaa.asesor');
    await page.goto(`${server!.url}/legal/instruments`);
    await page.getByRole('heading', { name: 'Registro de instrumentos legales' }).waitFor();
    const table = page.getByRole('table', { name: 'Instrumentos legales' });
    await table.getByRole('rowheader', { name: new RegExp(`^${suffix}-PCM`) }).waitFor();
    await page.getByLabel('Vigencia').selectOption('expiring');
    await table.getByRole('rowheader', { name: new RegExp(`^${suffix}-PCM`) }).waitFor();
    expect(await table.getByRole('rowheader', { name: new RegExp(`^${suffix}-PRORROGA`) }).count()).toBe(0);
    await table.getByText('quedan 3 días').first().waitFor();
    await page.getByLabel('Vigencia').selectOption('upcoming');
    await table.getByRole('rowheader', { name: new RegExp(`^${suffix}-PRORROGA`) }).waitFor();
    await page.getByLabel('Vigencia').selectOption('revoked');
    await table.getByRole('rowheader', { name: new RegExp(`^${suffix}-DEROGADO`) }).waitFor();
    await table.getByText(`Derogado desde el ${limaDay(-2)} por DS ${suffix}-X-PCM: Cesaron las causas`).waitFor();
    expect(await table.getByRole('rowheader', { name: new RegExp(`^${suffix}-PCM`) }).count()).toBe(0);
    await page.getByLabel('Vigencia').selectOption('upcoming');
    await page.screenshot({ path: join(RESULTS, 'legal-registry.png'), fullPage: true });

    await page.getByRole('navigation', { name: 'Secciones de la base legal' }).getByRole('link', { name: 'Vigencias' }).click();
    await page.getByRole('img', { name: /Cronología de vigencias/ }).waitFor();
    const decreeBar = page.locator(`rect[data-instrument="${decreeId}"]`);
    expect(await decreeBar.getAttribute('class')).toContain('timeline-bar-expiring');
    expect(await page.locator(`rect[data-instrument="${extensionId}"]`).getAttribute('class')).toContain('timeline-bar-upcoming');
    expect(await page.locator(`g[data-chain="${decreeId}"] rect.timeline-bar`).count()).toBe(2);
    expect(await page.locator(`rect[data-instrument="${revokedId}"]`).getAttribute('class')).toContain('timeline-bar-revoked');
    await page.locator('.timeline-today').waitFor();
    await page.screenshot({ path: join(RESULTS, 'legal-timeline.png'), fullPage: true });

    await page.getByRole('navigation', { name: 'Secciones de la base legal' }).getByRole('link', { name: 'Mapa' }).click();
    const legend = page.getByRole('complementary');
    await legend.getByRole('button', { name: `${suffix}-PCM` }).click();
    await legend.getByText('CCO Lima').waitFor();
    await page.getByRole('region', { name: 'Mapa de los ámbitos bajo base legal' }).waitFor();
    // The basis areas are drawn: the map (registered as legal-basis-map) renders features of the overlay.
    await page.waitForFunction(() => {
      const map = window.enlaceMaps?.get('legal-basis-map');
      return map?.getLayer('legal-bases:fill') !== undefined && map.loaded() && map.queryRenderedFeatures({ layers: ['legal-bases:fill'] }).length > 0;
    });
    await page.screenshot({ path: join(RESULTS, 'legal-map.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('evaluates one request from the form, with each finding, its reference and its remedy', async () => {
    const page = await signIn('ccffaa.asesor');
    await page.goto(`${server!.url}/legal/evaluate`);
    await page.getByRole('heading', { name: 'Evaluar una solicitud' }).waitFor();
    await page.getByLabel('Identificador de la unidad').fill('CIA-E2E');
    await page.getByLabel('Ámbito (UBIGEO)').fill('150101');
    await page.getByLabel('Autoridad coordinadora PNP').fill('Comisaría Alfonso Ugarte');
    await page.getByRole('button', { name: 'Insertar ejemplo' }).click();
    await page.getByRole('button', { name: 'Evaluar', exact: true }).click();
    const result = page.getByRole('region', { name: 'Resultado' });
    await result.getByText('Permitido').waitFor();
    await result.getByText('PROTOCOL_APPLIED').waitFor();
    await result.getByText(/Alvarado Espinoza/).first().waitFor();
    await result.getByText(new RegExp(decreeId)).waitFor();
    await page.screenshot({ path: join(RESULTS, 'legal-evaluator.png'), fullPage: true });

    // Criminal investigation by the FF.AA. is denied whatever the basis.
    await page.getByLabel('Tarea').selectOption('INVESTIGACION_CRIMINAL');
    await page.getByRole('button', { name: 'Evaluar', exact: true }).click();
    await result.getByText('Denegado').waitFor();
    await result.getByText('TASK_FORBIDDEN_FOR_FFAA').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('shows the joint protocols, compares the PNP and FF.AA. versions and records an approval, refusing the same user twice', async () => {
    const drafted = await api('ccffaa.asesor', 'POST', '/protocols', {
      procedure: 'PUESTO_CONTROL',
      force: 'FFAA',
      title: { es: 'Puesto de control (FF.AA., revisión e2e)', en: 'Checkpoint (FF.AA., e2e revision)' },
      tasks: ['PUESTO_CONTROL'],
      steps: [{ code: 'ALTO', title: { es: 'Orden de alto', en: 'Order to stop' }, maxForceLevel: 2 }],
      classification: 'PUBLICO',
    });
    expect(drafted.status).toBe(201);
    const draftId = (drafted.json as { id: string }).id;

    const page = await signIn('pnp.comandante');
    await (await navLink(page, 'Protocolos conjuntos')).click();
    const patrol = page.getByRole('region', { name: 'Patrullaje conjunto' });
    await patrol.getByText('Vigente').first().waitFor();
    await patrol.getByRole('link', { name: 'Comparar PNP y FF.AA.' }).click();
    await page.getByRole('heading', { name: 'Comparación de protocolos' }).waitFor();
    const onlyLeft = page.locator('tr[data-step="CONTROL_CONTACTO"]');
    await onlyLeft.getByText('Solo izquierda').waitFor();
    await page.locator('tr[data-step="ENTREGA_PNP"]').getByText('Solo derecha').waitFor();
    await page.screenshot({ path: join(RESULTS, 'protocols-compare.png'), fullPage: true });

    // A new version drafted from the one in force starts pending, with the content of the one it came from.
    await page.getByRole('columnheader').getByRole('link', { name: /versión PNP/ }).click();
    await page.getByRole('link', { name: 'Redactar nueva versión' }).click();
    await page.getByRole('heading', { name: 'Redactar una nueva versión' }).waitFor();
    await page.getByLabel('Contenido del protocolo (JSON)').filter({ hasText: 'CONTROL_CONTACTO' }).waitFor();
    await page.getByRole('button', { name: 'Guardar como nueva versión' }).click();
    await page.getByText('Pendiente de aprobación', { exact: true }).waitFor();
    await page.getByRole('table', { name: 'Pasos del protocolo, en orden' }).getByText('CONTROL_CONTACTO').waitFor();

    await page.goto(`${server!.url}/protocols/${draftId}`);
    await page.getByText('Pendiente de aprobación', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Aprobar por PNP' }).click();
    await page.getByText('Aprobación registrada.').waitFor();
    await page.getByText(/Falta la aprobación de: FF\.AA\./).waitFor();
    await page.getByRole('button', { name: 'Aprobar por PNP' }).click();
    await page.getByRole('alert').getByText(/dos aprobadores distintos/).waitFor();
    await page.screenshot({ path: join(RESULTS, 'protocol-approval.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
