import { readableLabels } from '@enlace/access';
import { createRng, differenceInDifferences } from '@enlace/analytics';
import type { THotspotResult } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { makeIncidents } from '../../../../../test/support/incidents.ts';
import type { IncidentSeed } from '../../../../../test/support/incidents.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';

/** A cluster in San Juan de Lurigancho (150132), background spread over central Lima, controls in three districts. */
const CLUSTER = { lon: -76.9779, lat: -11.9491 };
const CONTROLS = [{ lon: -77.0262, lat: -12.1211 }, { lon: -77.0182, lat: -12.0741 }, { lon: -76.9816, lat: -12.1246 }];
const JAN = { from: '2025-01-01T00:00:00-05:00', to: '2025-02-01T00:00:00-05:00' };
const FEB = { from: '2025-02-01T00:00:00-05:00', to: '2025-03-01T00:00:00-05:00' };
const EXERCISE_INCIDENTS = 30;

function seeds(): IncidentSeed[] {
  const rng = createRng(42);
  const out: IncidentSeed[] = [];
  const at = (month: 1 | 2, day: number, hour: number) => new Date(Date.UTC(2025, month - 1, day, hour + 5)).toISOString();
  const jitter = (p: { lon: number; lat: number }, deg: number) => ({ lon: p.lon + (rng() - 0.5) * deg, lat: p.lat + (rng() - 0.5) * deg });
  // January: a tight cluster of 40 (about ±80 m) on consecutive days, and 40 in each control district.
  for (let k = 0; k < 40; k++) out.push({ ...jitter(CLUSTER, 0.0015), at: at(1, 1 + (k % 20), k % 24) });
  for (const c of CONTROLS) for (let k = 0; k < 40; k++) out.push({ ...jitter(c, 0.006), at: at(1, 1 + (k % 28), (k * 7) % 24) });
  // February: the cluster persists but drops to 12; controls stay at 40.
  for (let k = 0; k < 12; k++) out.push({ ...jitter(CLUSTER, 0.0015), at: at(2, 1 + k, k) });
  for (const c of CONTROLS) for (let k = 0; k < 40; k++) out.push({ ...jitter(c, 0.006), at: at(2, 1 + (k % 27), (k * 5) % 24) });
  // Background over central Lima, both months.
  for (let k = 0; k < 120; k++) out.push({ lon: -77.08 + rng() * 0.1, lat: -12.13 + rng() * 0.1, at: at(k % 2 === 0 ? 1 : 2, 1 + (k % 27), k % 24) });
  // A drill in January in Miraflores: 30 exercise (training) incidents, which no analysis of real data may count.
  for (let k = 0; k < EXERCISE_INCIDENTS; k++) out.push({ ...jitter(CONTROLS[0]!, 0.001), at: at(1, 15, k % 24), exercise: true });
  return out;
}

describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('analysis API on %s', (_n, backend) => {
  let t: TestApp;
  let analyst: TestUser;
  let epAnalyst: TestUser;
  const source = `A${uniq().toUpperCase()}`;

  beforeAll(async () => {
    const db = await backend.db();
    t = await testApp(db);
    analyst = await makeUser(db, { role: 'analyst', agency: 'PNP' });
    epAnalyst = await makeUser(db, { role: 'analyst', agency: 'EP' });
    await makeIncidents(db, source, seeds());
  });
  afterAll(async () => t.close());

  const post = (url: string, user: TestUser, payload: unknown) => t.app.inject({ method: 'POST', url: `/api/v1/analysis/${url}`, headers: user.auth, payload: payload as Record<string, unknown> });
  const scope = (period: { from: string; to: string }) => ({ ...period, source });

  it('finds the cluster as a 99 % Gi* hot spot with FDR, with a legend and a plain-language explanation', async () => {
    const res = await post('hotspot', analyst, { scope: scope(JAN), method: 'gi', cellSize: 100, radius: 100 });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<THotspotResult>();
    expect(r.incidents).toBe(40 + 120 + 60);
    expect(r.parameters.fdr).toBe(true);
    const top = r.cells.features[0]!;
    expect(top.properties.bin).toBe(3);
    const ring = top.geometry.coordinates[0]!;
    const [lon, lat] = [(ring[0]![0] + ring[2]![0]) / 2, (ring[0]![1] + ring[2]![1]) / 2];
    expect(Math.abs(lon - CLUSTER.lon)).toBeLessThan(0.003);
    expect(Math.abs(lat - CLUSTER.lat)).toBeLessThan(0.003);
    expect(r.cells.features.every((f) => f.properties.bin !== 0)).toBe(true);
    expect(r.legend.map((l) => l.value)).toEqual([3, 2, 1, 0, -1, -2, -3]);
    expect(r.explanation.es).toContain('Getis-Ord Gi*');
    expect(r.explanation.en).toMatch(/hot cells at 99 %/);
  });

  it('draws a KDE whose densest cell is at the cluster, in events per km²', async () => {
    const r = (await post('hotspot', analyst, { scope: scope(JAN), method: 'kde', cellSize: 50, radius: 300 })).json<THotspotResult>();
    const top = r.cells.features[0]!;
    expect(top.properties.level).toBe(5);
    const ring = top.geometry.coordinates[0]!;
    expect(Math.abs((ring[0]![0] + ring[2]![0]) / 2 - CLUSTER.lon)).toBeLessThan(0.003);
    // 40 events within ~80 m under a 300 m quartic kernel: peak near 40 x 3 / (pi 0.09 km²) ≈ 424 per km².
    expect(top.properties.density).toBeGreaterThan(250);
    expect(top.properties.density).toBeLessThan(450);
    const csv = await post('hotspot/export', analyst, { request: { scope: scope(JAN), method: 'kde', cellSize: 50, radius: 300, maxCells: 10 }, format: 'csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(11);
  });

  it("keeps an exercise's training incidents out of real analyses and trends, and analyses them alone when asked", async () => {
    const real = (await post('hotspot', analyst, { scope: scope(JAN), method: 'gi', cellSize: 100, radius: 100 })).json<THotspotResult>();
    expect(real.incidents).toBe(40 + 120 + 60);
    const drill = await post('hotspot', analyst, { scope: { ...scope(JAN), exercise: true }, method: 'kde', cellSize: 100, radius: 300 });
    expect(drill.statusCode, drill.body).toBe(200);
    expect(drill.json<THotspotResult>().incidents).toBe(EXERCISE_INCIDENTS);
    // The trend of Miraflores in January counts exactly the real incidents there that the analyst may read.
    const trends = await t.app.inject({ method: 'GET', url: '/api/v1/analysis/trends?from=2025-01-01&to=2025-01-31&ubigeo=150122', headers: analyst.auth });
    expect(trends.statusCode, trends.body).toBe(200);
    const trendTotal = trends.json<{ series: { origin: string; counts: number[] }[] }>().series
      .filter((s) => s.origin === 'points').reduce((n, s) => n + s.counts.reduce((a, b) => a + b, 0), 0);
    const stored = async (exercise: boolean) => (await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM incident WHERE ubigeo = '150122' AND exercise = $1 AND occurred_at >= $2 AND occurred_at < $3
         AND agency || ':' || classification = ANY($4::text[])`,
      [exercise, JAN.from, JAN.to, readableLabels(analyst.actor, 'incident:read').map((l) => `${l.agency}:${l.classification}`)],
    )).rows[0]!.n;
    expect(await stored(true)).toBeGreaterThanOrEqual(EXERCISE_INCIDENTS);
    expect(trendTotal).toBe(await stored(false));
  });

  it('shows another agency nothing: an Ejército analyst gets no incidents without an agreement', async () => {
    const res = await post('hotspot', epAnalyst, { scope: scope(JAN) });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'ANALYSIS_NO_INCIDENTS' } });
  });

  it('gives monthly series by district and type', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/analysis/trends?ubigeo=150132&from=2025-01-01&to=2025-02-28', headers: analyst.auth });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ months: string[]; series: { ubigeo: string; origin: string; counts: number[] }[] }>();
    expect(r.months).toEqual(['2025-01', '2025-02']);
    const sjl = r.series.find((s) => s.ubigeo === '150132' && s.origin === 'points')!;
    expect(sjl.counts[0]).toBeGreaterThanOrEqual(40);
    expect(sjl.counts[0]! - sjl.counts[1]!).toBeGreaterThanOrEqual(20);
  });

  it('finds the near-repeat pattern of the cluster in the Knox table', async () => {
    const res = await post('near-repeat', analyst, { scope: { ...scope(JAN), ubigeo: ['150132'] }, spaceBands: [0, 200, 2000], timeBands: [0, 3, 30], permutations: 99 });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ observed: number[][]; ratio: (number | null)[][]; p: (number | null)[][] }>();
    expect(r.observed[0]![0]).toBeGreaterThan(0);
    expect(r.ratio[0]![0]).toBeGreaterThan(1);
  });

  it('takes an open last band (null) for distance and time, and refuses a null anywhere else', async () => {
    const body = { scope: { ...scope(JAN), ubigeo: ['150132'] }, spaceBands: [0, 200, null], timeBands: [0, 3, null], permutations: 19 };
    const res = await post('near-repeat', analyst, body);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ incidents: number; spaceBands: (number | null)[]; timeBands: (number | null)[]; observed: number[][] }>();
    expect(r.spaceBands).toEqual([0, 200, null]);
    expect(r.timeBands).toEqual([0, 3, null]);
    // With both last bands open, every pair of incidents is counted in exactly one cell.
    expect(r.observed.flat().reduce((a, b) => a + b, 0)).toBe((r.incidents * (r.incidents - 1)) / 2);
    const bad = await post('near-repeat', analyst, { ...body, spaceBands: [0, null, 200] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('scores the model and the naive baseline on the next period only, both beside each other', async () => {
    const res = await post('evaluate', analyst, { scope: { source }, train: JAN, test: FEB, method: 'kde', cellSize: 100, radius: 300, shares: [0.01, 0.05] });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ trainIncidents: number; testIncidents: number; model: { hitRate: number; pai: number; pei: number }[]; baseline: { hitRate: number }[] }>();
    expect(r.trainIncidents).toBe(220);
    expect(r.testIncidents).toBe(12 + 120 + 60);
    expect(r.model).toHaveLength(2);
    expect(r.baseline).toHaveLength(2);
    expect(r.model[1]!.hitRate).toBeGreaterThan(0.05);
    expect(r.model[1]!.pai).toBeGreaterThan(1);
    const overlap = await post('evaluate', analyst, { scope: { source }, train: FEB, test: JAN });
    expect(overlap.json()).toMatchObject({ error: { code: 'ANALYSIS_BAD_PERIOD' } });
  });

  it('evaluates an operation against comparable areas: a significant relative drop, with displacement reported', async () => {
    const res = await post('before-after', analyst, { treated: ['150132'], control: ['150122', '150115', '150140'], before: JAN, after: FEB });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ counts: { treated: { before: number; after: number } }; relativeEffect: { estimate: number; high: number }; areas: { neighbours: string[] }; explanation: { es: string } }>();
    expect(r.counts.treated.before).toBeGreaterThanOrEqual(40);
    expect(r.relativeEffect.high).toBeLessThan(1);
    expect(r.areas.neighbours).toEqual(expect.arrayContaining(['150118', '150106'])); // Lurigancho, Carabayllo
    expect(r.explanation.es).toMatch(/bajaron/);
    // The weekly counts vary more than Poisson counts (the cluster falls in the first three weeks of January): the
    // intervals are widened by that dispersion, and the explanation says so.
    const full = res.json<{ dispersion: number; counts: Record<'treated' | 'control' | 'neighbours', { before: number; after: number }>; relativeEffect: { estimate: number; low: number; high: number } }>();
    expect(full.dispersion).toBeGreaterThan(1);
    const c = full.counts;
    const poisson = differenceInDifferences({ treatedBefore: c.treated.before, treatedAfter: c.treated.after, controlBefore: c.control.before, controlAfter: c.control.after });
    expect(Math.log(full.relativeEffect.high / full.relativeEffect.estimate)).toBeCloseTo(Math.sqrt(full.dispersion) * Math.log(poisson.relative.high / poisson.relative.estimate), 8);
    expect(r.explanation.es).toContain('cuasi-Poisson');
    // Periods under three weeks: Poisson intervals, said plainly.
    const short = (await post('before-after', analyst, { treated: ['150132'], control: ['150122', '150115', '150140'], before: { from: JAN.from, to: '2025-01-15T00:00:00-05:00' }, after: { from: FEB.from, to: '2025-02-15T00:00:00-05:00' } })).json<{ dispersion: number; explanation: { en: string } }>();
    expect(short.dispersion).toBe(1);
    expect(short.explanation.en).toContain('shorter than three weeks');
  });

  it('exports the Knox table, the hotspot evaluation and the before/after evaluation as CSV, with the figures shown', async () => {
    const csvRows = (body: string) => body.trim().split('\r\n').map((line) => line.split(','));
    const knoxRequest = { scope: scope(JAN), spaceBands: [0, 200, null], timeBands: [0, 7, null], permutations: 19 };
    const knox = (await post('near-repeat', analyst, knoxRequest)).json<{ observed: number[][] }>();
    const knoxCsv = await post('near-repeat/export', analyst, { request: knoxRequest });
    expect(knoxCsv.statusCode, knoxCsv.body).toBe(200);
    expect(knoxCsv.headers['content-type']).toMatch(/^text\/csv/);
    expect(knoxCsv.headers['content-disposition']).toContain('casi-repeticion.csv');
    const knoxRows = csvRows(knoxCsv.body);
    expect(knoxRows[0]).toEqual(['distance_m', 'days', 'observed_pairs', 'expected_pairs', 'ratio', 'p']);
    expect(knoxRows.slice(1).map((r) => [r[0], r[1], Number(r[2])])).toEqual([
      ['0-200', '0-7', knox.observed[0]![0]], ['0-200', '7+', knox.observed[0]![1]], ['200+', '0-7', knox.observed[1]![0]], ['200+', '7+', knox.observed[1]![1]],
    ]);

    const evaluateRequest = { scope: { source }, train: JAN, test: FEB, method: 'kde', cellSize: 100, radius: 300, shares: [0.01, 0.05] };
    const shown = (await post('evaluate', analyst, evaluateRequest)).json<{ model: { hitRate: number }[]; baseline: { pai: number }[] }>();
    const evalRows = csvRows((await post('evaluate/export', analyst, { request: evaluateRequest })).body);
    expect(evalRows.map((r) => [r[0], r[1]])).toEqual([['map', 'area_share'], ['model', '0.01'], ['model', '0.05'], ['naive_baseline', '0.01'], ['naive_baseline', '0.05']]);
    expect(Number(evalRows[2]![3])).toBeCloseTo(shown.model[1]!.hitRate, 12);
    expect(Number(evalRows[4]![4])).toBeCloseTo(shown.baseline[1]!.pai, 12);

    const baRequest = { treated: ['150132'], control: ['150122', '150115', '150140'], before: JAN, after: FEB };
    const ba = (await post('before-after', analyst, baRequest)).json<{ counts: { treated: { before: number; after: number } }; relativeEffect: { estimate: number } }>();
    const baRows = csvRows((await post('before-after/export', analyst, { request: baRequest })).body);
    expect(baRows.find((r) => r[0] === 'treated')!.slice(1, 4)).toEqual(['150132', String(ba.counts.treated.before), String(ba.counts.treated.after)]);
    expect(Number(baRows.find((r) => r[0] === 'relativeEffect')![4])).toBeCloseTo(ba.relativeEffect.estimate, 12);

    // The exports check what the analysis checks: a bad request gets a stable code.
    expect((await post('evaluate/export', analyst, { request: { ...evaluateRequest, train: FEB, test: JAN } })).json()).toMatchObject({ error: { code: 'ANALYSIS_BAD_PERIOD' } });
    expect((await post('near-repeat/export', analyst, { request: knoxRequest, format: 'xlsx' })).statusCode).toBe(400);
  });

  it("fixes the evaluation grid by period t alone: period t + 1's incidents outside it count as missed by both maps", async () => {
    const body = { scope: { source }, train: JAN, method: 'kde', cellSize: 100, radius: 300, shares: [0.05] };
    const feb = (await post('evaluate', analyst, { ...body, test: FEB })).json<{ cells: number; testIncidentsOutsideGrid: number }>();
    expect(feb.testIncidentsOutsideGrid).toBe(0);
    // One incident in March in Ancón, 25 km north of everything in January.
    const far = await t.app.inject({
      method: 'POST', url: '/api/v1/incidents', headers: analyst.auth,
      payload: { source, sourceRef: 'far-north', crimeType: 'ROBO', occurredAt: '2025-03-10T10:00:00-05:00', location: { lon: -77.17, lat: -11.77 }, classification: 'RESERVADO' },
    });
    expect(far.statusCode, far.body).toBe(201);
    const MAR = { from: '2025-03-01T00:00:00-05:00', to: '2025-04-01T00:00:00-05:00' };
    const res = await post('evaluate', analyst, { ...body, test: MAR });
    expect(res.statusCode, res.body).toBe(200);
    const mar = res.json<{ cells: number; testIncidents: number; testIncidentsOutsideGrid: number; model: { hitRate: number; pai: number; pei: number | null }[]; baseline: { hitRate: number }[]; explanation: { es: string; en: string } }>();
    expect(mar.cells).toBe(feb.cells);
    expect(mar).toMatchObject({ testIncidents: 1, testIncidentsOutsideGrid: 1 });
    expect(mar.model[0]!.hitRate).toBe(0);
    expect(mar.baseline[0]!.hitRate).toBe(0);
    expect(mar.model[0]).toMatchObject({ pai: 0, pei: null });
    expect(mar.explanation.en).toContain('1 incident of the following period fell outside');
  });
});
