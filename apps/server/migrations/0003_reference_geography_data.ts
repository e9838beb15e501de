/**
 * Loads the reference geography of Peru committed in `reference/peru` (built by
 * tools/build-reference-geography.ts) into the tables of 0002_reference_geography.sql.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Queryable } from '../src/platform/db/db.ts';

const REFERENCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../reference');

/** The files are valid already (the build checks it); ST_MakeValid guards against a hand edit. */
const GEOM = (param: string): string =>
  `ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${param}::text), 4326)), 3))`;

/** Statements stay under a few MB of parameters and far under PostgreSQL's 65,535 parameters. */
const MAX_BATCH_ROWS = 500;
const MAX_BATCH_CHARS = 2_000_000;

const ZCode = z.string().regex(/^[0-9]+$/);
const ZGeometry = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) });
const features = <P extends z.ZodType>(props: P) =>
  z.object({ features: z.array(z.object({ properties: props, geometry: ZGeometry.nullable() })) });

const ZDepartment = z.object({ ubigeo: ZCode, name: z.string(), name_inei: z.string() });
const ZProvince = z.object({
  ubigeo: ZCode,
  name: z.string(),
  name_inei: z.string().nullable(),
  department_ubigeo: ZCode,
});
const ZDistrict = z.object({
  ubigeo: ZCode,
  name: z.string(),
  name_inei: z.string().nullable(),
  province_ubigeo: ZCode,
  department_ubigeo: ZCode,
  ubigeo_2007: ZCode.nullable(),
  geom_source: z.enum(['inei_2007', 'ign_lima_callao']).nullable(),
});
const ZLimaCallao = z.object({ ubigeo: ZCode, name: z.string(), province: z.enum(['LIMA', 'CALLAO']) });

interface Load {
  table: string;
  columns: string[];
  /** The column holding GeoJSON text, converted to a geometry. */
  geomColumn?: string;
  rows: unknown[][];
}

function readGeoJson<P extends z.ZodType>(file: string, props: P) {
  return features(props).parse(JSON.parse(readFileSync(join(REFERENCE, 'peru', file), 'utf8'))).features;
}

const geoJson = (g: z.infer<typeof ZGeometry> | null): string | null => (g ? JSON.stringify(g) : null);

function readChanges(): unknown[][] {
  const [header, ...lines] = readFileSync(join(REFERENCE, 'peru/ubigeo-changes.csv'), 'utf8').trimEnd().split('\n');
  const columns = header?.split(',') ?? [];
  if (columns.length !== 12) throw new Error(`ubigeo-changes.csv: unexpected header ${header}`);
  return lines.map((line) => {
    const c = line.split(',').map((v) => (v === '' ? null : v));
    if (c.length !== 12) throw new Error(`ubigeo-changes.csv: bad line ${line}`);
    return [...c.slice(0, 9), c[9]?.split('|') ?? [], c[10], c[11]];
  });
}

function loads(): Load[] {
  const departments = readGeoJson('departments.geojson', ZDepartment);
  const provinces = readGeoJson('provinces.geojson', ZProvince);
  const districts = readGeoJson('districts.geojson', ZDistrict);
  const limaCallao = readGeoJson('lima-callao-districts.geojson', ZLimaCallao);
  return [
    {
      table: 'ref_department',
      columns: ['ubigeo', 'name', 'name_inei', 'geom'],
      geomColumn: 'geom',
      rows: departments.map(({ properties: p, geometry }) => [p.ubigeo, p.name, p.name_inei, geoJson(geometry)]),
    },
    {
      table: 'ref_province',
      columns: ['ubigeo', 'department_ubigeo', 'name', 'name_inei', 'geom'],
      geomColumn: 'geom',
      rows: provinces.map(({ properties: p, geometry }) => [
        p.ubigeo,
        p.department_ubigeo,
        p.name,
        p.name_inei,
        geoJson(geometry),
      ]),
    },
    {
      table: 'ref_district',
      columns: [
        'ubigeo',
        'province_ubigeo',
        'department_ubigeo',
        'name',
        'name_inei',
        'ubigeo_2007',
        'geom_source',
        'geom',
      ],
      geomColumn: 'geom',
      rows: districts.map(({ properties: p, geometry }) => [
        p.ubigeo,
        p.province_ubigeo,
        p.department_ubigeo,
        p.name,
        p.name_inei,
        p.ubigeo_2007,
        p.geom_source,
        geoJson(geometry),
      ]),
    },
    {
      table: 'ref_lima_callao_district',
      columns: ['ubigeo', 'name', 'province', 'geom'],
      geomColumn: 'geom',
      rows: limaCallao.map(({ properties: p, geometry }) => [p.ubigeo, p.name, p.province, geoJson(geometry)]),
    },
    {
      table: 'ref_ubigeo_change',
      columns: [
        'level',
        'kind',
        'ubigeo_2007',
        'ubigeo_2026',
        'name_2007',
        'name_2026',
        'department_name',
        'province_name_2007',
        'province_name_2026',
        'fields',
        'container_2007',
        'container_method',
      ],
      rows: readChanges(),
    },
  ];
}

/** Splits rows into batches bounded by row count and by the size of their text. */
function batches(rows: unknown[][]): unknown[][][] {
  const out: unknown[][][] = [];
  let current: unknown[][] = [];
  let chars = 0;
  for (const row of rows) {
    const size = row.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length : 16), 0);
    if (current.length > 0 && (current.length >= MAX_BATCH_ROWS || chars + size > MAX_BATCH_CHARS)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(row);
    chars += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function insert(tx: Queryable, load: Load, batch: unknown[][]): Promise<void> {
  const width = load.columns.length;
  const tuples = batch.map((_, i) => {
    const cells = load.columns.map((c, j) => {
      const param = `$${i * width + j + 1}`;
      return c === load.geomColumn ? GEOM(param) : param;
    });
    return `(${cells.join(', ')})`;
  });
  await tx.query(`INSERT INTO ${load.table} (${load.columns.join(', ')}) VALUES ${tuples.join(', ')}`, batch.flat());
}

/** Inserts every reference row, parents before children, reporting progress in rows. */
export async function up(tx: Queryable, progress: (done: number, total: number) => void): Promise<void> {
  const version = readFileSync(join(REFERENCE, 'VERSION'), 'utf8').trim();
  const all = loads();
  const total = all.reduce((n, l) => n + l.rows.length, 0);
  let done = 0;
  progress(done, total);
  for (const load of all) {
    for (const batch of batches(load.rows)) {
      await insert(tx, load, batch);
      done += batch.length;
      progress(done, total);
    }
  }
  await tx.query("INSERT INTO ref_dataset (name, version) VALUES ('peru', $1)", [version]);
}
