import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../test/support/server-process.ts';
import { ensureWebBuild } from '../test/support/web-build.ts';
import { limaDay } from '../test/support/evaluations.ts';
import { navLink } from '../test/support/nav.ts';
import { chromiumPresent, launchChromium } from '../test/support/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SCREENSHOT = join(ROOT, 'test-results/web-shell.png');
const DEMO_USER = { username: 'pnp.comandante', password: 'enlace-demo-2026' };

const hasChromium = chromiumPresent('web-shell');

/** Newest modification time under `path` (file or directory). */


describe.skipIf(!hasChromium)('web shell in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  let context: BrowserContext | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServerProcess({ seedDemo: true });
    // Playwright refuses `--user-data-dir` in `args`; a persistent context on a fresh directory is the same thing.
    browser = await launchChromium({ width: 1280, height: 800 });
    context = browser.context;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openApp(): Promise<Page> {
    if (!context || !server) throw new Error('setup did not complete');
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => { pageErrors.push(error.message); });
    page.on('console', (message) => {
      // The 401 of the session probe on the login page is expected; anything else is worth seeing.
      if (message.type() === 'error' && !message.text().includes('401')) console.warn(`[browser] ${message.text()}`);
    });
    await page.goto(server.url);
    return page;
  }

  /** The app in Spanish, signed in as a demo user (signing out whoever an earlier test left signed in). */
  async function signedInAs(username: string): Promise<Page> {
    const page = await openApp();
    await page.getByRole('button', { name: 'Español' }).click().catch(() => undefined);
    const signOut = page.getByRole('button', { name: 'Cerrar sesión' });
    await Promise.race([signOut.waitFor(), page.getByLabel('Usuario').waitFor()]);
    if (await signOut.isVisible()) await signOut.click();
    await page.getByLabel('Usuario').fill(username);
    await page.getByLabel('Contraseña').fill(DEMO_USER.password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
    return page;
  }

  it('signs in, switches language, lists units, adapts to a phone and signs out', async () => {
    const page = await openApp();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });

    // Login page, in Spanish by default.
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.getByLabel('Usuario').fill(DEMO_USER.username);
    await page.getByLabel('Contraseña').fill(DEMO_USER.password);
    await page.getByRole('button', { name: 'Ingresar' }).click();

    // Shell: agency full name and translated role in the header.
    const header = page.getByRole('banner');
    await header.getByText('Policía Nacional del Perú', { exact: true }).waitFor();
    await header.getByText('Comandante', { exact: true }).waitFor();
    const navEs = page.getByRole('navigation', { name: 'Navegación principal' });
    await navLink(page, 'Unidades');
    expect(await navEs.getByRole('link', { name: 'Administración' }).count()).toBe(0);
    // Sections are grouped by purpose; the groups fit one row at 1280 px, and Escape closes an open group.
    const groupButtons = navEs.locator('button.nav-group-button');
    expect(await groupButtons.allInnerTexts()).toEqual(['Operaciones', 'Marco legal', 'Fuerzas', 'Sistema']);
    const tops = await groupButtons.evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    const forces = navEs.getByRole('button', { name: 'Fuerzas' });
    expect(await forces.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => forces.getAttribute('aria-expanded')).toBe('false');
    expect(await navEs.getByRole('link', { name: 'Unidades' }).isVisible()).toBe(false);

    // Switch to English: header, navigation, <html lang> and the stored preference follow.
    await page.getByRole('button', { name: 'English' }).click();
    await header.getByText('Peruvian National Police', { exact: true }).waitFor();
    expect(await header.getByText('Policía Nacional del Perú').count()).toBe(0);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await navLink(page, 'Units', 'Main navigation');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.evaluate(() => window.localStorage.getItem('enlace.language'))).toBe('en');

    // The choice survives a reload and is sent to the API as Accept-Language.
    const meRequest = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/v1/auth/me');
    await page.reload();
    expect((await meRequest).headers()['accept-language']).toBe('en');
    await header.getByText('Peruvian National Police', { exact: true }).waitFor();

    // Units list.
    await (await navLink(page, 'Units', 'Main navigation')).click();
    const table = page.getByRole('table', { name: 'Registered units' });
    await table.waitFor();
    const unitLinks = table.getByRole('row').getByRole('link');
    await unitLinks.first().waitFor();
    expect(await unitLinks.count()).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe('/units');
    expect(await nav.getByRole('link', { name: 'Units', includeHidden: true }).getAttribute('aria-current')).toBe('page');
    // The group of the current screen is marked, and choosing a link closed the group.
    expect(await nav.locator('li.nav-group[data-current="true"] > button').innerText()).toBe('Forces');
    await expect.poll(() => nav.getByRole('button', { name: 'Forces' }).getAttribute('aria-expanded')).toBe('false');
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    // Screens load their own code when opened: signing in and listing units fetched no map code (MapLibre).
    expect(scripts.some((path) => /\/assets\/units-page-[\w-]+\.js$/.test(path))).toBe(true);
    expect(scripts.filter((path) => path.includes('map-view'))).toEqual([]);

    // The search box finds units by any words of the name, without accents; the search is in the URL.
    await page.getByRole('search').getByLabel('Search by name or short name').fill('zarate lurigancho');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('zarate lurigancho');
    await expect.poll(() => table.getByRole('row').getByRole('link').allInnerTexts()).toEqual(['Comisaría Zárate (San Juan de Lurigancho)']);
    await page.getByText('1 unit', { exact: true }).waitFor();

    // A screen whose code cannot be fetched (an older tab after an upgrade, a dropped link) says so and offers a
    // reload; the header and navigation stay.
    await page.route(/\/assets\/protocols-page-[\w-]+\.js$/, (route) => route.abort());
    await (await navLink(page, 'Joint protocols', 'Main navigation')).click();
    const failed = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded or shown.' });
    await failed.waitFor();
    expect(await failed.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    expect(await header.getByText('Peruvian National Police', { exact: true }).isVisible()).toBe(true);
    await page.unroute(/\/assets\/protocols-page-[\w-]+\.js$/);
    await (await navLink(page, 'Units', 'Main navigation')).click();
    await table.waitFor();

    // Phone width: no horizontal scroll, navigation behind a menu button.
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    await menu.click();
    await nav.getByRole('link', { name: 'Units' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });

    // Sign out: back to the login page, and the session is really gone after a reload.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByLabel('Username').waitFor();
    expect(await page.getByRole('banner').getByText('Peruvian National Police').count()).toBe(0);

    expect(pageErrors).toEqual([]);
  });

  it('creates a user, field by field: refused by its own check, then by the server, then created; edits and deactivates the user', async () => {
    const page = await signedInAs('demo.admin');
    await page.goto(`${server!.url}/admin/users/new`);
    await page.getByRole('heading', { name: 'Crear usuario' }).waitFor();
    // The form's own check: the message sits beside the field and the first invalid field takes the focus.
    await page.getByLabel('Usuario', { exact: true }).fill('Mal Usuario');
    await page.getByRole('button', { name: 'Crear', exact: true }).click();
    await page.getByText('Revise los campos marcados.').waitFor();
    const username = page.getByLabel('Usuario', { exact: true });
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await username.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()!}"]`).textContent()).toContain('Solo minúsculas');
    expect(await username.evaluate((el) => el === document.activeElement)).toBe(true);
    // The server's refusal of a name already taken, with its translated message.
    await username.fill('demo.admin');
    await page.getByLabel('Nombre', { exact: true }).fill('Usuario de prueba');
    await page.getByLabel('Contraseña inicial').fill('una-clave-larga-2026');
    await page.getByRole('button', { name: 'Crear', exact: true }).click();
    await page.getByText('El nombre de usuario «demo.admin» ya existe.').waitFor();
    // Accepted: back on the list with the confirmation.
    const name = `prueba.${Date.now().toString(36)}`;
    await username.fill(name);
    await page.getByLabel('Habilitación').selectOption('CONFIDENCIAL');
    await page.getByRole('button', { name: 'Crear', exact: true }).click();
    await page.getByText('Usuario creado.').waitFor();
    await page.getByRole('link', { name: `Editar ${name}` }).click();
    await page.getByRole('heading', { name: `Editar usuario ${name}` }).waitFor();
    await page.getByLabel('Habilitación').selectOption('RESERVADO');
    await page.getByLabel('Activo').uncheck();
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Cambios guardados.').waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    expect(await row.locator('td[data-label="Habilitación"]').textContent()).toBe('Reservado');
    expect(await row.locator('td[data-label="Activo"]').textContent()).toBe('No');
    expect(pageErrors).toEqual([]);
    // The next test starts from the sign-in page.
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByLabel('Usuario').waitFor();
  });

  it('evaluates a legal scenario file: decisions, findings with references, and the faults of an invalid file', async () => {
    const page = await openApp();
    await page.getByRole('button', { name: 'Español' }).click().catch(() => undefined);
    await page.getByLabel('Usuario').fill('ccffaa.asesor');
    await page.getByLabel('Contraseña').fill(DEMO_USER.password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await (await navLink(page, 'Evaluación legal')).click();
    await page.getByRole('heading', { name: 'Evaluación legal de escenarios' }).waitFor();

    const example = readFileSync(join(ROOT, 'packages/rules/examples/prorroga-con-un-dia-de-vacio.json'), 'utf8');
    await page.getByLabel('Contenido del escenario').fill(example);
    await page.getByRole('button', { name: 'Evaluar' }).click();
    const gap = page.getByRole('region', { name: /cruza-el-vacio/ });
    await gap.getByText('Denegado').waitFor();
    await gap.getByText('BASIS_PERIOD_NOT_COVERED').waitFor();
    await page.getByRole('region', { name: /dentro-de-la-prorroga/ }).getByText('Permitido').waitFor();
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/legal-scenario.png'), fullPage: true });

    const invalid = readFileSync(join(ROOT, 'packages/rules/examples/archivo-invalido-instrumentos-ilegales.json'), 'utf8');
    await page.getByLabel('Contenido del escenario').fill(invalid);
    await page.getByRole('button', { name: 'Evaluar' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText(/\$\.instruments\[0\]\.validTo — DECREE_TOO_LONG/).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('records an incident by hand, finds it with the list filters and exports the same filter', async () => {
    const page = await signedInAs(DEMO_USER.username);
    await (await navLink(page, 'Incidencias')).click();
    await page.getByRole('heading', { name: 'Incidencias' }).waitFor();
    await page.getByRole('table', { name: 'Incidencias' }).getByRole('row').nth(1).waitFor(); // the demo's synthetic incidents

    await page.getByRole('link', { name: 'Registrar incidencia' }).click();
    await page.getByRole('button', { name: 'Registrar' }).click();
    await page.getByRole('alert').getByText('Elija el tipo de delito.').waitFor();
    const address = `Jr. de la Unión ${Date.now() % 100_000}`;
    await page.getByLabel('Tipo de delito').selectOption('EXTORSION');
    const limaNow = new Date(Date.now() - 5 * 3_600_000 - 3_600_000).toISOString().slice(0, 16);
    await page.getByLabel('Fecha y hora').fill(limaNow);
    await page.getByLabel('Longitud').fill('-77.0282');
    await page.getByLabel('Latitud').fill('-12.0464');
    await page.getByLabel('Dirección').fill(address);
    await page.getByRole('button', { name: 'Registrar' }).click();
    // The server found the district from the point: Cercado de Lima.
    await page.getByRole('status').getByText('Incidencia registrada en el distrito 150101.').waitFor();

    await page.getByRole('link', { name: '← Incidencias' }).click();
    await page.getByLabel('Tipo de delito').selectOption('EXTORSION');
    await page.getByLabel('UBIGEO (distrito, provincia o departamento)').fill('150101');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await expect.poll(() => new URL(page.url()).search).toContain('type=EXTORSION');
    const rows = page.getByRole('table', { name: 'Incidencias' }).getByRole('row');
    await rows.filter({ hasText: address }).waitFor();
    for (const text of (await rows.allInnerTexts()).slice(1)) expect(text).toContain('150101'); // after the header row
    await page.screenshot({ path: join(ROOT, 'test-results/incidents.png') });

    // The fields follow the address: the menu's link clears them, the browser's back button brings the filter back.
    await (await navLink(page, 'Incidencias')).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => page.getByLabel('Tipo de delito').inputValue()).toBe('');
    expect(await page.getByLabel('UBIGEO (distrito, provincia o departamento)').inputValue()).toBe('');
    await page.goBack();
    await expect.poll(() => page.getByLabel('Tipo de delito').inputValue()).toBe('EXTORSION');
    expect(await page.getByLabel('UBIGEO (distrito, provincia o departamento)').inputValue()).toBe('150101');
    await rows.filter({ hasText: address }).waitFor();

    // The export carries the same filter.
    const csv = page.getByRole('link', { name: 'CSV' });
    const href = (await csv.getAttribute('href'))!;
    expect(href).toContain('types=EXTORSION');
    expect(href).toContain('ubigeo=150101');
    const exported = await page.request.get(new URL(href, page.url()).toString());
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toContain(address);
    expect(pageErrors).toEqual([]);
  });

  it('opens a sharing agreement with the Ejército over the demo decree, then ends it', async () => {
    const page = await signedInAs(DEMO_USER.username);
    await (await navLink(page, 'Intercambio de información')).click();
    await page.getByRole('heading', { name: 'Intercambio de información' }).waitFor();
    await page.getByRole('link', { name: 'Nuevo acuerdo' }).click();
    await page.getByRole('heading', { name: 'Nuevo acuerdo de intercambio' }).waitFor();

    // Nothing chosen yet but the defaults: the form says what is missing before anything is sent.
    await page.getByRole('button', { name: 'Crear acuerdo' }).click();
    await page.getByRole('alert').getByText('Indique un título.').waitFor();

    const title = `Intercambio con el Ejército ${Date.now()}`;
    await page.getByLabel('Título').fill(title);
    await page.getByLabel('Institución destinataria').selectOption('EP');
    const basis = page.getByLabel('Instrumento legal (base)');
    await basis.locator('option').first().waitFor({ state: 'attached' });
    const offered = await basis.locator('option').allInnerTexts();
    // The demo's state of emergency is in force through its extension (which states no area of its own). On a shared
    // test database other files' instruments are offered too: the demo's are numbered DEMO.
    const decree = offered.find((text) => text.startsWith('DEMO-') && /DS de (estado de emergencia|prórroga)/.test(text));
    expect(decree, `the demo decree is offered as a basis among ${offered.join(' | ')}`).toBeDefined();
    await basis.selectOption({ label: decree! });
    await page.getByLabel('Descripción').check();
    await page.getByRole('button', { name: 'Crear acuerdo' }).click();

    // The agreement as the server decided it: active, over the decree's districts, with the chosen fields.
    await page.getByRole('heading', { name: title }).waitFor();
    await page.locator('.badge-agreement-active').getByText('Vigente').waitFor();
    const terms = page.locator('dl.details');
    expect(await terms.getByText('Tipo de delito, Fecha y hora, Distrito (UBIGEO), Descripción').count()).toBe(1);
    expect(await terms.getByText(decree!.split(' · ')[0]!, { exact: true }).count()).toBe(1);
    // The shared area is the decree's districts, inherited by the extension.
    expect(await terms.locator('.details-row').filter({ hasText: 'Área compartida' }).locator('dd').innerText()).toMatch(/^\d{4,6}(, \d{4,6})*$/);

    await page.screenshot({ path: join(ROOT, 'test-results/sharing-agreement.png'), fullPage: true });
    const agreementPath = new URL(page.url()).pathname;

    /** Signs out and in again as another demo user, and opens the agreement. */
    const openAs = async (username: string): Promise<void> => {
      await page.getByRole('button', { name: 'Cerrar sesión' }).click();
      await page.getByLabel('Usuario').fill(username);
      await page.getByLabel('Contraseña').fill(DEMO_USER.password);
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
      await (await navLink(page, 'Intercambio de información')).click();
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      expect(new URL(page.url()).pathname).toBe(agreementPath);
    };

    // The Ejército reads what the agreement shares (an audited read); the fields not shared stay hidden.
    await openAs('ep.comandante');
    expect(await page.getByRole('button', { name: 'Terminar acuerdo' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Consultar incidentes compartidos' }).click();
    await page.getByText(/^\d+ de \d+ incidentes$/).waitFor();

    // Oversight (Defensoría del Pueblo) sees who read through the agreement.
    await openAs('dp.supervisor');
    const reads = page.getByRole('table', { name: 'Lecturas a través del acuerdo' });
    await reads.getByRole('cell', { name: 'ep.comandante', exact: true }).waitFor();

    // The owner ends it: access stops at once and the reason is on record.
    await openAs(DEMO_USER.username);
    await page.getByLabel('Motivo').fill('Fin de la prueba de intercambio');
    await page.getByRole('button', { name: 'Terminar acuerdo' }).click();
    await page.locator('.badge-agreement-ended').getByText('Terminado').waitFor();
    await page.getByText(/Terminado por .*: Fin de la prueba de intercambio/).waitFor();
    expect(await page.getByRole('button', { name: 'Terminar acuerdo' }).count()).toBe(0);

    await page.getByRole('link', { name: '← Acuerdos de intercambio' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await row.getByText('Terminado').waitFor();
    await page.screenshot({ path: join(ROOT, 'test-results/sharing.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('opens a sharing agreement with the Ejército over a joint exercise under way, which the agreement names as its basis', async () => {
    const page = await signedInAs(DEMO_USER.username);
    // The demo's exercise is over (an agreement over past days would grant nothing): plan one of both forces under way.
    const api = (path: string): string => new URL(`/api/v1${path}`, server!.url).toString();
    const firstUnit = async (force: string): Promise<string> => {
      const units = (await (await page.request.get(api(`/units?force=${force}&limit=1`))).json()) as { items: { id: string }[] };
      return units.items[0]!.id;
    };
    const exercise = { name: `Ejercicio conjunto PNP-EP ${Date.now()}`, startsOn: limaDay(0), endsOn: limaDay(3), ubigeo: '150112' };
    const planned = await page.request.post(api('/training/exercises'), {
      data: {
        ...exercise,
        scenario: 'Control de multitudes en Independencia con seguridad perimétrica del Ejército.',
        units: [{ unitId: await firstUnit('PNP'), role: 'Control de multitudes' }, { unitId: await firstUnit('EP'), role: 'Seguridad perimétrica' }],
      },
    });
    expect(planned.status()).toBe(201);
    const summary = `${exercise.name} · ${exercise.startsOn} – ${exercise.endsOn} · distrito 150112`;

    await (await navLink(page, 'Intercambio de información')).click();
    await page.getByRole('link', { name: 'Nuevo acuerdo' }).click();
    await page.getByRole('heading', { name: 'Nuevo acuerdo de intercambio' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Instrumento legal' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Ejercicio conjunto' }).check();

    // Offered to the default recipient (the CCFFAA, whose units take part in no exercise): nothing, and the form says so.
    await page.getByText(/^No hay ejercicios conjuntos en curso o por venir, .* \(CCFFAA\)\.$/).waitFor();
    const title = `Intercambio del ejercicio ${Date.now()}`;
    await page.getByLabel('Título').fill(title);
    await page.getByRole('button', { name: 'Crear acuerdo' }).click();
    await page.getByRole('alert').getByText('Elija un ejercicio conjunto.').waitFor();

    await page.getByLabel('Institución destinataria').selectOption('EP');
    const basis = page.getByLabel('Ejercicio conjunto (base)');
    await basis.locator('option').first().waitFor({ state: 'attached' });
    const offered = await basis.locator('option').allInnerTexts();
    expect(offered, 'the exercise under way and the planned one are offered, the demo exercise that is over is not').toContain(summary);
    expect(offered.filter((text) => text.includes('Lima Norte 2026'))).toEqual([]);
    expect(offered.filter((text) => text.includes('Callao Seguro 2026')), 'the demo exercise planned for the weeks ahead').toHaveLength(1);
    await page.getByText('Solo se comparten los incidentes registrados como de ejercicio (entrenamiento)').waitFor();
    await basis.selectOption({ label: summary });
    await page.screenshot({ path: join(ROOT, 'test-results/sharing-exercise-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Crear acuerdo' }).click();

    // The agreement rests on the exercise: its district and days, active from today.
    await page.getByRole('heading', { name: title }).waitFor();
    await page.locator('.badge-agreement-active').getByText('Vigente').waitFor();
    const terms = page.locator('dl.details');
    const row = (label: string) => terms.locator('.details-row').filter({ hasText: label }).locator('dd');
    await row('Base del acuerdo').getByText(summary, { exact: true }).waitFor();
    expect(await row('Área compartida').innerText()).toBe('150112');
    expect(await row('Periodo del acuerdo').innerText()).toBe(`${exercise.startsOn} – ${exercise.endsOn}`);

    await page.getByRole('link', { name: '← Acuerdos de intercambio' }).click();
    const listed = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await listed.getByRole('cell', { name: summary, exact: true }).waitFor();
    await page.screenshot({ path: join(ROOT, 'test-results/sharing-exercise.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
