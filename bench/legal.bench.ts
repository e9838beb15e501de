/**
 * The tasking evaluator (issue 3 figures): evaluations per second on one core against a registry of 2,000 instruments
 * over real district boundaries, with 1,000-member units, requests drawn by a seeded generator that varies unit,
 * area and period (no cache of whole requests; the registry's indexes, which bases with a polygon cover which codes,
 * and the prepared unions of district boundaries are reused, as a running server would). The cold first requests are
 * reported too. UBIGEO areas and polygon areas are timed separately; the polygon path's coverage test is
 * compared with PostGIS ST_Covers answering the same questions over the same prepared basis areas, in the same run.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TInstrument, TTaskingInput } from '@enlace/rules';
import { createCoverageEngine, evaluateTasking, prepareArea } from '@enlace/rules';
import type { TMultiPolygonCoords } from '@enlace/rules';
import { referenceDistrictGeometries } from '../apps/server/src/modules/geography/reference-geometry.ts';
import type { Db } from '../apps/server/src/platform/db/db.ts';
import type { BenchResult } from './report.ts';

const ROOT = resolve(import.meta.dirname, '..');
const AS_OF = '2026-03-01T12:00:00-05:00';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Template {
  unit: TTaskingInput['unit'];
  instruments: TInstrument[];
}

/** The lawful joint patrol of example t01 as the template of a unit and of a decree with its supporting instruments. */
function template(): Template {
  const file = JSON.parse(readFileSync(resolve(ROOT, 'examples/legal/t01-sin-base-legal-cusco.json'), 'utf8')) as {
    units: TTaskingInput['unit'][];
    instruments: TInstrument[];
  };
  const unit = file.units[0];
  if (!unit) throw new Error('t01 has no unit');
  return { unit, instruments: file.instruments };
}

/** `size` members cloned from the template's first member; trainings valid through the bench's horizon. */
function bigUnit(base: TTaskingInput['unit'], id: string, size: number): TTaskingInput['unit'] {
  const member = base.members?.[0];
  if (!member) throw new Error('template unit has no member');
  const trainings = member.trainings.map((t) => ({ ...t, validUntil: '2027-12-31' }));
  const members = Array.from({ length: size }, (_, i) => ({
    ...member,
    id: `${id}-M${i}`,
    trainings,
    designatedLethal: i % 10 === 0,
    equipment: i % 10 === 0 ? member.equipment : member.equipment.filter((e) => e !== 'FUSIL' && e !== 'PISTOLA'),
  }));
  return { ...base, id, name: id, members };
}

const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * 2,000 instruments: 400 emergency decrees over random districts or provinces of the country (40 of them over a
 * polygon drawn inside Lima), each with an extension and its RUF, CCFFAA directive and CCO plan (5 instruments each).
 */
function registry(t: Template, districtCodes: string[], rnd: () => number): TInstrument[] {
  const decree = t.instruments.find((i) => i.kind === 'DS_ESTADO_EMERGENCIA');
  const extension = t.instruments.find((i) => i.kind === 'DS_PRORROGA');
  const supporting = t.instruments.filter((i) => i.kind === 'RUF' || i.kind === 'DIRECTIVA_CCFFAA' || i.kind === 'PLAN_CCO');
  if (!decree) throw new Error('template has no decree');
  const out: TInstrument[] = [];
  for (let k = 0; k < 400; k += 1) {
    const id = `DS-${k}-2026-PCM`;
    const start = addDays('2026-01-01', Math.floor(rnd() * 90));
    const end = addDays(start, 29 + Math.floor(rnd() * 30));
    const area =
      k % 10 === 0
        ? { geometry: { type: 'Polygon' as const, coordinates: [limaPolygon(rnd, 0.03, 0.09)] } }
        : { ubigeo: pick(districtCodes, 1 + Math.floor(rnd() * 4), rnd).map((c) => (rnd() < 0.3 ? c.slice(0, 4) : c)) };
    out.push({ ...decree, id, number: `${k}-2026-PCM`, area, validFrom: start, validTo: end });
    const extFrom = addDays(end, 1);
    const extTo = addDays(extFrom, 29);
    out.push({ ...(extension ?? decree), kind: 'DS_PRORROGA', id: `${id}-P`, number: `${k}b-2026-PCM`, extends: id, area: undefined, validFrom: extFrom, validTo: extTo });
    for (const s of supporting) out.push({ ...s, id: `${s.kind}-${id}`, appliesTo: [id, `${id}-P`], validFrom: start, validTo: extTo });
  }
  return out;
}

function pick<T>(list: readonly T[], n: number, rnd: () => number): T[] {
  return Array.from({ length: n }, () => list[Math.floor(rnd() * list.length)] as T);
}

/** A simple star-shaped polygon around central Lima, `rMin`–`rMax` degrees across. */
function limaPolygon(rnd: () => number, rMin: number, rMax: number): [number, number][] {
  const cx = -77.04 + (rnd() - 0.5) * 0.12;
  const cy = -12.06 + (rnd() - 0.5) * 0.12;
  const r = rMin + rnd() * (rMax - rMin);
  const n = 6 + Math.floor(rnd() * 6);
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i += 1) {
    const a = (2 * Math.PI * i) / n;
    const rr = r * (0.5 + 0.5 * rnd());
    ring.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  ring.push(ring[0] as [number, number]);
  return ring;
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Evaluates `n` generated requests; returns rate and per-evaluation latency percentiles. */
function run(n: number, next: () => TTaskingInput, evaluate: (input: TTaskingInput) => unknown): { rate: number; p50: number; p99: number } {
  const requests = Array.from({ length: n }, next);
  const times = new Float64Array(n);
  const started = performance.now();
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    evaluate(requests[i] as TTaskingInput);
    times[i] = performance.now() - t0;
  }
  const elapsed = performance.now() - started;
  times.sort();
  return { rate: (n / elapsed) * 1000, p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

/** The seeded workload: the registry, the units and two request generators. */
export function legalWorkload(seed = 20261128, membersPerUnit = 1000) {
  const t = template();
  const districts = referenceDistrictGeometries();
  const districtCodes = [...districts.keys()];
  const rnd = rng(seed);
  const instruments = registry(t, districtCodes, rnd);
  const units = Array.from({ length: 20 }, (_, i) => bigUnit(t.unit, `U${i}`, membersPerUnit));
  const tasks = ['PATRULLAJE_CONJUNTO', 'PUESTO_CONTROL', 'SEGURIDAD_PERIMETRICA'] as const;
  const period = (): { start: string; end: string } => {
    const start = addDays('2026-01-10', Math.floor(rnd() * 100));
    return { start, end: addDays(start, Math.floor(rnd() * 10)) };
  };
  const base = (): Omit<TTaskingInput, 'area'> => ({
    unit: units[Math.floor(rnd() * units.length)],
    task: tasks[Math.floor(rnd() * tasks.length)],
    ...period(),
    pnpCoordinator: 'COMISARIA-ZARATE',
  });
  const ubigeoRequest = (): TTaskingInput => ({ ...base(), area: { ubigeo: pick(districtCodes, 1 + Math.floor(rnd() * 3), rnd) } }) as TTaskingInput;
  const polygonRequest = (): TTaskingInput =>
    ({ ...base(), area: { geometry: { type: 'Polygon', coordinates: [limaPolygon(rnd, 0.004, 0.03)] } } }) as TTaskingInput;
  return { districts, districtCodes, instruments, units, rnd, ubigeoRequest, polygonRequest };
}

export async function benchLegal(db: Db | null, dbLabel: string): Promise<BenchResult[]> {
  const { districts, districtCodes, instruments, rnd, ubigeoRequest, polygonRequest } = legalWorkload();
  const engine = createCoverageEngine(districts);

  const results: BenchResult[] = [];
  const decisions = new Map<string, number>();
  const evaluateUbigeo = (input: TTaskingInput) => {
    const r = evaluateTasking(input, { instruments, asOf: AS_OF, coverage: engine.hints(input.area, instruments) });
    decisions.set(r.decision, (decisions.get(r.decision) ?? 0) + 1);
    return r;
  };
  // Cold: the first request of each kind pays for the registry's index, the district boundaries and the unions of
  // district boundaries it reaches (reported, not hidden). Then a timed warm-up: JIT, and the unions the rest of the
  // workload reaches. Nothing about a request is kept, so the steady state still evaluates every request in full.
  process.stderr.write('legal bench: cold first requests, then warming up (indexes, prepared basis areas)...\n');
  const once = (input: TTaskingInput): number => {
    const t0 = performance.now();
    evaluateUbigeo(input);
    return performance.now() - t0;
  };
  results.push({ name: 'Cold: first UBIGEO request (builds the registry index)', value: once(ubigeoRequest()), unit: 'ms' });
  results.push({ name: 'Cold: first polygon request (loads boundaries, prepares the unions it reaches)', value: once(polygonRequest()), unit: 'ms' });
  // A basis over the whole of Lima province (1501): the first polygon request in it unions the 43 IGN districts
  // (56,000 points). A fresh engine and a registry of that one decree, so only the JIT is shared with the rows above.
  const limaId = 'DS-0-2026-PCM';
  const limaRegistry = instruments
    .filter((i) => i.id === limaId || i.extends === limaId || i.appliesTo?.includes(limaId))
    .map((i) => (i.id === limaId ? { ...i, area: { ubigeo: ['1501'] } } : i));
  const limaEngine = createCoverageEngine(districts);
  const limaRequest = polygonRequest();
  const limaStarted = performance.now();
  evaluateTasking(limaRequest, { instruments: limaRegistry, asOf: AS_OF, coverage: limaEngine.hints(limaRequest.area, limaRegistry) });
  results.push({ name: 'Cold: first polygon request over a Lima-wide basis (unions the 43 districts of 1501)', value: performance.now() - limaStarted, unit: 'ms' });
  const warmStarted = performance.now();
  run(2000, ubigeoRequest, evaluateUbigeo);
  run(500, polygonRequest, evaluateUbigeo);
  results.push({ name: 'Warm-up: 2,000 UBIGEO + 500 polygon requests (prepares the unions the workload reaches)', value: (performance.now() - warmStarted) / 1000, unit: 's' });
  decisions.clear();

  const u = run(40_000, ubigeoRequest, evaluateUbigeo);
  results.push({ name: 'UBIGEO areas: evaluations per second (one core)', value: u.rate, unit: 'eval/s' });
  results.push({ name: 'UBIGEO areas: p50 latency', value: u.p50, unit: 'ms' });
  results.push({ name: 'UBIGEO areas: p99 latency', value: u.p99, unit: 'ms' });
  const mix = [...decisions.entries()].map(([d, c]) => `${d} ${c}`).join(', ');
  process.stderr.write(`legal bench: decisions over UBIGEO requests: ${mix}\n`);

  const p = run(10_000, polygonRequest, evaluateUbigeo);
  results.push({ name: 'Polygon areas: evaluations per second (one core, coverage computed in memory)', value: p.rate, unit: 'eval/s' });
  results.push({ name: 'Polygon areas: p50 latency', value: p.p50, unit: 'ms' });
  results.push({ name: 'Polygon areas: p99 latency', value: p.p99, unit: 'ms' });

  // The coverage test alone, in memory and in PostGIS, over the same prepared basis areas and polygons.
  const bases = instruments.filter((i) => i.kind === 'DS_ESTADO_EMERGENCIA');
  const polygons = Array.from({ length: 400 }, () => limaPolygon(rnd, 0.004, 0.03));
  const started = performance.now();
  let covered = 0;
  for (const ring of polygons) {
    const hints = engine.hints({ geometry: { type: 'Polygon', coordinates: [ring] } }, bases) ?? [];
    covered += hints.filter((h) => h.coversGeometry).length;
  }
  const memoryRate = (polygons.length / (performance.now() - started)) * 1000;
  results.push({ name: `Coverage test alone, in memory: requests per second (${bases.length} bases each)`, value: memoryRate, unit: 'req/s' });

  if (db) {
    process.stderr.write(`legal bench: loading ${bases.length} basis areas into ${dbLabel}...\n`);
    await db.query('CREATE EXTENSION IF NOT EXISTS postgis');
    await db.query('DROP TABLE IF EXISTS bench_basis');
    await db.query('CREATE TABLE bench_basis (id text PRIMARY KEY, geom geometry(MultiPolygon, 4326))');
    for (const b of bases) {
      const prepared = prepareArea(
        b.area?.geometry
          ? [[b.area.geometry.coordinates as unknown as TMultiPolygonCoords[number]]]
          : [...new Set(b.area?.ubigeo ?? [])].flatMap((code) => districtCodes.filter((c) => c.startsWith(code)).map((c) => districts.get(c) ?? [])),
      );
      if (!prepared) continue;
      await db.query(`INSERT INTO bench_basis VALUES ($1, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)))`, [
        b.id,
        JSON.stringify({ type: 'MultiPolygon', coordinates: prepared.polygons }),
      ]);
    }
    await db.query('CREATE INDEX ON bench_basis USING gist (geom)');
    await db.query('ANALYZE bench_basis');
    let sqlCovered = 0;
    const sqlStarted = performance.now();
    for (const ring of polygons) {
      const r = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM bench_basis b, (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) q
          WHERE b.geom ~ q.g AND ST_Covers(b.geom, q.g)`,
        [JSON.stringify({ type: 'Polygon', coordinates: [ring] })],
      );
      sqlCovered += r.rows[0]?.n ?? 0;
    }
    const sqlRate = (polygons.length / (performance.now() - sqlStarted)) * 1000;
    await db.query('DROP TABLE bench_basis');
    results.push({ name: `Coverage test alone, PostGIS ST_Covers with a GiST index (${dbLabel}): requests per second`, value: sqlRate, unit: 'req/s' });
    results.push({ name: 'In-memory coverage / PostGIS ST_Covers', value: memoryRate / sqlRate, unit: 'ratio' });
    if (sqlCovered !== covered) {
      process.stderr.write(`legal bench: WARNING: in memory ${covered} covered pairs, PostGIS ${sqlCovered}\n`);
    }
    results.push({ name: 'Covered (basis, polygon) pairs, in memory / PostGIS (must be equal)', value: covered, unit: `/ ${sqlCovered}` });
  }
  return results;
}
