import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'apps/cli/bin/enlace.js');
const dir = mkdtempSync(join(tmpdir(), 'enlace-analyze-'));

function enlace(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

/** 60 points in a tight cluster and 140 spread over 4 km, UTM 18S metres, with dates; deterministic. */
function pointsCsv(): string {
  const lines = ['id,x,y,date,value'];
  let s = 1;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  for (let i = 0; i < 60; i++) lines.push(`c${i},${280000 + rnd() * 60},${8668000 + rnd() * 60},2025-01-${String(1 + (i % 28)).padStart(2, '0')} 10:00,${10 + rnd()}`);
  for (let i = 0; i < 140; i++) lines.push(`b${i},${278000 + rnd() * 4000},${8666000 + rnd() * 4000},2025-0${1 + (i % 2)}-${String(1 + (i % 28)).padStart(2, '0')} 12:00,${rnd()}`);
  return `${lines.join('\n')}\n`;
}

const csv = join(dir, 'points.csv');
writeFileSync(csv, pointsCsv());
const six = join(dir, 'six.geojson');
// The published Gi* check of analytics.md (PySAL esda): six points, values, binary distance band 15.
writeFileSync(six, JSON.stringify({
  type: 'FeatureCollection',
  features: [[10, 10, 2], [20, 10, 3], [40, 10, 3.2], [15, 20, 5], [30, 20, 8], [30, 30, 7]].map(([x, y, v], i) => ({
    type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [x, y] }, properties: { v },
  })),
}));

describe('enlace analyze --json', () => {
  it('kde: JSON only on stdout, the mass of the grid equals the number of points, progress on stderr', () => {
    const r = enlace(['analyze', 'kde', csv, '--crs', 'EPSG:32718', '--cell-size', '25', '--radius', '200', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { n: number; mass: number; cells: [number, number, number][]; epsg: number };
    expect(out.n).toBe(200);
    expect(out.epsg).toBe(32718);
    expect(out.mass).toBeCloseTo(200, 0);
    expect(r.stderr).toContain('200 points');
  });

  it('gi: finds the cluster as hot cells; point mode reproduces the published six-point z-scores', () => {
    const grid = JSON.parse(enlace(['analyze', 'gi', csv, '--crs', 'EPSG:32718', '--cell-size', '100', '--radius', '100', '--json']).stdout) as { bins: { hot99: number }; cells: number[][] };
    expect(grid.bins.hot99).toBeGreaterThan(0);
    expect(grid.cells[0]![5]).toBe(3);
    const r = enlace(['analyze', 'gi', six, '--crs', 'EPSG:32718', '--value-column', 'v', '--threshold', '15', '--no-fdr', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const z = (JSON.parse(r.stdout) as { z: number[] }).z;
    [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331].forEach((want, i) => expect(z[i]).toBeCloseTo(want, 6));
  });

  it("moran and local-moran over values with a distance band", () => {
    const m = JSON.parse(enlace(['analyze', 'moran', csv, '--crs', 'EPSG:32718', '--value-column', 'value', '--threshold', '300', '--json']).stdout) as { I: number; p_rand: number };
    expect(m.I).toBeGreaterThan(0.5);
    expect(m.p_rand).toBeLessThan(0.001);
    const l = JSON.parse(enlace(['analyze', 'local-moran', csv, '--crs', 'EPSG:32718', '--value-column', 'value', '--threshold', '300', '--permutations', '99', '--json']).stdout) as { quadrant: string[]; ids: string[] };
    expect(l.quadrant).toHaveLength(200);
    expect(l.quadrant[l.ids.indexOf('c0')]).toBe('HH');
  });

  it('knox and evaluate', () => {
    const k = JSON.parse(enlace(['analyze', 'knox', csv, '--crs', 'EPSG:32718', '--space-bands', '0,100,5000', '--time-bands', '0,15,60', '--permutations', '19', '--json']).stdout) as { observed: number[][] };
    expect(k.observed).toHaveLength(2);
    const e = enlace(['analyze', 'evaluate', csv, '--crs', 'EPSG:32718', '--split', '2025-02-01', '--shares', '0.05', '--json']);
    expect(e.status, e.stderr).toBe(0);
    const ev = JSON.parse(e.stdout) as { train: number; test: number; model: { pai: number }[]; baseline: { pai: number }[] };
    expect(ev.train + ev.test).toBe(200);
    expect(ev.model[0]!.pai).toBeGreaterThan(0);
    expect(ev.baseline).toHaveLength(1);
  });

  it('fails with a clear message on a file without coordinates', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    const r = enlace(['analyze', 'kde', bad, '--json']);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/coordinate columns/);
  });
});
