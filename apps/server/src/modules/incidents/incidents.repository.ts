import type { TCrimeType, TCrimeTypeMapping, TIncident, TSuspect, TVictim } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import type { IncidentSqlFilter } from './incident-filter-sql.ts';
import { incidentWhere } from './incident-filter-sql.ts';

interface IncidentRow {
  id: string;
  source: string;
  source_ref: string;
  crime_type: TCrimeType;
  local_code: string | null;
  code_system: string | null;
  occurred_at: Date;
  lon: number;
  lat: number;
  ubigeo: string | null;
  address: string | null;
  description: string | null;
  import_run_id: string | null;
  agency: TIncident['agency'];
  classification: TIncident['classification'];
  exercise: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `i.id, i.source, i.source_ref, i.crime_type, i.local_code, i.code_system, i.occurred_at, ST_X(i.location) AS lon,
  ST_Y(i.location) AS lat, i.ubigeo, i.address, i.description, i.import_run_id::text AS import_run_id, i.agency,
  i.classification, i.exercise, i.created_at, i.updated_at`;

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

const toIncident = (r: IncidentRow): TIncident => ({
  id: r.id,
  source: r.source,
  sourceRef: r.source_ref,
  crimeType: r.crime_type,
  localCode: r.local_code,
  codeSystem: r.code_system,
  occurredAt: iso(r.occurred_at),
  location: { lon: r.lon, lat: r.lat },
  ubigeo: r.ubigeo,
  address: r.address,
  description: r.description,
  importRunId: r.import_run_id,
  agency: r.agency,
  classification: r.classification,
  exercise: r.exercise,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** Column values of one incident to write (the point already projected to its UTM zone). */
export interface IncidentValues {
  source: string;
  sourceRef: string;
  crimeType: string;
  localCode: string | null;
  /** The code system the local code was read with; null without a local code. */
  codeSystem: string | null;
  occurredAt: string;
  lon: number;
  lat: number;
  utmEpsg: number;
  x: number;
  y: number;
  address: string | null;
  description: string | null;
  importRunId: string | null;
  agency: string;
  classification: string;
  exercise: boolean;
  createdBy: string;
}

/**
 * The district holding a point (SQL over `v.lon`, `v.lat`): an IGN one in Lima and Callao first, then an INEI one,
 * the lowest UBIGEO on a shared border; the same rule as the geography module's locate-district.
 */
const DISTRICT_AT = `(SELECT h.ubigeo FROM (
    SELECT lc.ubigeo, 0 AS rank FROM ref_lima_callao_district lc WHERE ST_Intersects(lc.geom, ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326))
    UNION ALL
    SELECT d.ubigeo, 1 AS rank FROM ref_district d WHERE ST_Intersects(d.geom, ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326))
  ) h ORDER BY h.rank, h.ubigeo LIMIT 1)`;

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
  ids: string[];
}

/**
 * Inserts incidents, or updates the existing one with the same (source, source_ref) when it belongs to the same
 * agency and differs; an identical one is left untouched. One statement per batch (arrays, no per-row round trip).
 */
export async function upsertIncidents(db: Queryable, rows: readonly IncidentValues[]): Promise<UpsertCounts> {
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0, ids: [] };
  const col = <K extends keyof IncidentValues>(k: K): IncidentValues[K][] => rows.map((r) => r[k]);
  const r = await db.query<{ id: string; created: boolean }>(
    `INSERT INTO incident AS i (source, source_ref, crime_type, local_code, occurred_at, location, utm_epsg, x, y, ubigeo,
       address, description, import_run_id, agency, classification, exercise, created_by, code_system)
     SELECT v.source, v.source_ref, v.crime_type, v.local_code, v.occurred_at, ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326),
       v.utm_epsg, v.x, v.y, ${DISTRICT_AT}, v.address, v.description, v.import_run_id, v.agency, v.classification,
       v.exercise, v.created_by, v.code_system
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::float8[], $7::float8[], $8::int[],
       $9::float8[], $10::float8[], $11::text[], $12::text[], $13::uuid[], $14::text[], $15::text[], $16::bool[], $17::text[],
       $18::text[])
       AS v(source, source_ref, crime_type, local_code, occurred_at, lon, lat, utm_epsg, x, y, address, description,
            import_run_id, agency, classification, exercise, created_by, code_system)
     ON CONFLICT (source, source_ref) DO UPDATE SET
       crime_type = EXCLUDED.crime_type, local_code = EXCLUDED.local_code, code_system = EXCLUDED.code_system,
       occurred_at = EXCLUDED.occurred_at,
       location = EXCLUDED.location, utm_epsg = EXCLUDED.utm_epsg, x = EXCLUDED.x, y = EXCLUDED.y, ubigeo = EXCLUDED.ubigeo,
       address = EXCLUDED.address, description = EXCLUDED.description, import_run_id = EXCLUDED.import_run_id,
       classification = EXCLUDED.classification, exercise = EXCLUDED.exercise, updated_at = now()
     WHERE i.agency = EXCLUDED.agency AND (i.crime_type, i.local_code, i.code_system, i.occurred_at, i.x, i.y, i.address,
       i.description, i.classification, i.exercise) IS DISTINCT FROM (EXCLUDED.crime_type, EXCLUDED.local_code,
       EXCLUDED.code_system, EXCLUDED.occurred_at, EXCLUDED.x, EXCLUDED.y, EXCLUDED.address, EXCLUDED.description,
       EXCLUDED.classification, EXCLUDED.exercise)
     RETURNING i.id, (i.xmax = 0) AS created`,
    [
      col('source'), col('sourceRef'), col('crimeType'), col('localCode'), col('occurredAt'), col('lon'), col('lat'),
      col('utmEpsg'), col('x'), col('y'), col('address'), col('description'), col('importRunId'), col('agency'),
      col('classification'), col('exercise'), col('createdBy'), col('codeSystem'),
    ],
  );
  const created = r.rows.filter((x) => x.created).length;
  const updated = r.rows.length - created;
  return { created, updated, unchanged: rows.length - created - updated, ids: r.rows.map((x) => x.id) };
}

export async function findIncident(db: Queryable, id: string): Promise<TIncident | null> {
  const r = await db.query<IncidentRow>(`SELECT ${COLUMNS} FROM incident i WHERE i.id = $1`, [id]);
  return r.rows[0] ? toIncident(r.rows[0]) : null;
}

export async function findIncidentBySourceRef(db: Queryable, source: string, sourceRef: string): Promise<TIncident | null> {
  const r = await db.query<IncidentRow>(`SELECT ${COLUMNS} FROM incident i WHERE i.source = $1 AND i.source_ref = $2`, [source, sourceRef]);
  return r.rows[0] ? toIncident(r.rows[0]) : null;
}

/** Of the given source refs, those already held by another agency (an import may not overwrite them). */
export async function foreignSourceRefs(db: Queryable, source: string, refs: readonly string[], agency: string): Promise<Set<string>> {
  const r = await db.query<{ source_ref: string }>(
    'SELECT source_ref FROM incident WHERE source = $1 AND source_ref = ANY($2::text[]) AND agency <> $3',
    [source, refs, agency],
  );
  return new Set(r.rows.map((x) => x.source_ref));
}

export async function listIncidents(
  db: Queryable,
  f: IncidentSqlFilter,
  page: { limit: number; offset: number },
): Promise<{ items: TIncident[]; total: number }> {
  const params: unknown[] = [];
  const where = incidentWhere(f, params);
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM incident i WHERE ${where}`, params);
  const rows = await db.query<IncidentRow>(
    `SELECT ${COLUMNS} FROM incident i WHERE ${where} ORDER BY i.occurred_at DESC, i.id
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { items: rows.rows.map(toIncident), total: total.rows[0]?.n ?? 0 };
}

export async function countIncidents(db: Queryable, f: IncidentSqlFilter): Promise<number> {
  const params: unknown[] = [];
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM incident i WHERE ${incidentWhere(f, params)}`, params);
  return r.rows[0]?.n ?? 0;
}

/** Incidents matching a filter in pages (keyset on occurred_at, id): memory stays flat however many match. */
export async function* incidentPages(db: Queryable, f: IncidentSqlFilter, pageSize = 2000): AsyncGenerator<TIncident[]> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const params: unknown[] = [];
    let where = incidentWhere(f, params);
    if (after) where += ` AND (i.occurred_at, i.id) > ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::uuid)`;
    const r = await db.query<IncidentRow>(
      `SELECT ${COLUMNS} FROM incident i WHERE ${where} ORDER BY i.occurred_at, i.id LIMIT $${params.push(pageSize)}`,
      params,
    );
    const items = r.rows.map(toIncident);
    if (items.length > 0) yield items;
    if (items.length < pageSize) return;
    const last = items[items.length - 1]!;
    after = { at: last.occurredAt, id: last.id };
  }
}

/** Enlace crime types for local codes of one system (normalised codes → type). */
export async function mapLocalCodes(db: Queryable, system: string, codes: readonly string[]): Promise<Map<string, TCrimeType>> {
  const r = await db.query<{ local_code: string; crime_type: TCrimeType }>(
    'SELECT local_code, crime_type FROM crime_type_mapping WHERE source_system = $1 AND local_code = ANY($2::text[])',
    [system, [...new Set(codes)]],
  );
  return new Map(r.rows.map((x) => [x.local_code, x.crime_type]));
}

export async function crimeTypeCatalog(db: Queryable): Promise<{
  types: { code: TCrimeType; nameEs: string; nameEn: string; legalReference: string }[];
  mappings: { sourceSystem: string; localCode: string; crimeType: TCrimeType; note: string | null }[];
}> {
  const t = await db.query<{ code: TCrimeType; name_es: string; name_en: string; legal_reference: string }>(
    'SELECT code, name_es, name_en, legal_reference FROM crime_type ORDER BY code',
  );
  const m = await db.query<{ source_system: string; local_code: string; crime_type: TCrimeType; note: string | null }>(
    'SELECT source_system, local_code, crime_type, note FROM crime_type_mapping ORDER BY source_system, local_code',
  );
  return {
    types: t.rows.map((r) => ({ code: r.code, nameEs: r.name_es, nameEn: r.name_en, legalReference: r.legal_reference })),
    mappings: m.rows.map((r) => ({ sourceSystem: r.source_system, localCode: r.local_code, crimeType: r.crime_type, note: r.note })),
  };
}

interface VictimRow {
  id: string;
  incident_id: string;
  full_name: string | null;
  document_id: string | null;
  sex: string | null;
  age: number | null;
  notes: string | null;
  created_at: Date;
}
interface SuspectRow extends Omit<VictimRow, 'notes'> {
  alias: string | null;
  description: string | null;
  detained: boolean;
}

const toVictim = (r: VictimRow): TVictim => ({
  id: r.id,
  incidentId: r.incident_id,
  fullName: r.full_name,
  documentId: r.document_id,
  sex: r.sex,
  age: r.age,
  notes: r.notes,
  createdAt: iso(r.created_at),
});
const toSuspect = (r: SuspectRow): TSuspect => ({
  id: r.id,
  incidentId: r.incident_id,
  fullName: r.full_name,
  alias: r.alias,
  documentId: r.document_id,
  sex: r.sex,
  age: r.age,
  description: r.description,
  detained: r.detained,
  createdAt: iso(r.created_at),
});

export async function insertVictim(
  db: Queryable,
  incidentId: string,
  v: { fullName?: string | undefined; documentId?: string | undefined; sex?: string | undefined; age?: number | undefined; notes?: string | undefined },
): Promise<TVictim> {
  const r = await db.query<VictimRow>(
    `INSERT INTO incident_victim (incident_id, full_name, document_id, sex, age, notes) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, incident_id, full_name, document_id, sex, age, notes, created_at`,
    [incidentId, v.fullName ?? null, v.documentId ?? null, v.sex ?? null, v.age ?? null, v.notes ?? null],
  );
  return toVictim(r.rows[0]!);
}

export async function insertSuspect(
  db: Queryable,
  incidentId: string,
  s: {
    fullName?: string | undefined;
    alias?: string | undefined;
    documentId?: string | undefined;
    sex?: string | undefined;
    age?: number | undefined;
    description?: string | undefined;
    detained: boolean;
  },
): Promise<TSuspect> {
  const r = await db.query<SuspectRow>(
    `INSERT INTO incident_suspect (incident_id, full_name, alias, document_id, sex, age, description, detained)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     RETURNING id, incident_id, full_name, alias, document_id, sex, age, description, detained, created_at`,
    [incidentId, s.fullName ?? null, s.alias ?? null, s.documentId ?? null, s.sex ?? null, s.age ?? null, s.description ?? null, s.detained],
  );
  return toSuspect(r.rows[0]!);
}

export async function listPersons(db: Queryable, incidentId: string): Promise<{ victims: TVictim[]; suspects: TSuspect[] }> {
  const v = await db.query<VictimRow>(
    'SELECT id, incident_id, full_name, document_id, sex, age, notes, created_at FROM incident_victim WHERE incident_id = $1 ORDER BY created_at, id',
    [incidentId],
  );
  const s = await db.query<SuspectRow>(
    `SELECT id, incident_id, full_name, alias, document_id, sex, age, description, detained, created_at
     FROM incident_suspect WHERE incident_id = $1 ORDER BY created_at, id`,
    [incidentId],
  );
  return { victims: v.rows.map(toVictim), suspects: s.rows.map(toSuspect) };
}

/** One district-by-month count to write. */
export interface AggregateValues {
  source: string;
  ubigeo: string;
  month: string;
  crimeType: string;
  localCode: string;
  /** The code system the local code was read with. */
  codeSystem: string;
  count: number;
  importRunId: string | null;
  agency: string;
  classification: string;
}

/** Upserts district-by-month counts by (source, ubigeo, month, type, local code): a re-import changes nothing. */
export async function upsertAggregates(db: Queryable, rows: readonly AggregateValues[]): Promise<{ created: number; updated: number; unchanged: number }> {
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const col = <K extends keyof AggregateValues>(k: K): AggregateValues[K][] => rows.map((r) => r[k]);
  const r = await db.query<{ created: boolean }>(
    `INSERT INTO incident_district_month AS a (source, ubigeo, month, crime_type, local_code, count, import_run_id, agency, classification, code_system)
     SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::int[], $7::uuid[], $8::text[], $9::text[], $10::text[])
     ON CONFLICT (source, ubigeo, month, crime_type, local_code) DO UPDATE SET
       count = EXCLUDED.count, import_run_id = EXCLUDED.import_run_id, classification = EXCLUDED.classification,
       code_system = EXCLUDED.code_system, updated_at = now()
     WHERE a.agency = EXCLUDED.agency
       AND (a.count, a.classification, a.code_system) IS DISTINCT FROM (EXCLUDED.count, EXCLUDED.classification, EXCLUDED.code_system)
     RETURNING (a.xmax = 0) AS created`,
    [
      col('source'), col('ubigeo'), col('month'), col('crimeType'), col('localCode'), col('count'), col('importRunId'), col('agency'),
      col('classification'), col('codeSystem'),
    ],
  );
  const created = r.rows.filter((x) => x.created).length;
  return { created, updated: r.rows.length - created, unchanged: rows.length - r.rows.length };
}

/** Of the given UBIGEO codes, those that are districts of the reference geography. */
export async function knownDistricts(db: Queryable, codes: readonly string[]): Promise<Set<string>> {
  const r = await db.query<{ ubigeo: string }>('SELECT ubigeo FROM ref_district WHERE ubigeo = ANY($1::text[])', [[...new Set(codes)]]);
  return new Set(r.rows.map((x) => x.ubigeo));
}

interface MappingRow {
  source_system: string;
  local_code: string;
  crime_type: TCrimeType;
  note: string | null;
}
const toMapping = (r: MappingRow): TCrimeTypeMapping => ({ sourceSystem: r.source_system, localCode: r.local_code, crimeType: r.crime_type, note: r.note });

/** One row of the mapping table, locked for the rest of the transaction (a concurrent change waits). */
export async function findMappingForUpdate(db: Queryable, system: string, localCode: string): Promise<TCrimeTypeMapping | null> {
  const r = await db.query<MappingRow>(
    'SELECT source_system, local_code, crime_type, note FROM crime_type_mapping WHERE source_system = $1 AND local_code = $2 FOR UPDATE',
    [system, localCode],
  );
  return r.rows[0] ? toMapping(r.rows[0]) : null;
}

/** Adds the row, or sets the crime type and note of the existing one with the same key. */
export async function upsertMapping(db: Queryable, m: TCrimeTypeMapping): Promise<TCrimeTypeMapping> {
  const r = await db.query<MappingRow>(
    `INSERT INTO crime_type_mapping (source_system, local_code, crime_type, note) VALUES ($1, $2, $3, $4)
     ON CONFLICT (source_system, local_code) DO UPDATE SET crime_type = EXCLUDED.crime_type, note = EXCLUDED.note
     RETURNING source_system, local_code, crime_type, note`,
    [m.sourceSystem, m.localCode, m.crimeType, m.note],
  );
  return toMapping(r.rows[0]!);
}

export async function deleteMapping(db: Queryable, system: string, localCode: string): Promise<void> {
  await db.query('DELETE FROM crime_type_mapping WHERE source_system = $1 AND local_code = $2', [system, localCode]);
}

/**
 * Records (incidents and district-month counts, of every agency) classified through a row of the mapping table: those
 * carrying the row's local code read with its code system (whatever type they were given: the row may have been
 * changed since). A record read before records kept their code system (migration 0021 could not tell it) errs on the
 * side of "in use": it counts when its source reads that system by default (the PNP reads SIDPOL, any other source
 * its own table, as `codeSystemOf`) or that default table has no such code (it was read with a system named at entry).
 */
export async function countMappingUses(db: Queryable, m: Pick<TCrimeTypeMapping, 'sourceSystem' | 'localCode'>): Promise<number> {
  const uses = (table: string): string => `
    SELECT count(*)::int AS n FROM ${table} r
    WHERE r.local_code = $2
      AND (r.code_system = $1
        OR r.code_system IS NULL AND (CASE WHEN r.source = 'PNP' THEN 'SIDPOL' ELSE r.source END = $1
          OR NOT EXISTS (SELECT 1 FROM crime_type_mapping d
                         WHERE d.source_system = CASE WHEN r.source = 'PNP' THEN 'SIDPOL' ELSE r.source END AND d.local_code = r.local_code)))`;
  const r = await db.query<{ n: number }>(
    `SELECT (${uses('incident')}) + (${uses('incident_district_month')}) AS n`,
    [m.sourceSystem, m.localCode],
  );
  return r.rows[0]?.n ?? 0;
}
