import type { THotspotResult, TIncident } from '@enlace/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, uniq } from '../../../../../test/support/factories.ts';
import type { TestUser } from '../../../../../test/support/factories.ts';
import { makeIncidents } from '../../../../../test/support/incidents.ts';
import type { IncidentSeed } from '../../../../../test/support/incidents.ts';
import { aDecree } from '../../../../../test/support/legal.ts';
import { testApp } from '../../../../../test/support/test-app.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { backends } from '../../../../../test/support/test-db.ts';
import type { Backend } from '../../../../../test/support/test-db.ts';
import type { Db } from '../../platform/db/db.ts';
import { pointsCacheStats, scopeFilter } from './analysis-points.ts';
import { incidentPages, loadPoints } from './analysis.repository.ts';

const SJL = { lon: -76.9779, lat: -11.9491 };
const limaDay = (offsetDays: number): string => new Date(Date.now() - 5 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const daysAgo = (d: number): string => new Date(Date.now() - d * 86_400_000).toISOString();

/**
 * The analysis keeps the points of recent scopes in memory (analysis-points.ts, migration 0013). These tests check
 * that a repeated analysis is served from memory, and that every way incidents change (created through the API,
 * imported or re-imported, reclassified, deleted) is seen by the next analysis, which reads them again.
 */
describe.each(backends().map((b) => [b.name, b] as [string, Backend]))('analysis points cache on %s', (_n, backend) => {
  let db: Db;
  let t: TestApp;
  let analyst: TestUser;
  let lowAnalyst: TestUser;
  let epAnalyst: TestUser;
  let commander: TestUser;
  let legal: TestUser;
  const source = `C${uniq().toUpperCase()}`;
  const seeds: IncidentSeed[] = Array.from({ length: 30 }, (_, k) => ({
    lon: SJL.lon + ((k % 6) - 3) * 0.0004,
    lat: SJL.lat + (Math.floor(k / 6) - 2) * 0.0004,
    at: daysAgo(2 + (k % 5)),
    classification: k < 10 ? 'CONFIDENCIAL' : 'RESERVADO',
  }));

  beforeAll(async () => {
    db = await backend.db();
    t = await testApp(db);
    analyst = await makeUser(db, { role: 'analyst', agency: 'PNP', clearance: 'RESERVADO' });
    lowAnalyst = await makeUser(db, { role: 'analyst', agency: 'PNP', clearance: 'CONFIDENCIAL' });
    epAnalyst = await makeUser(db, { role: 'analyst', agency: 'EP' });
    commander = await makeUser(db, { role: 'commander', agency: 'PNP' });
    legal = await makeUser(db, { role: 'legal_officer', agency: 'PNP' });
    await makeIncidents(db, source, seeds);
  });
  afterAll(async () => t.close());

  const scope = { from: daysAgo(30), to: daysAgo(-1), source };
  const hotspot = async (user: TestUser) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/analysis/hotspot', headers: user.auth, payload: { scope, method: 'gi', cellSize: 50, radius: 50 } });
    return { status: res.statusCode, incidents: res.statusCode === 200 ? res.json<THotspotResult>().incidents : 0, body: res.body };
  };
  /** The analysis's incident count, and whether it came from memory. */
  const analyse = async (user: TestUser) => {
    const before = pointsCacheStats(db);
    const r = await hotspot(user);
    expect(r.status, r.body).toBe(200);
    return { incidents: r.incidents, cached: pointsCacheStats(db).hits > before.hits };
  };

  it('serves a repeated analysis from memory, and each reader only the points of its own labels', async () => {
    expect(await analyse(analyst)).toEqual({ incidents: 30, cached: false });
    expect(await analyse(analyst)).toEqual({ incidents: 30, cached: true });
    // Same scope, lower clearance: never the RESERVADO points another reader's analysis left in memory.
    expect(await analyse(lowAnalyst)).toEqual({ incidents: 10, cached: false });
    expect(await analyse(lowAnalyst)).toEqual({ incidents: 10, cached: true });
    const ep = await hotspot(epAnalyst);
    expect(ep.status).toBe(422);
  });

  it('sees an incident created through the API at the next analysis', async () => {
    await analyse(analyst);
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/incidents', headers: commander.auth,
      payload: { source, sourceRef: 'api-1', crimeType: 'ROBO', occurredAt: daysAgo(1), location: SJL, classification: 'RESERVADO' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await analyse(analyst)).toEqual({ incidents: 31, cached: false });
    expect(await analyse(analyst)).toEqual({ incidents: 31, cached: true });
    expect(await analyse(lowAnalyst)).toMatchObject({ incidents: 10 });
    expect(res.json<TIncident>().id).toBeTruthy();
  });

  it('sees imported rows, a reclassification and a deletion, each at the next analysis', async () => {
    await analyse(analyst);
    await makeIncidents(db, source, [...seeds, { ...SJL, at: daysAgo(3) }, { ...SJL, at: daysAgo(4) }]); // re-import: 2 new rows
    expect(await analyse(analyst)).toEqual({ incidents: 33, cached: false });
    await db.query(`UPDATE incident SET classification = 'SECRETO' WHERE source = $1 AND source_ref = 'seed-0'`, [source]);
    expect(await analyse(lowAnalyst)).toEqual({ incidents: 9, cached: false });
    expect(await analyse(analyst)).toEqual({ incidents: 32, cached: false });
    await db.query(`DELETE FROM incident WHERE source = $1 AND source_ref IN ('seed-30', 'seed-31')`, [source]);
    expect(await analyse(analyst)).toEqual({ incidents: 30, cached: false });
    expect(await analyse(analyst)).toEqual({ incidents: 30, cached: true });
  });

  it('reads again after a truncation (its change row stands for every label)', async () => {
    await analyse(analyst);
    expect(await analyse(analyst)).toMatchObject({ cached: true });
    // What the TRUNCATE trigger writes; truncating the shared test table itself would disturb the other tests.
    await db.query(`INSERT INTO incident_change (agency, classification) VALUES ('*', '*')`);
    expect(await analyse(analyst)).toEqual({ incidents: 30, cached: false });
    expect(await analyse(lowAnalyst)).toMatchObject({ cached: false });
  });

  it('keeps its copy when only another agency writes incidents, and a write that rolls back changes nothing', async () => {
    await analyse(analyst);
    await makeIncidents(db, `O${uniq().toUpperCase()}`, [{ ...SJL, at: daysAgo(2), agency: 'EP' }]);
    expect(await analyse(analyst)).toEqual({ incidents: 30, cached: true });
    await db.transaction(async (tx) => {
      await makeIncidents(tx, source, [{ ...SJL, at: daysAgo(2) }]);
      // Not committed yet: another connection still gets the same points (PGlite has one connection, which this
      // transaction holds, so only PostgreSQL can show it).
      if (db.kind === 'postgres') expect((await hotspot(analyst)).incidents).toBe(30);
      throw new Error('roll back');
    }).catch((err: unknown) => expect(String(err)).toContain('roll back'));
    expect(await analyse(analyst)).toEqual({ incidents: 30, cached: true });
  });

  it('reads the same points when the table is scanned in several page ranges at once', async () => {
    const filter = scopeFilter(analyst.actor, scope);
    const whole = await loadPoints(db, filter, { withTime: true });
    const pages = Math.max(await incidentPages(db), 3);
    for (const split of [2, 3]) {
      const parts = await loadPoints(db, filter, { withTime: true, split, pages });
      expect(parts.n).toBe(30);
      expect(parts.version).toBe(whole.version);
      // Page ranges may return the rows in another order: compare as sorted (x, y, t) triples.
      const triples = (p: typeof whole) => Array.from({ length: p.n }, (_, i) => `${p.x[i]},${p.y[i]},${p.t![i]}`).sort();
      expect(triples(parts)).toEqual(triples(whole));
    }
  });

  it('never reaches shared incidents: an Ejército analyst analyses nothing before, during or after an agreement', async () => {
    const decree = aDecree(Number(limaDay(0).slice(0, 4)), { ubigeo: ['150132'] }, {
      validFrom: limaDay(-10), validTo: limaDay(20),
      oversight: { defensoriaContact: 'Defensoría Lima', ministerioPublicoContact: 'Fiscalía Lima', reportingSchedule: 'diario', congressNotifiedOn: limaDay(-9) },
    });
    const reg = await t.app.inject({ method: 'POST', url: '/api/v1/legal/instruments', headers: legal.auth, payload: decree });
    expect(reg.statusCode, reg.body).toBe(201);
    const opened = await t.app.inject({
      method: 'POST', url: '/api/v1/sharing/agreements', headers: commander.auth,
      payload: { title: 'Intercambio SJL (análisis)', recipientAgency: 'EP', instrumentId: decree.id, fields: ['crimeType', 'occurredAt', 'location'] },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json<{ id: string }>().id;
    expect((await hotspot(epAnalyst)).status).toBe(422);
    // The agreement's own read path gives the shared incidents, and audits the read.
    const shared = await t.app.inject({ method: 'GET', url: `/api/v1/sharing/agreements/${id}/incidents?limit=100`, headers: epAnalyst.auth });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json<{ total: number }>().total).toBeGreaterThan(0);
    const ended = await t.app.inject({ method: 'POST', url: `/api/v1/sharing/agreements/${id}/end`, headers: commander.auth, payload: { reason: 'fin del estado de emergencia' } });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await hotspot(epAnalyst)).status).toBe(422);
    expect(await analyse(analyst)).toMatchObject({ incidents: 30 });
  });
});
