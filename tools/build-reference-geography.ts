/**
 * Builds the committed reference geography of Peru (`reference/peru/`) from the source files in
 * `$ENLACE_SHARED_DATA/peru` (default `../shared/data/peru` beside the repository):
 *
 *   npx tsx tools/build-reference-geography.ts
 *
 * Geometry work (validity repair, rounding to a 1e-5 degree grid, unions) runs in an in-memory PGlite with
 * PostGIS, so the output is valid for PostGIS and identical on every run with the same inputs and the
 * pinned PGlite version. The database migration `0003_reference_geography_data.ts` loads the result.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { z } from 'zod';

/** Bump when the output changes, so test templates and deployed databases can tell the data apart. */
const DATASET_VERSION = 'peru-1';
/** 1e-5 degrees is about 1.1 m at the equator: enough for district boundaries, half the file size. */
const GRID = 0.00001;
const DECIMALS = 5;

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = join(resolve(process.env.ENLACE_SHARED_DATA ?? join(ROOT, '../shared/data')), 'peru');
const OUT = join(ROOT, 'reference/peru');

const SRC = {
  departments: 'juaneladio_peru_departamental_simple.geojson',
  provinces: 'juaneladio_peru_provincial_simple.geojson',
  districts: 'juaneladio_peru_distrital_simple.geojson',
  limaCallao: 'joseluisq_lima_callao_distritos.geojson',
  changes: 'lincolneulogio_cambios-2007-2026.csv',
  licences: ['juaneladio_LICENSE', 'joseluisq_LICENSE-MIT'],
} as const;

// ---------------------------------------------------------------------------------------------------------
// Source files

const ZGeometry = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) });
type Geometry = z.infer<typeof ZGeometry>;
const collection = <P extends z.ZodType>(props: P) =>
  z.object({ features: z.array(z.object({ properties: props, geometry: ZGeometry.nullable() })) });

const ZDepartmentProps = z.object({ FIRST_IDDP: z.string().regex(/^\d{2}$/), NOMBDEP: z.string().min(1) });
const ZProvinceProps = z.object({
  FIRST_IDPR: z.string().regex(/^\d{4}$/),
  NOMBPROV: z.string().min(1),
  COUNT: z.number(),
});
const ZDistrictProps = z.object({
  IDDIST: z.string().regex(/^\d{6}$/),
  IDPROV: z.string().regex(/^\d{4}$/),
  IDDPTO: z.string().regex(/^\d{2}$/),
  NOMBDIST: z.string().min(1),
});
const ZLimaCallaoProps = z.object({
  departamento: z.enum(['LIMA', 'CALLAO']),
  provincia: z.enum(['LIMA', 'CALLAO']),
  distrito: z.string().min(1),
});

function readCollection<P extends z.ZodType>(file: string, props: P) {
  return collection(props).parse(JSON.parse(readFileSync(join(SOURCE, file), 'utf8'))).features;
}

const CHANGE_COLUMNS = [
  'nivel',
  'tipo',
  'ubigeo_2007',
  'ubigeo_2026',
  'nombre_2007',
  'nombre_2026',
  'nombre_departamento',
  'nombre_provincia_2007',
  'nombre_provincia_2026',
  'campos',
  'contenedor_2007',
  'contenedor_metodo',
] as const;
type Change = Record<(typeof CHANGE_COLUMNS)[number], string>;

/** The UBIGEO change list: plain CSV without quoting (checked: no field holds a comma or a quote). */
function readChanges(text: string): Change[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  if (header !== CHANGE_COLUMNS.join(',')) throw new Error(`${SRC.changes}: unexpected header ${header}`);
  return lines.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== CHANGE_COLUMNS.length || line.includes('"')) {
      throw new Error(`${SRC.changes}:${i + 2}: expected ${CHANGE_COLUMNS.length} unquoted fields`);
    }
    return Object.fromEntries(CHANGE_COLUMNS.map((c, j) => [c, cells[j] ?? ''])) as Change;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Names

/** Join key: upper case, no accents (Ñ becomes N), `_` and `-` as spaces, single spaces. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[_-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ALWAYS_LOWER = new Set(['de', 'del', 'y', 'e']);
// Not "el": "de el" is never contracted to "del" when El belongs to the name (San Miguel de El Faique).
const ARTICLES = new Set(['la', 'las', 'lo', 'los']);

/**
 * Spanish title case for place names: "SAN JUAN DE LURIGANCHO" -> "San Juan de Lurigancho",
 * "CARMEN DE LA LEGUA REYNOSO" -> "Carmen de la Legua Reynoso", but "VILLA EL SALVADOR" keeps "El": an
 * article is lower case only after "de". INEI writes ANCO_HUALLO with an underscore; it becomes a hyphen.
 */
export function titleCase(name: string): string {
  const words = name.replace(/_/g, '-').replace(/\s+/g, ' ').trim().toLocaleLowerCase('es').split(' ');
  return words
    .map((w, i) => {
      const previous = words[i - 1];
      if (i > 0 && (ALWAYS_LOWER.has(w) || (ARTICLES.has(w) && previous === 'de'))) return w;
      return w.replace(/(^|[-(])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toLocaleUpperCase('es'));
    })
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// The IGN Lima/Callao file has names only: join them to UBIGEO through the INEI 2007 district names.

/**
 * IGN names that are not an INEI 2007 district name, handled one by one (each is cross-checked against
 * the UBIGEO change list below, and the build fails if that list disagrees).
 */
const IGN_SPECIAL_CASES: Record<string, { ubigeo: string; name: string; check: (c: Change) => boolean }> = {
  // INEI 2007 still lists 150121 under its former name MAGDALENA VIEJA; it is Pueblo Libre today.
  'PUEBLO LIBRE': {
    ubigeo: '150121',
    name: 'PUEBLO LIBRE',
    check: (c) => c.tipo === 'renombrado' && c.nombre_2007 === 'magdalena vieja' && c.nombre_2026 === 'pueblo libre',
  },
  // Mi Perú was created in 2014 from Ventanilla (070106), so it is not in the INEI 2007 file; the IGN file
  // spells it "MI PERÃz": the two UTF-8 bytes of "Ú" read as Latin-1, the second one lost. Matched
  // verbatim, not through nameKey, so no other mis-encoded name can slip through.
  'MI PERÃz': {
    ubigeo: '070107',
    name: 'MI PERÚ',
    check: (c) => c.tipo === 'creado' && c.nombre_2026 === 'mi peru' && c.contenedor_2007 === '070106',
  },
};

const IGN_PROVINCE_CODES = { LIMA: '1501', CALLAO: '0701' } as const;

// ---------------------------------------------------------------------------------------------------------
// Geometry, in PGlite + PostGIS

type Layer = 'department' | 'province' | 'district' | 'lima_callao';

interface GeometryRow {
  layer: Layer;
  ubigeo: string;
  geometry: Geometry;
}

const GEOMETRY_SQL = `
CREATE EXTENSION postgis;
CREATE TABLE source_geom (layer text, ubigeo text, geom geometry);
CREATE TABLE out_geom (layer text, ubigeo text, geom geometry, PRIMARY KEY (layer, ubigeo));
-- Valid, on the ${GRID} degree grid (snap rounding keeps it valid), multi, exterior rings counter-clockwise
-- as RFC 7946 asks.
CREATE FUNCTION clean(g geometry) RETURNS geometry LANGUAGE sql IMMUTABLE AS $$
  SELECT ST_ForcePolygonCCW(ST_Multi(ST_CollectionExtract(ST_ReducePrecision(ST_MakeValid(g), ${GRID}), 3)))
$$;
-- Drops the parts smaller than min_area (slivers left by overlaying two independently simplified layers).
CREATE FUNCTION drop_slivers(g geometry, min_area float8) RETURNS geometry LANGUAGE sql IMMUTABLE AS $$
  SELECT ST_Multi(ST_Collect(d.geom ORDER BY d.path)) FROM ST_Dump(g) d WHERE ST_Area(d.geom) >= min_area
$$;
`;

/** Putumayo (1608) was created in 2014 from the north of Maynas (1601): its districts 160109 and 160114. */
const PUTUMAYO_SQL = `
WITH maynas AS (SELECT ST_Union(geom) AS g FROM source_geom WHERE layer = 'province' AND ubigeo = '1601'),
     putumayo AS (SELECT ST_Union(geom) AS g FROM source_geom
                  WHERE layer = 'district' AND ubigeo IN ('160109', '160114'))
SELECT drop_slivers(clean(ST_Intersection(maynas.g, putumayo.g)), $1) AS putumayo,
       drop_slivers(clean(ST_Difference(maynas.g, putumayo.g)), $1) AS maynas,
       ST_Area(maynas.g) AS before
FROM maynas, putumayo`;
/** 0.001 square degrees (about 12 km²): far below any real part of these provinces, far above a sliver. */
const SLIVER_AREA = 0.001;

async function processGeometry(inputs: GeometryRow[]): Promise<{ out: Map<string, Geometry>; putumayo: string }> {
  const pg = await PGlite.create({ extensions: { postgis } });
  try {
    await pg.exec(GEOMETRY_SQL);
    for (let i = 0; i < inputs.length; i += 100) {
      const batch = inputs.slice(i, i + 100);
      const values = batch.map((_, j) => `($${3 * j + 1}, $${3 * j + 2}, ST_SetSRID(ST_GeomFromGeoJSON($${3 * j + 3}::text), 4326))`);
      await pg.query(
        `INSERT INTO source_geom (layer, ubigeo, geom) VALUES ${values.join(', ')}`,
        batch.flatMap((r) => [r.layer, r.ubigeo, JSON.stringify(r.geometry)]),
      );
    }
    // A UBIGEO split over several features (two provinces in the INEI file) becomes their union.
    await pg.exec(`INSERT INTO out_geom SELECT layer, ubigeo, clean(ST_Union(geom)) FROM source_geom
                   GROUP BY layer, ubigeo`);
    const split = await pg.query<{ putumayo: string; maynas: string; before: number }>(PUTUMAYO_SQL, [SLIVER_AREA]);
    const s = split.rows[0];
    if (!s) throw new Error('cannot split Maynas');
    await pg.query(`UPDATE out_geom SET geom = $1 WHERE layer = 'province' AND ubigeo = '1601'`, [s.maynas]);
    await pg.query(`INSERT INTO out_geom VALUES ('province', '1608', $1)`, [s.putumayo]);
    const areas = await pg.query<{ m: number; p: number }>(
      `SELECT ST_Area($1::geometry) AS m, ST_Area($2::geometry) AS p`,
      [s.maynas, s.putumayo],
    );
    const a = areas.rows[0];
    const putumayo = a
      ? `Maynas 2007 ${s.before.toFixed(4)} sq deg = Maynas ${a.m.toFixed(4)} + Putumayo ${a.p.toFixed(4)}` +
        ` (${(s.before - a.m - a.p).toFixed(4)} in slivers dropped)`
      : '';

    const rows = await pg.query<{ layer: Layer; ubigeo: string; json: string; valid: boolean }>(
      `SELECT layer, ubigeo, ST_AsGeoJSON(geom, ${DECIMALS}) AS json, ST_IsValid(geom) AND NOT ST_IsEmpty(geom) AS valid
       FROM out_geom ORDER BY layer, ubigeo`,
    );
    const out = new Map<string, Geometry>();
    for (const r of rows.rows) {
      if (!r.valid) throw new Error(`${r.layer} ${r.ubigeo}: invalid or empty geometry after cleaning`);
      const g = ZGeometry.parse(JSON.parse(r.json));
      out.set(`${r.layer}:${r.ubigeo}`, { type: g.type, coordinates: roundCoordinates(g.coordinates) as unknown[] });
    }
    // What the migration will load must be valid as written, not only as computed.
    const check = await pg.query<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM jsonb_array_elements($1::jsonb) AS j(g)
       WHERE NOT ST_IsValid(ST_GeomFromGeoJSON(j.g::text))`,
      [JSON.stringify([...out.values()])],
    );
    if ((check.rows[0]?.bad ?? 1) !== 0) throw new Error('geometry not valid after writing it as GeoJSON');
    return { out, putumayo };
  } finally {
    await pg.close();
  }
}

function roundCoordinates(c: unknown): unknown {
  if (typeof c === 'number') return Math.round(c * 10 ** DECIMALS) / 10 ** DECIMALS;
  if (Array.isArray(c)) return c.map(roundCoordinates);
  throw new Error('unexpected coordinate');
}

// ---------------------------------------------------------------------------------------------------------
// Output

type Props = Record<string, string | null>;

/** One feature per line, sorted by UBIGEO, so a change shows as a readable diff. */
function featureCollection(features: { properties: Props; geometry: Geometry | null }[]): string {
  const lines = features.map((f) => JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

function write(file: string, text: string): void {
  writeFileSync(join(OUT, file), text);
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const deptFeatures = readCollection(SRC.departments, ZDepartmentProps);
  const provFeatures = readCollection(SRC.provinces, ZProvinceProps);
  const distFeatures = readCollection(SRC.districts, ZDistrictProps);
  const ignFeatures = readCollection(SRC.limaCallao, ZLimaCallaoProps);
  const changesText = readFileSync(join(SOURCE, SRC.changes), 'utf8');
  const changes = readChanges(changesText);
  const change = (nivel: string, ubigeo2026: string): Change | undefined =>
    changes.find((c) => c.nivel === nivel && c.ubigeo_2026 === ubigeo2026);
  const renamed = (nivel: string, ubigeo: string, field: string): string | undefined => {
    const c = change(nivel, ubigeo);
    return c?.tipo === 'renombrado' && c.campos.split('|').includes(field) ? c.nombre_2026.toUpperCase() : undefined;
  };

  // Departments: one feature each.
  const departments = new Map<string, { name: string; nameInei: string }>();
  for (const f of deptFeatures) {
    const p = f.properties;
    if (departments.has(p.FIRST_IDDP)) throw new Error(`department ${p.FIRST_IDDP} twice`);
    departments.set(p.FIRST_IDDP, { name: titleCase(p.NOMBDEP), nameInei: p.NOMBDEP });
  }

  // Provinces: Piura (2001) and Víctor Fajardo (0510) come in two features each, the smaller one misspelt
  // (PUIRA, VICTOR FAFARDO); the INEI name is that of the feature holding most districts.
  const provinces = new Map<string, { name: string; nameInei: string | null; count: number }>();
  for (const f of provFeatures) {
    const p = f.properties;
    const seen = provinces.get(p.FIRST_IDPR);
    if (!seen || p.COUNT > seen.count) {
      const name = renamed('provincia', p.FIRST_IDPR, 'nombre_provincia') ?? p.NOMBPROV;
      provinces.set(p.FIRST_IDPR, { name: titleCase(name), nameInei: p.NOMBPROV, count: p.COUNT });
    }
  }
  for (const c of changes.filter((c) => c.nivel === 'provincia' && c.tipo === 'creado')) {
    if (c.ubigeo_2026 !== '1608') throw new Error(`province ${c.ubigeo_2026} created: only Putumayo is handled`);
    provinces.set(c.ubigeo_2026, { name: titleCase(c.nombre_2026), nameInei: null, count: 0 });
  }

  // Districts: the INEI 2007 list brought to today's codes and names, plus the districts created since.
  interface District {
    ubigeo: string;
    name: string;
    nameInei: string | null;
    ubigeo2007: string | null;
    geomSource: 'inei_2007' | 'ign_lima_callao' | null;
  }
  const districts = new Map<string, District>();
  const reassigned = new Map(
    changes.filter((c) => c.nivel === 'distrito' && c.tipo === 'reasignado').map((c) => [c.ubigeo_2007, c]),
  );
  for (const f of distFeatures) {
    const p = f.properties;
    if (p.IDDIST.slice(0, 4) !== p.IDPROV || p.IDDIST.slice(0, 2) !== p.IDDPTO) throw new Error(`codes of ${p.IDDIST}`);
    const ubigeo = reassigned.get(p.IDDIST)?.ubigeo_2026 ?? p.IDDIST;
    if (districts.has(ubigeo)) throw new Error(`district ${ubigeo} twice`);
    districts.set(ubigeo, {
      ubigeo,
      name: titleCase(renamed('distrito', ubigeo, 'nombre_distrito') ?? p.NOMBDIST),
      nameInei: p.NOMBDIST,
      ubigeo2007: p.IDDIST,
      geomSource: f.geometry ? 'inei_2007' : null,
    });
  }
  const withoutGeometry = [...districts.values()]
    .filter((d) => !d.geomSource)
    .map((d) => `${d.ubigeo} ${d.name}`)
    .sort();
  for (const c of changes.filter((c) => c.nivel === 'distrito')) {
    if (c.tipo === 'creado') {
      if (districts.has(c.ubigeo_2026)) throw new Error(`created district ${c.ubigeo_2026} already listed`);
      districts.set(c.ubigeo_2026, {
        ubigeo: c.ubigeo_2026,
        name: titleCase(c.nombre_2026),
        nameInei: null,
        ubigeo2007: null,
        geomSource: null,
      });
    } else if (c.tipo === 'renombrado') {
      // Sanity: the change list's 2007 name must be the INEI one.
      const d = districts.get(c.ubigeo_2026);
      if (!d || nameKey(d.nameInei ?? '') !== nameKey(c.nombre_2007)) {
        throw new Error(`change list renames ${c.ubigeo_2007} ${c.nombre_2007}, INEI has ${d?.nameInei}`);
      }
    }
  }
  for (const d of districts.values()) {
    if (!provinces.has(d.ubigeo.slice(0, 4))) throw new Error(`district ${d.ubigeo}: no province`);
  }
  for (const code of provinces.keys()) {
    if (!departments.has(code.slice(0, 2))) throw new Error(`province ${code}: no department`);
  }

  // Lima/Callao (IGN): join by name, all 50 or nothing.
  const ineiByName = new Map<string, string>();
  for (const f of distFeatures) {
    const p = f.properties;
    if (Object.values(IGN_PROVINCE_CODES).includes(p.IDPROV as '1501')) ineiByName.set(nameKey(p.NOMBDIST), p.IDDIST);
  }
  const limaCallao: { ubigeo: string; name: string; province: 'LIMA' | 'CALLAO'; geometry: Geometry }[] = [];
  const unmatched: string[] = [];
  for (const f of ignFeatures) {
    const p = f.properties;
    const special = IGN_SPECIAL_CASES[p.distrito];
    if (special) {
      const c = changes.find((c) => c.nivel === 'distrito' && c.ubigeo_2026 === special.ubigeo);
      if (!c || !special.check(c)) throw new Error(`change list does not confirm ${p.distrito} = ${special.ubigeo}`);
    }
    const ubigeo = special?.ubigeo ?? ineiByName.get(nameKey(p.distrito));
    if (!ubigeo || !f.geometry || ubigeo.slice(0, 4) !== IGN_PROVINCE_CODES[p.provincia]) {
      unmatched.push(`${p.provincia}/${p.distrito}`);
      continue;
    }
    limaCallao.push({ ubigeo, name: titleCase(special?.name ?? p.distrito), province: p.provincia, geometry: f.geometry });
  }
  const codes = new Set(limaCallao.map((d) => d.ubigeo));
  if (unmatched.length || limaCallao.length !== 50 || codes.size !== 50) {
    throw new Error(
      `Lima/Callao join: ${limaCallao.length} matched (${codes.size} distinct UBIGEO), expected 50; ` +
        `unmatched: ${unmatched.join(', ') || 'none'}`,
    );
  }
  limaCallao.sort((a, b) => a.ubigeo.localeCompare(b.ubigeo));
  // The IGN names are today's names; they win in ref_district too (restores "Mi Perú").
  for (const d of limaCallao) {
    const row = districts.get(d.ubigeo);
    if (!row) throw new Error(`Lima/Callao ${d.ubigeo} not in the district list`);
    row.name = d.name;
    // Districts without INEI geometry (Santa Anita, La Punta) or created since (Mi Perú) take the IGN one.
    if (!row.geomSource) row.geomSource = 'ign_lima_callao';
  }

  // Geometry.
  const inputs: GeometryRow[] = [
    ...deptFeatures.map((f) => ({ layer: 'department' as const, ubigeo: f.properties.FIRST_IDDP, geometry: f.geometry })),
    ...provFeatures.map((f) => ({ layer: 'province' as const, ubigeo: f.properties.FIRST_IDPR, geometry: f.geometry })),
    ...distFeatures.map((f) => ({ layer: 'district' as const, ubigeo: f.properties.IDDIST, geometry: f.geometry })),
    ...limaCallao.map((d) => ({ layer: 'lima_callao' as const, ubigeo: d.ubigeo, geometry: d.geometry })),
  ].flatMap((r) => (r.geometry ? [{ ...r, geometry: r.geometry }] : []));
  const { out: geometry, putumayo } = await processGeometry(inputs);
  const geom = (layer: Layer, ubigeo: string): Geometry => {
    const g = geometry.get(`${layer}:${ubigeo}`);
    if (!g) throw new Error(`no ${layer} geometry for ${ubigeo}`);
    return g;
  };

  mkdirSync(OUT, { recursive: true });
  const deptName = (code: string): string => departments.get(code.slice(0, 2))?.name ?? '';
  const provName = (code: string): string => provinces.get(code.slice(0, 4))?.name ?? '';
  const sorted = <T>(m: Map<string, T>): [string, T][] => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

  write(
    'departments.geojson',
    featureCollection(
      sorted(departments).map(([ubigeo, d]) => ({
        properties: { ubigeo, name: d.name, name_inei: d.nameInei },
        geometry: geom('department', ubigeo),
      })),
    ),
  );
  write(
    'provinces.geojson',
    featureCollection(
      sorted(provinces).map(([ubigeo, p]) => ({
        properties: {
          ubigeo,
          name: p.name,
          name_inei: p.nameInei,
          department_ubigeo: ubigeo.slice(0, 2),
          department: deptName(ubigeo),
        },
        geometry: geom('province', ubigeo),
      })),
    ),
  );
  write(
    'districts.geojson',
    featureCollection(
      sorted(districts).map(([ubigeo, d]) => ({
        properties: {
          ubigeo,
          name: d.name,
          name_inei: d.nameInei,
          province_ubigeo: ubigeo.slice(0, 4),
          province: provName(ubigeo),
          department_ubigeo: ubigeo.slice(0, 2),
          department: deptName(ubigeo),
          ubigeo_2007: d.ubigeo2007,
          geom_source: d.geomSource,
        },
        geometry:
          d.geomSource === 'inei_2007'
            ? geom('district', d.ubigeo2007 ?? ubigeo)
            : d.geomSource === 'ign_lima_callao'
              ? geom('lima_callao', ubigeo)
              : null,
      })),
    ),
  );
  write(
    'lima-callao-districts.geojson',
    featureCollection(
      limaCallao.map((d) => ({
        properties: { ubigeo: d.ubigeo, name: d.name, province: d.province },
        geometry: geom('lima_callao', d.ubigeo),
      })),
    ),
  );
  write('ubigeo-changes.csv', changesText.replace(/\r\n/g, '\n'));
  // Read and written rather than copied: the sources may be read-only, the copies must not be.
  for (const file of SRC.licences) write(file, readFileSync(join(SOURCE, file), 'utf8'));
  writeFileSync(join(ROOT, 'reference/VERSION'), `${DATASET_VERSION}\n`);

  const noGeometry = [...districts.values()].filter((d) => !d.geomSource);
  const stats = {
    departments: departments.size,
    provinces: provinces.size,
    provinceFeatures: provFeatures.length,
    districts: districts.size,
    created: districts.size - distFeatures.length,
    withoutGeometry,
    fromIgn: sorted(districts)
      .filter(([, d]) => d.geomSource === 'ign_lima_callao')
      .map(([u, d]) => `${u} ${d.name}`),
    noGeometry: noGeometry.length,
    putumayo,
  };
  write('SOURCES.md', sourcesMarkdown(stats));
  console.log(JSON.stringify(stats, null, 2));
}

interface Stats {
  departments: number;
  provinces: number;
  provinceFeatures: number;
  districts: number;
  created: number;
  withoutGeometry: string[];
  fromIgn: string[];
  noGeometry: number;
  putumayo: string;
}

function sourcesMarkdown(s: Stats): string {
  return `# Reference geography of Peru (${DATASET_VERSION})

Generated by \`npx tsx tools/build-reference-geography.ts\` from the files listed below; do not edit by hand.
Loaded into PostGIS by \`apps/server/migrations/0003_reference_geography_data.ts\` (tables \`ref_*\`).
All coordinates are longitude/latitude in EPSG:4326 (WGS 84), snapped to a ${GRID} degree grid (about 1 m)
with PostGIS \`ST_ReducePrecision\` after \`ST_MakeValid\`, so every geometry is valid, with exterior rings
counter-clockwise (RFC 7946). Features are sorted by UBIGEO, one per line.

| file | what | source | licence |
|---|---|---|---|
| departments.geojson | ${s.departments} departments: \`ubigeo\` (2 digits), \`name\`, \`name_inei\` | ${SRC.departments} | MPL-2.0, see juaneladio_LICENSE |
| provinces.geojson | ${s.provinces} provinces: \`ubigeo\` (4 digits), \`name\`, \`name_inei\`, \`department_ubigeo\`, \`department\` | ${SRC.provinces} | MPL-2.0 |
| districts.geojson | ${s.districts} districts: \`ubigeo\` (6 digits, today's code), \`name\`, \`name_inei\`, \`province_ubigeo\`, \`province\`, \`department_ubigeo\`, \`department\`, \`ubigeo_2007\`, \`geom_source\` (\`inei_2007\`, \`ign_lima_callao\` or null) | ${SRC.districts}; 3 geometries from ${SRC.limaCallao} | MPL-2.0; the IGN geometries MIT |
| lima-callao-districts.geojson | the 50 districts of Lima and Callao drawn by IGN: \`ubigeo\`, \`name\`, \`province\` (LIMA or CALLAO) | ${SRC.limaCallao} | MIT, see joseluisq_LICENSE-MIT |
| ubigeo-changes.csv | UBIGEO changes 2007 to 2026 (renamed, created, reassigned districts and provinces) | ${SRC.changes} | CC BY 4.0 |

Sources:
- juaneladio: https://github.com/juaneladio/peru-geojson, INEI 2007 limits via MINAM, simplified by the
  author. Mozilla Public License 2.0: the files above derived from it stay under MPL-2.0.
- joseluisq: https://github.com/joseluisq/peru-geojson-datasets, district limits of Lima and Callao from the
  Instituto Geográfico Nacional (IGN). MIT licence, copyright notice in joseluisq_LICENSE-MIT.
- lincolneulogio: https://github.com/lincolneulogio/peru-geojson, UBIGEO changes compiled from INEI.
  Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/): copied unchanged.

## What was changed

Codes and names are brought to 2026 with the change list; boundaries stay those of 2007 except where noted.
- Names: \`name\` is the INEI upper-case name in Spanish title case ("San Juan de Lurigancho", "Villa El
  Salvador"); \`name_inei\` keeps the INEI spelling. The INEI names carry no accents except Ñ, so neither do
  the derived ones, with one exception (Mi Perú, below). ANCO_HUALLO becomes "Anco-Huallo". Renamed
  districts and provinces take their 2026 name (e.g. 150121 MAGDALENA VIEJA is "Pueblo Libre", 1103 NAZCA is
  "Nasca"). For the 50 districts of Lima and Callao the name is the IGN one.
- Provinces: ${s.provinceFeatures} features for ${s.provinces - 1} codes in the INEI file: Piura (2001) and
  Víctor Fajardo (0510) are each split in two features, the smaller misspelt PUIRA and VICTOR FAFARDO; each
  pair is merged into one geometry. Putumayo (1608), created in 2014 from Maynas (1601) with the whole districts
  160109 and 160114 (now 160801 and 160803), is the part of Maynas covered by those two districts, and
  Maynas loses it: ${s.putumayo}.
- Districts: the ${s.districts - s.created} INEI 2007 districts plus ${s.created} created since 2007 (\`ubigeo_2007\` null).
  Created districts have no geometry (the territory is still inside the 2007 district they were carved
  from, \`contenedor_2007\` in ubigeo-changes.csv), except Mi Perú, which has the IGN one. The reassigned
  160109 and 160114 carry their 2026 codes 160801 and 160803.
- Districts without geometry in the INEI file: ${s.withoutGeometry.join(', ')}.
  Those in Lima and Callao take the IGN geometry; the others stay without. (The INEI map draws Santa
  Anita's territory inside Ate and El Agustino, and leaves La Punta out.) Districts with IGN geometry in
  districts.geojson: ${s.fromIgn.join(', ')}. ${s.noGeometry} districts have no geometry in all.
- Lima/Callao (IGN): the file has names, no UBIGEO; they are joined to the INEI 2007 names of provinces 1501
  and 0701 ignoring case and accents. Two need care: Pueblo Libre (INEI 2007: MAGDALENA VIEJA, 150121) and
  Mi Perú (070107, created after 2007), whose name is mis-encoded in the IGN file as "MI PERÃz" and is
  restored to "Mi Perú". The IGN geometries are more detailed than the INEI ones; the server prefers them
  when locating a point in Lima or Callao.
- The INEI district boundaries are the 2007 ones, simplified: neighbouring layers do not match exactly
  (province and district outlines differ by up to 2 % of area), and districts created since 2007 are
  located as the district they were carved from. In Lima the simplification is coarse: INEI draws Breña
  with 0.4 km² (IGN 3.2 km², its official area) and gives the rest to Lima (150101), Santa Rosa and Los
  Olivos with half their area; the IGN boundary and the INEI one of a Lima/Callao district overlap by 0.71
  of their union on average. Hence the server takes the IGN boundary wherever there is one.
`;
}

await main();
