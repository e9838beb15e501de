import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limaDay } from '../test/support/evaluations.ts';
import { navLink } from '../test/support/nav.ts';
import { pickUnit } from '../test/support/pickers.ts';
import { startServerProcess } from '../test/support/server-process.ts';
import { ensureWebBuild } from '../test/support/web-build.ts';
import { chromiumPresent, launchChromium, signInAs } from '../test/support/browser.ts';

/**
 * The training screens of issue 4 in Chromium, as the Army's trainer of the demo: plans a joint exercise with a PNP
 * unit and an Army unit (after the server refuses one with the Army alone), records its evaluation and lessons and
 * finds them on the exercise's page and the calendar; schedules a session from the calendar, records a passing result
 * opens the certificate it issued and revokes it with a reason. Screenshots go to test-results/.
 */

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'test-results');
const TRAINER = { username: 'ep.instructor', password: 'enlace-demo-2026' };
const PNP_COMMANDER = { username: 'pnp.comandante', password: 'enlace-demo-2026' };

const hasChromium = chromiumPresent('training');

describe.skipIf(!hasChromium)('training screens in Chromium', () => {
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

  async function signIn(): Promise<Page> {
    if (!context || !server) throw new Error('setup did not complete');
    const page = await signInAs(context, server.url, TRAINER.username, pageErrors);
    await navLink(page, 'Ejercicios conjuntos');
    return page;
  }

  it('plans a joint exercise of both forces, records its evaluation and lessons, issues a certificate from a session and revokes it', async () => {
    const page = await signIn();
    const today = limaDay(0);
    const suffix = randomBytes(3).toString('hex');
    const name = `Ejercicio conjunto PNP-EP «Prueba ${suffix}»`;

    // The list: the demo's exercises by status on the Lima day.
    await (await navLink(page, 'Ejercicios conjuntos')).click();
    await page.getByRole('heading', { name: 'Ejercicios conjuntos', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Ejercicios conjuntos: Concluidos' }).getByRole('link', { name: 'Ejercicio conjunto PNP-EP «Lima Norte 2026»' }).waitFor();
    await page.getByRole('table', { name: 'Ejercicios conjuntos: Planificados' }).getByRole('link', { name: 'Ejercicio conjunto PNP-EP «Callao Seguro 2026»' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'training-exercises.png'), fullPage: true });

    // The plan form: with Army units only the server refuses it, and its reason is shown.
    await page.getByRole('link', { name: 'Planificar ejercicio' }).click();
    await page.getByRole('heading', { name: 'Planificar un ejercicio conjunto' }).waitFor();
    await page.getByLabel('Nombre del ejercicio').fill(name);
    await page.getByLabel('Escenario').fill('Toma de local con rehenes en Independencia; la PNP negocia, el EP asegura el perímetro.');
    await page.getByLabel('Primer día').fill(today);
    await page.getByLabel('Último día').fill(today);
    await page.getByLabel('Distrito (UBIGEO) (opcional)').fill('150112');
    await pickUnit(page, 'Unidad 1', 'apoyo lima norte', 'Compañía de Apoyo a la PNP Lima Norte');
    await page.getByLabel('Rol de la unidad 1').fill('Apoyo logístico');
    await pickUnit(page, 'Unidad 2', 'ejercicio conjunto', 'Compañía de Ejercicio Conjunto PNP-EP');
    await page.getByLabel('Rol de la unidad 2').fill('Seguridad perimétrica');
    await page.getByRole('button', { name: 'Planificar ejercicio' }).click();
    await page.getByRole('alert').getByText('Un ejercicio conjunto incluye al menos una unidad de la PNP y una de las Fuerzas Armadas.').waitFor();

    await pickUnit(page, 'Unidad 1', 'Alfonso Ugarte', 'Comisaría Alfonso Ugarte');
    await page.getByLabel('Rol de la unidad 1').fill('Negociación y control de multitudes');
    await page.getByRole('button', { name: 'Planificar ejercicio' }).click();

    // The detail page: under way today, units by force, not yet evaluated.
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.locator('.page-actions').getByText('En curso').waitFor();
    await page.getByRole('table', { name: 'Unidades de Policía Nacional' }).getByRole('row', { name: /Comisaría Alfonso Ugarte.*Negociación y control de multitudes/ }).waitFor();
    await page.getByRole('table', { name: 'Unidades de Ejército' }).getByRole('row', { name: /Compañía de Ejercicio Conjunto PNP-EP.*Seguridad perimétrica/ }).waitFor();
    await page.getByText('Aún no se registró la evaluación.').waitFor();

    // The evaluation and two lessons learned.
    const form = page.getByRole('form', { name: 'Registrar la evaluación y las lecciones' });
    await form.getByLabel('Calificación').selectOption('needs_improvement');
    await form.getByLabel('Resumen').fill(`Negociación eficaz; relevo del perímetro tardío (${suffix}).`);
    await form.getByLabel('Evaluador').fill('CCFFAA - Jefatura de Instrucción');
    await form.getByLabel('Observación 1').fill('El relevo del perímetro demoró 40 minutos.');
    await form.getByLabel('Recomendación 1').fill('Ensayar el relevo con ambas fuerzas antes del ejercicio.');
    await form.getByLabel('Responsable 1 (opcional)').fill('2.ª DE');
    await form.getByRole('button', { name: 'Añadir lección' }).click();
    await form.getByLabel('Observación 2').fill('Sin intérprete de señas para el negociador.');
    await form.getByLabel('Recomendación 2').fill('Incluir un intérprete en el equipo de negociación.');
    await form.getByRole('button', { name: 'Guardar evaluación' }).click();
    await page.getByText('Evaluación y lecciones registradas.').waitFor();

    // Stored: after a reload the page shows them.
    await page.reload();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const evaluation = page.getByRole('region', { name: 'Evaluación' });
    await evaluation.getByText('Requiere mejora').waitFor();
    await evaluation.getByText(`Negociación eficaz; relevo del perímetro tardío (${suffix}).`).waitFor();
    const lessons = evaluation.getByRole('table', { name: 'Lecciones aprendidas' });
    await lessons.getByRole('row', { name: /El relevo del perímetro demoró 40 minutos\..*Ensayar el relevo.*2\.ª DE/ }).waitFor();
    await lessons.getByRole('row', { name: /Sin intérprete de señas/ }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'training-exercise.png'), fullPage: true });

    // The calendar shows the exercise today; from it, a new session.
    await (await navLink(page, 'Capacitación')).click();
    await page.getByRole('heading', { name: 'Calendario de capacitación' }).waitFor();
    await page.locator('.calendar-month li.exercise', { hasText: name }).first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'training-calendar.png'), fullPage: true });
    await page.getByRole('link', { name: 'Nueva sesión' }).click();
    await page.getByRole('heading', { name: 'Programar una sesión de capacitación' }).waitFor();
    await page.getByLabel('Curso del catálogo').selectOption('DERECHOS_HUMANOS');
    await pickUnit(page, 'Unidad organizadora', 'Cía. Apoyo', 'Compañía de Apoyo a la PNP Lima Norte');
    const title = `Derechos humanos para el apoyo a la PNP ${suffix}`;
    await page.getByLabel('Título (opcional)').fill(title);
    await page.getByLabel('Lugar').fill('Fuerte Rafael Hoyos Rubio, Rímac');
    await page.getByLabel('Primer día').fill(today);
    await page.getByLabel('Último día').fill(today);
    await page.getByLabel('Instructores').fill('My. EP Ricardo Chávez Poma');
    await page.getByRole('button', { name: 'Programar sesión' }).click();

    // The session page: the unit's members on the sheet; one attends and passes.
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const sheet = page.getByRole('table', { name: 'Asistencia y resultados por efectivo' });
    const member = ((await sheet.locator('tbody tr').first().locator('th').textContent()) ?? '').trim();
    expect(member).not.toBe('');
    await page.getByRole('heading', { name: 'Certificados emitidos (0)' }).waitFor();
    // A pass without attendance is refused before it is sent.
    await sheet.getByLabel(`Resultado: ${member}`).selectOption('passed');
    await page.getByRole('button', { name: 'Guardar asistencia y resultados' }).click();
    await page.getByRole('alert').getByText(`${member}: no se puede aprobar a quien no asistió.`).waitFor();
    await sheet.getByLabel(`Asistió: ${member}`).check();
    await sheet.getByLabel(`Nota: ${member}`).fill('92');
    await page.getByLabel('Marcar la sesión como concluida').check();
    await page.getByRole('button', { name: 'Guardar asistencia y resultados' }).click();
    await page.getByText('Asistencia y resultados guardados.').waitFor();
    await page.getByRole('heading', { name: 'Certificados emitidos (1)' }).waitFor();
    await page.locator('.page-actions').getByText('Concluida').waitFor();
    await page.screenshot({ path: join(RESULTS, 'training-session.png'), fullPage: true });

    // The certificate it issued.
    await page.getByRole('region', { name: 'Certificados emitidos (1)' }).getByRole('link', { name: `Certificado de ${member}` }).click();
    await page.getByRole('heading', { name: `Certificado de ${member}`, level: 1 }).waitFor();
    await page.getByText('DERECHOS_HUMANOS').waitFor();
    await page.locator('.cert-valid').getByText('Vigente').waitFor();
    await page.screenshot({ path: join(RESULTS, 'training-certificate.png'), fullPage: true });

    // Revoked with a reason (required: the button waits for it); the page then says so and offers no second revocation.
    const revoke = page.getByRole('form', { name: 'Revocar el certificado' });
    expect(await revoke.getByRole('button', { name: 'Revocar certificado' }).isDisabled()).toBe(true);
    await revoke.getByLabel('Motivo de la revocación').fill(`Registrado por error en la prueba ${suffix}`);
    await revoke.getByRole('button', { name: 'Revocar certificado' }).click();
    await page.getByText('Certificado revocado.').waitFor();
    await page.locator('.cert-revoked').getByText('Revocado').waitFor();
    await page.getByText(`Registrado por error en la prueba ${suffix}`).waitFor();
    expect(await page.getByRole('form', { name: 'Revocar el certificado' }).count()).toBe(0);

    // A PNP commander reads the Army's exercise but is offered no form to evaluate it (the server would
    // refuse: the exercise belongs to the EP).
    const exerciseUrl = await page.evaluate(async (wanted) => {
      const response = await fetch('/api/v1/training/exercises', { credentials: 'same-origin' });
      const body = (await response.json()) as { items: { id: string; name: string }[] };
      return `/training/exercises/${body.items.find((e) => e.name === wanted)?.id ?? ''}`;
    }, name);
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByLabel('Usuario').fill(PNP_COMMANDER.username);
    await page.getByLabel('Contraseña').fill(PNP_COMMANDER.password);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await navLink(page, 'Ejercicios conjuntos');
    await page.goto(`${server?.url ?? ''}${exerciseUrl}`);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Evaluación' }).getByText('Requiere mejora').waitFor();
    expect(await page.getByRole('form', { name: 'Registrar la evaluación y las lecciones' }).count()).toBe(0);

    expect(pageErrors).toEqual([]);
  }, 240_000);
});
