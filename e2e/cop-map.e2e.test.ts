import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPositionBatchResult } from '@enlace/contracts';
import { aRequest } from '../test/support/legal.ts';
import { startServerProcess } from '../test/support/server-process.ts';
import { ownPostgresDatabase } from '../test/support/test-db.ts';
import { navLink } from '../test/support/nav.ts';
import { chromiumPresent, launchChromium } from '../test/support/browser.ts';

/**
 * The common operational picture in headless Chromium: the offline basemap renders (pixels read back from the WebGL
 * canvas), military symbols are drawn from a GeoJSON source, 10,000 live tracks posted through the API reach the
 * map over the live WebSocket, and nothing is fetched from outside the Enlace server. Screenshots go to
 * test-results/cop-map.png (the demo picture) and test-results/cop-map-10000.png (under load).
 */

const ROOT = resolve(import.meta.dirname, '..');
const WEB = join(ROOT, 'apps/web');
/** A private build, so this file never races another e2e file rebuilding apps/web/dist. */
const DIST = join(ROOT, '.tmp/e2e-cop-map-web');
const RESULTS = join(ROOT, 'test-results');
const PASSWORD = 'enlace-demo-2026';
const TRACKS = 10_000;

const hasChromium = chromiumPresent('cop-map');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

async function ensureWebBuild(): Promise<void> {
  const index = join(DIST, 'index.html');
  const sources = Math.max(...['src', 'public', 'index.html', 'vite.config.ts'].map((name) => newestMtime(join(WEB, name))));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const { build } = await import('vite');
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: join(WEB, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: DIST, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
}

/** Cities where the synthetic tracks gather (Lima weighs most), [lon, lat, weight, spread in degrees]. */
const CLUSTERS: readonly [number, number, number, number][] = [
  [-77.03, -12.06, 0.55, 0.09],
  [-71.54, -16.4, 0.07, 0.05],
  [-79.03, -8.11, 0.06, 0.05],
  [-79.84, -6.77, 0.05, 0.04],
  [-80.63, -5.19, 0.05, 0.04],
  [-71.97, -13.53, 0.05, 0.04],
  [-73.25, -3.75, 0.04, 0.04],
  [-75.21, -12.07, 0.05, 0.04],
  [-70.02, -15.84, 0.04, 0.04],
  [-70.25, -18.01, 0.04, 0.03],
];
const FORCES = ['PNP', 'PNP', 'PNP', 'PNP', 'EP', 'MGP', 'FAP', 'CCFFAA'] as const;
const TYPES = ['a-f-G-U-C', 'a-f-G-U-C', 'a-f-G-E-V', 'a-f-A-M-F-Q'] as const;
const STATUSES = ['patrullando', 'patrullando', 'disponible', 'en_incidente', 'en camino', 'fuera de servicio'] as const;

/** Deterministic pseudo-random numbers (the picture is the same on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Unique per run: a test database that outlives the run must not turn these reports into updates of old tracks. */
const RUN = Date.now().toString(36).toUpperCase();

function syntheticReports(n: number, seed: number, time: Date) {
  const rnd = random(seed);
  const stale = new Date(time.getTime() + 15 * 60_000).toISOString();
  return Array.from({ length: n }, (_, i) => {
    let pick = rnd();
    const cluster = CLUSTERS.find(([, , w]) => (pick -= w) < 0) ?? CLUSTERS[0]!;
    const [lon, lat, , spread] = cluster;
    return {
      uid: `PERF-${RUN}-${String(i).padStart(5, '0')}`,
      callsign: `PRUEBA ${i}`,
      type: TYPES[i % TYPES.length]!,
      lat: lat + (rnd() - 0.5) * 2 * spread,
      lon: lon + (rnd() - 0.5) * 2 * spread,
      course: Math.floor(rnd() * 360),
      speed: rnd() * 12,
      status: STATUSES[i % STATUSES.length]!,
      force: FORCES[i % FORCES.length]!,
      time: time.toISOString(),
      stale,
      classification: 'PUBLICO' as const,
    };
  });
}

/** Pixel statistics of the map's WebGL canvas, read back in the page (the canvas keeps its drawing buffer). */
interface CanvasStats {
  width: number;
  height: number;
  /** Pixels that are not the background colour. */
  painted: number;
  /** Distinct colours after quantising to 5 bits per channel. */
  colours: number;
  /** Pixels of the 2525 friend fill (light blue, 128/224/255) drawn by milsymbol. */
  friendFill: number;
  /** Pixels of Peru's land colour. */
  land: number;
}

async function canvasStats(page: Page): Promise<CanvasStats> {
  return page.evaluate(() => {
    const map = window.enlaceMaps?.get('cop');
    if (!map) throw new Error('no map registered as "cop"');
    const source = map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(source, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    const near = (i: number, r: number, g: number, b: number, d: number) =>
      Math.abs((data[i] ?? 0) - r) <= d && Math.abs((data[i + 1] ?? 0) - g) <= d && Math.abs((data[i + 2] ?? 0) - b) <= d;
    const colours = new Set<number>();
    let painted = 0;
    let friendFill = 0;
    let land = 0;
    for (let i = 0; i < data.length; i += 4) {
      colours.add((((data[i] ?? 0) >> 3) << 10) | (((data[i + 1] ?? 0) >> 3) << 5) | ((data[i + 2] ?? 0) >> 3));
      if (!near(i, 0x0a, 0x10, 0x17, 3)) painted++;
      if (near(i, 128, 224, 255, 12)) friendFill++;
      if (near(i, 0x15, 0x20, 0x29, 3) || near(i, 0x18, 0x24, 0x2e, 3)) land++;
    }
    return { width: copy.width, height: copy.height, painted, colours: colours.size, friendFill, land };
  });
}

/** Waits until the map's source `source` holds the drawing `uid` (in the tiles of the current view). */
async function drawingShown(page: Page, source: 'cop-legal-areas' | 'cop-task-areas', uid: string): Promise<void> {
  await page.waitForFunction(([src, id]) => {
    const map = window.enlaceMaps?.get('cop');
    return (map?.querySourceFeatures(src).some((f) => f.properties['uid'] === id)) ?? false;
  }, [source, uid] as const, { timeout: 30_000 });
}

/** Unchecks a layer's legend box, waits until every map layer of `source` is hidden, and checks it again. */
async function switchedOffAndOn(page: Page, checkbox: Locator, source: string): Promise<void> {
  await checkbox.uncheck();
  await page.waitForFunction((src) => {
    const map = window.enlaceMaps?.get('cop');
    const layers = (map?.getStyle().layers ?? []).filter((l) => 'source' in l && l.source === src);
    return layers.length > 0 && layers.every((l) => map?.getLayoutProperty(l.id, 'visibility') === 'none');
  }, source);
  await checkbox.check();
}

/**
 * Waits until the map has its style and basemap sources and has drawn since. (`idle` is not usable: live tracks
 * keep the track source busy.)
 */
async function mapDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = window.enlaceMaps?.get('cop');
    if (!map) return false;
    // Not isStyleLoaded(): it also waits for the live track source, which is updated every tick and so may rarely
    // be idle on a busy machine. The basemap sources exist once the style is loaded; until then this throws.
    try {
      return ['basemap-departments', 'basemap-outline', 'basemap-labels-national'].every((s) => map.isSourceLoaded(s));
    } catch {
      return false;
    }
  }, undefined, { timeout: 60_000 });
  await page.evaluate(() => new Promise<void>((ok) => {
    const map = window.enlaceMaps?.get('cop');
    if (!map) return ok();
    map.once('render', () => { setTimeout(ok, 300); });
    map.triggerRepaint();
  }));
}

/**
 * Puts the map at a fixed view and waits until it has drawn there. The page frames the first tracks it receives
 * (once), and with a shared test database that framing can land after a jump; then the jump is repeated, so every
 * measurement is taken at the view the test chose.
 */
async function showView(page: Page, center: [number, number], zoom: number): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.evaluate(([c, z]) => { window.enlaceMaps?.get('cop')?.jumpTo({ center: c, zoom: z }); }, [center, zoom] as const);
    await mapDrawn(page);
    const stayed = await page.evaluate(([c, z]) => {
      const map = window.enlaceMaps?.get('cop');
      if (!map || map.isMoving()) return false;
      const at = map.getCenter();
      return Math.abs(at.lng - c[0]) < 1e-6 && Math.abs(at.lat - c[1]) < 1e-6 && Math.abs(map.getZoom() - z) < 1e-6;
    }, [center, zoom] as const);
    if (stayed) return;
  }
  throw new Error(`the map did not stay at ${center.join(',')} z${zoom}`);
}

describe.skipIf(!hasChromium)('COP map in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  let context: BrowserContext | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    // A database of its own: the shared one holds whatever the other test files posted (thousands of tracks in
    // Lima), which would be drawn too and change what this test measures.
    const own = await ownPostgresDatabase('cop_e2e');
    server = await startServerProcess({ seedDemo: true, env: { ENLACE_WEB_DIST: DIST, ...(own ? { DATABASE_URL: own } : {}) } });
    browser = await launchChromium({ width: 1440, height: 900 });
    context = browser.context;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Signs in through the API (for posting positions and raising alerts as a patrol's device would). */
  async function apiSession(username: string): Promise<(path: string, body: unknown) => Promise<Response>> {
    if (!server) throw new Error('setup did not complete');
    const origin = new URL(server.url).origin;
    const login = await fetch(`${origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return (path, body) =>
      fetch(`${origin}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  }

  async function signIn(username: string): Promise<Page> {
    if (!context || !server) throw new Error('setup did not complete');
    const origin = new URL(server.url).origin;
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => { pageErrors.push(error.message); });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
    });
    page.on('websocket', (ws) => {
      const t0 = Date.now();
      ws.on('framereceived', (f) => { if (process.env['COP_DEBUG']) console.info(`[ws] +${Date.now() - t0} ms ${String(f.payload).length} B ${String(f.payload).slice(0, 40)}`); });
      ws.on('close', () => { if (process.env['COP_DEBUG']) console.info(`[ws] closed +${Date.now() - t0} ms`); });
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('401')) console.warn(`[browser] ${message.text()}`);
    });
    await page.goto(server.url);
    await page.getByLabel('Usuario').fill(username);
    await page.getByLabel('Contraseña').fill(PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await (await navLink(page, 'Situación operativa')).click();
    await page.getByRole('region', { name: 'Mapa de la situación operativa' }).waitFor();
    return page;
  }

  it('renders the offline basemap and the demo picture with military symbols', async () => {
    // A state of emergency in force over the district of Callao, registered by a legal officer: the map outlines it.
    const today = new Date(Date.now() - 5 * 3600_000);
    const day = (offset: number): string => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const decreeId = `DS-E2E-${RUN}-PCM`;
    const registered = await (await apiSession('ccffaa.asesor'))('/legal/instruments', {
      id: decreeId,
      kind: 'DS_ESTADO_EMERGENCIA',
      number: `E2E-${RUN}-PCM`,
      scenario: 'APOYO_PNP_CON_EE',
      area: { ubigeo: ['070101'] },
      validFrom: day(-5),
      validTo: day(30),
      restrictedRights: ['LIBERTAD_TRANSITO'],
      controlAuthority: 'PNP',
      pnpCoordinatingAuthority: 'Comando Conjunto PNP Callao',
      extends: null,
      oversight: { defensoriaContact: 'Defensoría Callao', ministerioPublicoContact: 'Fiscalía Callao', reportingSchedule: 'diario', congressNotifiedOn: day(-4) },
      classification: 'PUBLICO',
    });
    expect(registered.status, await registered.clone().text()).toBe(201);
    // An Ejército company lawfully tasked in Callao under it (RUF, directive and plan in force; a stored evaluation).
    for (const kind of ['RUF', 'DIRECTIVA_CCFFAA', 'PLAN_CCO'] as const) {
      const r = await (await apiSession('ccffaa.asesor'))('/legal/instruments', {
        id: `${kind}-E2E-${RUN}`, kind, appliesTo: [decreeId], validFrom: day(-5), validTo: day(30), classification: 'PUBLICO',
      });
      expect(r.status, await r.clone().text()).toBe(201);
    }
    const request = aRequest({ area: { ubigeo: ['070101'] }, start: day(-1), end: day(2) });
    const evaluated = await (await apiSession('pnp.comandante'))('/tasking/evaluate', {
      ...request,
      unit: { ...request.unit, id: `CIA-E2E-${RUN}`, name: `Compañía E2E ${RUN}` },
    });
    const evaluation = (await evaluated.json()) as { evaluationId: string; decision: string };
    expect(evaluated.status).toBe(200);
    expect(evaluation.decision).not.toBe('denied');
    const page = await signIn('pnp.comandante');
    // The first tracks frame the picture once; wait for them, so that framing does not move the measured view.
    await page.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid="cop-track-count"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await showView(page, [-77.05, -12.05], 10);

    // The basemap is drawn: most of the canvas is painted, Peru's land colour is there, and there is detail.
    const base = await canvasStats(page);
    expect(base.width).toBeGreaterThan(400);
    expect(base.painted / (base.width * base.height)).toBeGreaterThan(0.15);
    expect(base.land).toBeGreaterThan(1000);
    expect(base.colours).toBeGreaterThan(20);

    // The demo's simulated patrols (central Lima and Callao) arrive over the live socket and are drawn as 2525
    // symbols. The view is set explicitly: a test database kept from an earlier run may hold tracks all over Peru.
    await showView(page, [-77.075, -12.075], 12);
    await page.waitForFunction(() => {
      const map = window.enlaceMaps?.get('cop');
      return (map?.queryRenderedFeatures({ layers: ['cop-tracks:symbol'] }).length ?? 0) > 0;
    }, undefined, { timeout: 60_000 });
    await mapDrawn(page);
    const drawn = await page.evaluate(() => {
      const map = window.enlaceMaps?.get('cop');
      const rendered = map?.queryRenderedFeatures({ layers: ['cop-tracks:symbol'] }) ?? [];
      const sidcs = [...new Set(rendered.map((f) => String(f.properties['sidc'])))];
      return { rendered: rendered.length, sidcs, images: sidcs.filter((s) => map?.hasImage(`ms:${s}`)).length };
    });
    expect(drawn.rendered).toBeGreaterThan(0);
    expect(drawn.images).toBe(drawn.sidcs.length);
    // The PNP is drawn with the law-enforcement (police) entity of 2525D.
    expect(drawn.sidcs.some((s) => s.slice(4, 6) === '10' && s.slice(10, 16) === '200700')).toBe(true);
    const withSymbols = await canvasStats(page);
    expect(withSymbols.friendFill).toBeGreaterThan(50);

    // Panels: status board counts, and the demo geofence drawn as an area.
    await page.getByRole('heading', { name: 'Estado de unidades' }).waitFor();
    const areas = await page.evaluate(() => window.enlaceMaps?.get('cop')?.querySourceFeatures('cop-areas').length ?? 0);
    expect(areas).toBeGreaterThan(0);

    // The legal area in force is outlined with its label, and its layer can be switched off and on from the legend.
    const legalLayer = page.getByRole('checkbox', { name: 'Áreas legales vigentes' });
    await legalLayer.waitFor();
    await drawingShown(page, 'cop-legal-areas', `ENLACE-LEGAL-${decreeId}`);
    await showView(page, [-77.13, -12.06], 12);
    const outlined = await page.evaluate(() => {
      const map = window.enlaceMaps?.get('cop');
      const layers = (map?.getStyle().layers ?? []).filter((l) => 'source' in l && l.source === 'cop-legal-areas').map((l) => l.id);
      return { layers, rendered: map?.queryRenderedFeatures({ layers }).length ?? 0 };
    });
    expect(outlined.layers.length).toBeGreaterThan(1);
    expect(outlined.rendered).toBeGreaterThan(0);
    // The legend keys the four scenario colours, and the decree's area is drawn in one of them.
    const scenarioKey = page.getByRole('list', { name: 'Color de un área legal según el escenario' });
    expect(await scenarioKey.getByRole('listitem').count()).toBe(4);
    const keyed = await page.evaluate((uid) => {
      const swatches = [...document.querySelectorAll('.cop-legend-scenarios .cop-swatch')].map((e) => getComputedStyle(e).borderTopColor);
      const feature = window.enlaceMaps?.get('cop')?.querySourceFeatures('cop-legal-areas').find((f) => f.properties?.['uid'] === uid);
      const hex = String(feature?.properties?.['color'] ?? '');
      const rgb = hex.length === 7 ? `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})` : hex;
      return { swatches, rgb };
    }, `ENLACE-LEGAL-${decreeId}`);
    expect(keyed.swatches).toHaveLength(4);
    expect(keyed.swatches).toContain(keyed.rgb);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'cop-map-legal-areas.png') });
    await switchedOffAndOn(page, legalLayer, 'cop-legal-areas');

    // The company's lawful task area is outlined (dashed) in its own layer, switched from the legend.
    const taskLayer = page.getByRole('checkbox', { name: 'Áreas de tarea autorizadas' });
    await taskLayer.waitFor();
    await drawingShown(page, 'cop-task-areas', `ENLACE-TASK-${evaluation.evaluationId}`);
    const dashed = await page.evaluate(() => {
      const map = window.enlaceMaps?.get('cop');
      const line = (map?.getStyle().layers ?? []).find((l) => 'source' in l && l.source === 'cop-task-areas' && l.type === 'line');
      return line ? map?.getPaintProperty(line.id, 'line-dasharray') ?? null : null;
    });
    expect(dashed).not.toBeNull();
    await switchedOffAndOn(page, taskLayer, 'cop-task-areas');
    // A task evaluated while the page is open is drawn without reloading: the live socket says the layer changed.
    const later = await (await apiSession('pnp.comandante'))('/tasking/evaluate', {
      ...request,
      unit: { ...request.unit, id: `CIA2-E2E-${RUN}`, name: `Segunda compañía E2E ${RUN}` },
    });
    const second = (await later.json()) as { evaluationId: string; decision: string };
    expect(second.decision).not.toBe('denied');
    await drawingShown(page, 'cop-task-areas', `ENLACE-TASK-${second.evaluationId}`);
    await page.evaluate(() => { window.enlaceMaps?.get('cop')?.jumpTo({ center: [-77.075, -12.075], zoom: 12 }); });

    // A FAP drone at an incident: it appears under "need attention" and opens its details.
    const post = await apiSession('pnp.comandante');
    const drone = {
      uid: `DRON-FAP-01-${RUN}`,
      callsign: `DRON FAP 01 ${RUN}`, // unique per run: a kept test database may hold earlier runs' drones and alerts
      type: 'a-f-A-M-F-Q',
      lat: -12.0702,
      lon: -77.0445,
      force: 'FAP',
      status: 'en_incidente',
      time: new Date().toISOString(),
      stale: new Date(Date.now() + 30 * 60_000).toISOString(),
      classification: 'PUBLICO',
      detail: '<__video url="rtsp://10.20.0.7:554/dron-fap-01"/>',
    };
    expect((await post('/positions', { reports: [drone] })).status).toBe(200);
    await page.getByRole('button', { name: new RegExp(`DRON FAP 01 ${RUN}`) }).first().click();
    await page.getByRole('heading', { name: `DRON FAP 01 ${RUN}` }).waitFor();
    await page.getByRole('tabpanel').getByText('Fuerza Aérea').waitFor();
    // Its video link (the `<__video>` it reported) arrives as the track's videoUrl and opens from the details.
    const video = page.getByRole('link', { name: 'Ver video del dron' });
    await video.waitFor();
    expect(await video.getAttribute('href')).toBe('rtsp://10.20.0.7:554/dron-fap-01');

    // Its emergency reaches the alert panel at once, critical and open.
    expect((await post('/alerts/emergency', { trackUid: `DRON-FAP-01-${RUN}`, text: 'prueba de pánico' })).status).toBe(201);
    await page.getByRole('tab', { name: /Alertas/ }).click();
    const emergency = page.getByRole('listitem', { name: new RegExp(`Emergencia DRON FAP 01 ${RUN}`) }).first();
    await emergency.getByText('Abierta').waitFor();
    await mapDrawn(page);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'cop-map.png') });

    // A person acknowledges it, with a note.
    await emergency.getByRole('button', { name: 'Reconocer' }).click();
    await emergency.getByLabel('Nota (opcional)').fill('Patrulla en camino');
    await emergency.getByRole('button', { name: 'Confirmar reconocimiento' }).click();
    await emergency.getByText(/Reconocida por/).waitFor();

    // Chat in the joint room: the message is stored and shown.
    await page.getByRole('tab', { name: 'Mensajería' }).click();
    await page.getByLabel('Mensaje', { exact: true }).fill(`COP: dron FAP 01 sobre el incidente ${RUN}`);
    await page.getByRole('button', { name: 'Enviar' }).click();
    await page.getByText(`COP: dron FAP 01 sobre el incidente ${RUN}`).waitFor();

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it(`takes ${TRACKS.toLocaleString('en')} live tracks through the API and the live socket`, async () => {
    if (!server) throw new Error('setup did not complete');
    const page = context?.pages()[0];
    if (!page) throw new Error('no page');
    const send = await apiSession('pnp.comandante');
    const post = async (reports: unknown[]): Promise<TPositionBatchResult> => {
      const response = await send('/positions', { reports });
      expect(response.status).toBe(200);
      return (await response.json()) as TPositionBatchResult;
    };

    const shownCount = async (): Promise<number> =>
      Number(((await page.getByTestId('cop-track-count').textContent()) ?? '').replace(/\D/g, ''));
    const before = await shownCount();
    const started = Date.now();
    const reports = syntheticReports(TRACKS, 2026, new Date());
    let accepted = 0;
    for (let i = 0; i < reports.length; i += 1000) accepted += (await post(reports.slice(i, i + 1000))).accepted;
    expect(accepted).toBe(TRACKS);
    const posted = Date.now();

    // Every track reaches the page (the counter) and the map's source.
    await page.waitForFunction(
      (expected) => {
        const text = document.querySelector('[data-testid="cop-track-count"]')?.textContent ?? '';
        return Number(text.replace(/\D/g, '')) >= expected;
      },
      before + TRACKS,
      { timeout: 90_000 },
    );
    const shown = Date.now();

    // Zoom out to the whole country and let the map draw them.
    await page.evaluate(() => {
      window.enlaceMaps?.get('cop')?.fitBounds([[-81.4, -18.4], [-68.6, -0.04]], { duration: 0, padding: 20 });
    });
    await mapDrawn(page);
    // The track source takes the new data in its worker; wait until every track is in its tiles.
    // querySourceFeatures reports per tile: a point on a tile edge can appear twice, none is missing.
    const inSourceCount = async (): Promise<number> => page.evaluate((prefix) => {
      const map = window.enlaceMaps?.get('cop');
      return map?.querySourceFeatures('cop-tracks').filter((f) => String(f.properties['uid']).startsWith(prefix)).length ?? 0;
    }, `PERF-${RUN}-`);
    await page.waitForFunction(([prefix, expected]) => {
      const map = window.enlaceMaps?.get('cop');
      return (map?.querySourceFeatures('cop-tracks').filter((f) => String(f.properties['uid']).startsWith(prefix)).length ?? 0) >= expected;
    }, [`PERF-${RUN}-`, TRACKS] as const, { timeout: 60_000, polling: 500 }).catch(() => undefined);
    expect(await inSourceCount()).toBeGreaterThanOrEqual(TRACKS);

    // Move every track once more and measure how smoothly the page keeps drawing while the update lands.
    const framesDuring = page.evaluate(() => new Promise<{ frames: number; longest: number }>((ok) => {
      let frames = 0;
      let longest = 0;
      let last = performance.now();
      const end = last + 3000;
      const step = (now: number) => {
        frames++;
        longest = Math.max(longest, now - last);
        last = now;
        if (now < end) requestAnimationFrame(step);
        else ok({ frames, longest });
      };
      requestAnimationFrame(step);
    }));
    const moved = syntheticReports(TRACKS, 2027, new Date(Date.now() + 1000));
    for (let i = 0; i < moved.length; i += 1000) await post(moved.slice(i, i + 1000));
    const frames = await framesDuring;
    console.info(
      `[e2e] cop-map: ${TRACKS} tracks posted in ${posted - started} ms, on the page ${shown - posted} ms later; ` +
        `during a full update ${frames.frames} frames in 3 s, longest frame ${frames.longest.toFixed(0)} ms`,
    );
    await mapDrawn(page);
    await page.screenshot({ path: join(RESULTS, 'cop-map-10000.png') });
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
