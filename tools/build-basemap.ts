/**
 * Builds the OFFLINE basemap of the web map (`apps/web/public/basemap/`) from the committed reference geography
 * (`reference/peru/`, itself built from `$ENLACE_SHARED_DATA/peru` by `tools/build-reference-geography.ts`):
 *
 *   npx tsx tools/build-basemap.ts
 *
 * The map never fetches internet tiles. Vite copies `public/` into `dist/`, and the server serves `dist/` statically,
 * so the basemap is whatever this script wrote: a few GeoJSON files, each simplified for the zoom band that shows it,
 * that MapLibre tiles in its worker (geojson-vt). Simplification is coverage-aware (PostGIS `ST_CoverageSimplify`,
 * GEOS 3.14, in an in-memory PGlite), so neighbouring districts keep a shared edge at every band: no slivers or gaps
 * between them on a dark map, where a gap shows at once.
 *
 * Bands (a MapLibre zoom shows 360 / (512 * 2^z) degrees per pixel):
 * - departments: one file for every zoom (the INEI departments are already coarse);
 * - provinces: `national-provinces` (coverage-simplified at 0.03°, 3 decimals) below zoom 6.5, `provinces` above;
 * - districts (zoom ≥ 8): the INEI districts as in the reference file, except Lima Metropolitana and Callao,
 *   which take the detailed IGN boundaries (coverage-simplified at 0.0001°, about 11 m).
 * The web map loads the district files only when the user first zooms into their band, so the first paint needs
 * about 0.7 MB (departments, provinces, outline, national labels). Labels are points (pole of inaccessibility, `ST_MaximumInscribedCircle`) with a rank
 * by area, so the style can show the big districts first: `labels-national.geojson` (departments, provinces,
 * orientation labels) and `labels-local.geojson` (districts).
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { z } from 'zod';

/** Bump when the output changes; the web app shows it in the map's attribution. */
const BASEMAP_VERSION = 'peru-basemap-1';

const ROOT = resolve(import.meta.dirname, '..');
const REFERENCE = join(ROOT, 'reference/peru');
const OUT = join(ROOT, 'apps/web/public/basemap');

/** Province codes drawn from the IGN file at the local band (Lima Metropolitana and Callao). */
const IGN_PROVINCES = ['1501', '0701'];

interface BandLayer {
  file: string;
  layer: 'department' | 'province' | 'district' | 'lima_callao';
  /** Simplification tolerance in degrees (0: as in the reference file). */
  tolerance: number;
  /** Decimals kept in the output (5 decimals ≈ 1 m, 3 ≈ 110 m). */
  decimals: number;
  /** Leave out these provinces (drawn by a more detailed layer of the same band). */
  excludeProvinces?: string[];
}

const LAYERS: readonly BandLayer[] = [
  // The INEI departments are already coarse (vertices about 5 km apart): one file serves every zoom.
  { file: 'departments.geojson', layer: 'department', tolerance: 0, decimals: 4 },
  { file: 'national-provinces.geojson', layer: 'province', tolerance: 0.03, decimals: 3 },
  { file: 'provinces.geojson', layer: 'province', tolerance: 0, decimals: 4 },
  // The INEI districts are simplified at the source (ST_SimplifyPreserveTopology at 0.0015° removes 2 % of their
  // vertices), so one file serves both the regional and the local band.
  { file: 'districts.geojson', layer: 'district', tolerance: 0, decimals: 4, excludeProvinces: IGN_PROVINCES },
  { file: 'lima-callao.geojson', layer: 'lima_callao', tolerance: 0.0001, decimals: 5 },
];

// ---------------------------------------------------------------------------------------------------------
// Reference files

const ZGeometry = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) });
const ZProps = z.object({
  ubigeo: z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/),
  name: z.string().min(1),
  province: z.string().optional(),
  department: z.string().optional(),
});
const ZCollection = z.object({ features: z.array(z.object({ properties: ZProps, geometry: ZGeometry.nullable() })) });

interface SourceRow {
  layer: BandLayer['layer'];
  ubigeo: string;
  name: string;
  /** Parent names for the hover card: "Province, Department". */
  parent: string;
  geometry: string;
}

function readLayer(file: string, layer: SourceRow['layer']): SourceRow[] {
  const parsed = ZCollection.parse(JSON.parse(readFileSync(join(REFERENCE, file), 'utf8')));
  const rows: SourceRow[] = [];
  for (const f of parsed.features) {
    if (!f.geometry) continue; // Districts created since 2007 have no boundary of their own (see reference SOURCES.md).
    const p = f.properties;
    const isLimaCallao = layer === 'lima_callao';
    const province = isLimaCallao ? (p.ubigeo.startsWith('07') ? 'Callao' : 'Lima') : (p.province ?? '');
    const department = isLimaCallao ? (p.ubigeo.startsWith('07') ? 'Callao' : 'Lima') : (p.department ?? '');
    const parent = layer === 'department' ? '' : layer === 'province' ? department : `${province}, ${department}`;
    rows.push({ layer, ubigeo: p.ubigeo, name: p.name, parent, geometry: JSON.stringify(f.geometry) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// Geometry

const SETUP_SQL = `
CREATE EXTENSION postgis;
CREATE TABLE src (layer text, ubigeo text, name text, parent text, geom geometry);
`;

/** One band layer: coverage simplification over the whole layer (window function), then valid, multi, CCW. */
const BAND_SQL = `
WITH chosen AS (
  SELECT ubigeo, name, parent, geom FROM src
  WHERE layer = $1 AND NOT (left(ubigeo, 4) = ANY($3::text[]))
), simplified AS (
  SELECT ubigeo, name, parent,
         CASE WHEN $2::float8 > 0 THEN ST_CoverageSimplify(geom, $2::float8) OVER () ELSE geom END AS geom
  FROM chosen
)
SELECT ubigeo, name, parent,
       ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3))), $4::int) AS json
FROM simplified WHERE NOT ST_IsEmpty(geom) ORDER BY ubigeo`;

/** Label points: the centre of the largest inscribed circle lies inside even a crescent-shaped district. */
const LABEL_SQL = `
SELECT layer, ubigeo, name,
       ST_X(c) AS lon, ST_Y(c) AS lat, area
FROM (
  SELECT layer, ubigeo, name, ST_Area(geom) AS area,
         (ST_MaximumInscribedCircle(geom)).center AS c
  FROM src
  WHERE layer IN ('department', 'province', 'lima_callao')
     OR (layer = 'district' AND NOT (left(ubigeo, 4) = ANY($1::text[])))
) t ORDER BY layer, area DESC`;

/**
 * The IGN outlines of the provinces of Lima and Callao: from zoom 8 they replace the coarse INEI department and
 * province lines there, which would otherwise cut across the detailed IGN districts.
 */
const LIMA_CALLAO_OUTLINE_SQL = `
SELECT left(ubigeo, 4) AS ubigeo,
       ST_AsGeoJSON(ST_ForcePolygonCCW(ST_SimplifyPreserveTopology(ST_Union(geom), 0.0001)), 5) AS json
FROM src WHERE layer = 'lima_callao' GROUP BY left(ubigeo, 4) ORDER BY 1`;

/** Peru's outline (the union of the departments), drawn as a strong border at every zoom. */
const OUTLINE_SQL = `
SELECT ST_AsGeoJSON(ST_ForcePolygonCCW(ST_SimplifyPreserveTopology(ST_Union(geom), $1::float8)), 4) AS json
FROM src WHERE layer = 'department'`;

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** One feature per line so a rebuild shows as a readable diff. */
function collection(features: object[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/**
 * Orientation labels outside Peru's boundary. The reference data has no coastline or neighbouring countries, so the
 * map draws Peru on a neutral background and names what lies around it at fixed, well-known places.
 */
const SURROUNDINGS = [
  { name_es: 'Océano Pacífico', name_en: 'Pacific Ocean', lon: -81.2, lat: -11.5, kind: 'sea' },
  { name_es: 'ECUADOR', name_en: 'ECUADOR', lon: -78.6, lat: -1.6, kind: 'country' },
  { name_es: 'COLOMBIA', name_en: 'COLOMBIA', lon: -72.6, lat: 0.6, kind: 'country' },
  { name_es: 'BRASIL', name_en: 'BRAZIL', lon: -66.5, lat: -8.5, kind: 'country' },
  { name_es: 'BOLIVIA', name_en: 'BOLIVIA', lon: -66.8, lat: -15.8, kind: 'country' },
  { name_es: 'CHILE', name_en: 'CHILE', lon: -69.6, lat: -19.9, kind: 'country' },
] as const;

async function build(): Promise<void> {
  const rows = [
    ...readLayer('departments.geojson', 'department'),
    ...readLayer('provinces.geojson', 'province'),
    ...readLayer('districts.geojson', 'district'),
    ...readLayer('lima-callao-districts.geojson', 'lima_callao'),
  ];
  const pg = await PGlite.create({ extensions: { postgis } });
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const sizes: Record<string, number> = {};
  const write = (file: string, text: string): void => {
    writeFileSync(join(OUT, file), text);
    sizes[file] = Buffer.byteLength(text);
  };
  try {
    await pg.exec(SETUP_SQL);
    for (let i = 0; i < rows.length; i += 100) {
      const batch = rows.slice(i, i + 100);
      const values = batch.map(
        (_, j) => `($${5 * j + 1}, $${5 * j + 2}, $${5 * j + 3}, $${5 * j + 4}, ST_SetSRID(ST_GeomFromGeoJSON($${5 * j + 5}::text), 4326))`,
      );
      await pg.query(
        `INSERT INTO src (layer, ubigeo, name, parent, geom) VALUES ${values.join(', ')}`,
        batch.flatMap((r) => [r.layer, r.ubigeo, r.name, r.parent, r.geometry]),
      );
    }

    for (const band of LAYERS) {
      const result = await pg.query<{ ubigeo: string; name: string; parent: string; json: string }>(BAND_SQL, [
        band.layer,
        band.tolerance,
        band.excludeProvinces ?? [],
        band.decimals,
      ]);
      const features = result.rows.map((r) => ({
        type: 'Feature',
        properties: { ubigeo: r.ubigeo, name: r.name, ...(r.parent ? { parent: r.parent } : {}) },
        geometry: JSON.parse(r.json) as unknown,
      }));
      write(band.file, collection(features));
    }

    const limaOutline = await pg.query<{ ubigeo: string; json: string }>(LIMA_CALLAO_OUTLINE_SQL);
    write(
      'lima-callao-outline.geojson',
      collection(limaOutline.rows.map((r) => ({ type: 'Feature', properties: { ubigeo: r.ubigeo }, geometry: JSON.parse(r.json) as unknown }))),
    );

    const outline = await pg.query<{ json: string }>(OUTLINE_SQL, [0.005]);
    write('peru-outline.geojson', collection([{ type: 'Feature', properties: {}, geometry: JSON.parse(outline.rows[0]?.json ?? 'null') as unknown }]));

    const labels = await pg.query<{ layer: string; ubigeo: string; name: string; lon: number; lat: number; area: number }>(
      LABEL_SQL,
      [IGN_PROVINCES],
    );
    // rank 1 = largest of its layer; the style uses it for symbol-sort-key and to thin labels at low zoom.
    const rankByLayer = new Map<string, number>();
    const labelFeatures = labels.rows.map((r) => {
      const rank = (rankByLayer.get(r.layer) ?? 0) + 1;
      rankByLayer.set(r.layer, rank);
      return {
        type: 'Feature',
        properties: { level: r.layer, ubigeo: r.ubigeo, name: r.name, rank },
        geometry: { type: 'Point', coordinates: [round(r.lon, 4), round(r.lat, 4)] },
      };
    });
    for (const s of SURROUNDINGS) {
      labelFeatures.push({
        type: 'Feature',
        properties: { level: s.kind, ubigeo: '', name: s.name_es, name_en: s.name_en, rank: 0 } as never,
        geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      });
    }
    const national = labelFeatures.filter((f) => !['district', 'lima_callao'].includes(f.properties.level));
    const local = labelFeatures.filter((f) => ['district', 'lima_callao'].includes(f.properties.level));
    write('labels-national.geojson', collection(national));
    write('labels-local.geojson', collection(local));
  } finally {
    await pg.close();
  }

  for (const licence of ['juaneladio_LICENSE', 'joseluisq_LICENSE-MIT']) copyFileSync(join(REFERENCE, licence), join(OUT, licence));
  const manifest = {
    version: BASEMAP_VERSION,
    bounds: [-81.33, -18.35, -68.65, -0.04],
    attribution: 'Límites: INEI 2007 vía MINAM (MPL-2.0); Lima y Callao: IGN (MIT)',
    files: sizes,
  };
  write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  write('SOURCES.md', sourcesMarkdown(sizes));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`basemap ${BASEMAP_VERSION}: ${Object.keys(sizes).length} files, ${(total / 1024).toFixed(0)} KiB`);
  for (const [file, size] of Object.entries(sizes)) console.log(`  ${file.padEnd(32)} ${(size / 1024).toFixed(0).padStart(6)} KiB`);
}

function sourcesMarkdown(sizes: Record<string, number>): string {
  const lines = LAYERS.map(
    (l) => `| ${l.file} | ${l.layer} | ${l.tolerance === 0 ? 'as in reference/peru' : `${l.tolerance}°`} | ${l.decimals} |`,
  );
  return `# Offline basemap of Peru (${BASEMAP_VERSION})

Generated by \`npx tsx tools/build-basemap.ts\` from the committed reference geography in \`reference/peru/\`
(see its SOURCES.md for the original sources and what was changed); do not edit by hand. Served by the Enlace
server as static files; the web map never loads internet tiles. ${Object.keys(sizes).length} files.

| file | layer | simplification (coverage-preserving) | decimals |
|---|---|---|---|
${lines.join('\n')}
| peru-outline.geojson | union of the departments | 0.005° | 4 |
| lima-callao-outline.geojson | the provinces of Lima (1501) and Callao (0701), union of the IGN districts | 0.0001° | 5 |
| labels-national.geojson | label points (pole of inaccessibility) of departments and provinces, plus orientation labels for the ocean and neighbouring countries | | 4 |
| labels-local.geojson | label points of the districts (IGN ones in Lima and Callao) | | 4 |

Licences:
- Departments, provinces and districts derive from github.com/juaneladio/peru-geojson (INEI 2007 limits via MINAM):
  Mozilla Public License 2.0, see \`juaneladio_LICENSE\`. These derived files stay under MPL-2.0.
- Lima and Callao districts (\`local-lima-callao.geojson\`) derive from github.com/joseluisq/peru-geojson-datasets
  (Instituto Geográfico Nacional): MIT licence, see \`joseluisq_LICENSE-MIT\`.
`;
}

await build();
