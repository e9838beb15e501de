import type { ResourceLabel } from '@enlace/access';
import type { TClassification } from '@enlace/contracts';
import type { TCoverageHint, TInstrument, TRuleSet, TTaskingInput, TTaskingResult } from '@enlace/rules';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys, labelPredicate } from '../../platform/db/label-filter.ts';
import type { TInstrumentRecord, TTaskingEvaluation } from './legal.schemas.ts';

interface InstrumentRow {
  id: string;
  kind: TInstrument['kind'];
  number: string | null;
  title: string | null;
  scenario: TInstrument['scenario'] | null;
  ground: TInstrument['ground'] | null;
  pnp_capacity: TInstrument['pnpCapacity'] | null;
  area_ubigeo: string[];
  area_geojson: string | null;
  valid_from: string;
  valid_to: string;
  restricted_rights: string[];
  control_authority: TInstrument['controlAuthority'] | null;
  pnp_coordinating_authority: string | null;
  oversight: TInstrument['oversight'] | null;
  source_url: string | null;
  extends: string | null;
  applies_to: string[];
  agency: TInstrumentRecord['agency'];
  classification: TInstrumentRecord['classification'];
  exercise: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, kind, number, title, scenario, ground, pnp_capacity, area_ubigeo, ST_AsGeoJSON(area_geom) AS area_geojson,
  to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, restricted_rights,
  control_authority, pnp_coordinating_authority, oversight, source_url, extends, applies_to, agency, classification,
  exercise, created_at, updated_at`;

/** Adds `key` only when the column holds a value: the instrument schema has optional, not nullable, fields. */
function some<K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> {
  return value === null ? {} : ({ [key]: value } as Record<K, V>);
}

function toInstrument(r: InstrumentRow): TInstrumentRecord {
  const area = {
    ...(r.area_ubigeo.length > 0 ? { ubigeo: r.area_ubigeo } : {}),
    ...(r.area_geojson === null ? {} : { geometry: JSON.parse(r.area_geojson) as NonNullable<TInstrument['area']>['geometry'] }),
  };
  return {
    id: r.id,
    kind: r.kind,
    ...some('number', r.number),
    ...some('title', r.title),
    ...some('scenario', r.scenario),
    ...some('ground', r.ground),
    ...some('pnpCapacity', r.pnp_capacity),
    ...(Object.keys(area).length > 0 ? { area } : {}),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    ...(r.restricted_rights.length > 0 ? { restrictedRights: r.restricted_rights } : {}),
    ...some('controlAuthority', r.control_authority),
    ...some('pnpCoordinatingAuthority', r.pnp_coordinating_authority),
    extends: r.extends,
    ...(r.applies_to.length > 0 ? { appliesTo: r.applies_to } : {}),
    ...some('oversight', r.oversight),
    ...some('sourceUrl', r.source_url),
    agency: r.agency,
    classification: r.classification,
    exercise: r.exercise,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const LABEL_FILTER = labelPredicate(1);

export interface InstrumentFilter {
  labels: readonly ResourceLabel[];
  kind?: string | undefined;
  limit: number;
  offset: number;
}

export async function listInstruments(db: Queryable, f: InstrumentFilter): Promise<{ items: TInstrumentRecord[]; total: number }> {
  const params: unknown[] = [labelKeys(f.labels)];
  const where = [LABEL_FILTER];
  if (f.kind) where.push(`kind = $${params.push(f.kind)}`);
  const clause = where.join(' AND ');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM legal_instrument WHERE ${clause}`, params);
  const rows = await db.query<InstrumentRow>(
    `SELECT ${COLUMNS} FROM legal_instrument WHERE ${clause}
      ORDER BY valid_from DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { items: rows.rows.map(toInstrument), total: total.rows[0]?.n ?? 0 };
}

/** Every instrument with one of the labels (the registry a new instrument is validated against). */
export async function allReadableInstruments(db: Queryable, labels: readonly ResourceLabel[]): Promise<TInstrumentRecord[]> {
  const rows = await db.query<InstrumentRow>(`SELECT ${COLUMNS} FROM legal_instrument WHERE ${LABEL_FILTER}`, [labelKeys(labels)]);
  return rows.rows.map(toInstrument);
}

/**
 * The real (non-exercise) instruments with one of the labels that may matter for a period: those in force on any
 * day of it, and the decrees they extend up the chain (an extension inherits its decree's area and authorities).
 */
export async function instrumentsForPeriod(
  db: Queryable,
  labels: readonly ResourceLabel[],
  period: { from: string; to: string },
): Promise<TInstrumentRecord[]> {
  const rows = await db.query<InstrumentRow>(
    `WITH RECURSIVE wanted AS (
       SELECT id, extends FROM legal_instrument
        WHERE ${LABEL_FILTER} AND NOT exercise AND valid_to >= $2::date AND valid_from <= $3::date
       UNION
       SELECT p.id, p.extends FROM legal_instrument p JOIN wanted w ON p.id = w.extends
        WHERE (p.agency || ':' || p.classification) = ANY($1::text[]) AND NOT p.exercise
     )
     SELECT ${COLUMNS} FROM legal_instrument WHERE id IN (SELECT id FROM wanted)`,
    [labelKeys(labels), period.from, period.to],
  );
  return rows.rows.map(toInstrument);
}

export async function findInstrument(db: Queryable, id: string): Promise<TInstrumentRecord | null> {
  const r = await db.query<InstrumentRow>(`SELECT ${COLUMNS} FROM legal_instrument WHERE id = $1`, [id]);
  return r.rows[0] ? toInstrument(r.rows[0]) : null;
}

export type InstrumentValues = TInstrument & Pick<TInstrumentRecord, 'agency' | 'classification' | 'exercise'>;

export async function insertInstrument(db: Queryable, i: InstrumentValues): Promise<TInstrumentRecord> {
  const r = await db.query<InstrumentRow>(
    `INSERT INTO legal_instrument (id, kind, number, title, scenario, ground, pnp_capacity, area_ubigeo, area_geom,
        valid_from, valid_to, restricted_rights, control_authority, pnp_coordinating_authority, oversight, source_url,
        extends, applies_to, agency, classification, exercise)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[],
             CASE WHEN $9::text IS NULL THEN NULL
                  ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($9::text), 4326)), 3)) END,
             $10::date, $11::date, $12::text[], $13, $14, $15::jsonb, $16, $17, $18::text[], $19, $20, $21)
     RETURNING ${COLUMNS}`,
    [
      i.id,
      i.kind,
      i.number ?? null,
      i.title ?? null,
      i.scenario ?? null,
      i.ground ?? null,
      i.pnpCapacity ?? null,
      i.area?.ubigeo ?? [],
      i.area?.geometry ? JSON.stringify(i.area.geometry) : null,
      i.validFrom,
      i.validTo,
      i.restrictedRights ?? [],
      i.controlAuthority ?? null,
      i.pnpCoordinatingAuthority ?? null,
      i.oversight ? JSON.stringify(i.oversight) : null,
      i.sourceUrl ?? null,
      i.extends ?? null,
      i.appliesTo ?? [],
      i.agency,
      i.classification,
      i.exercise,
    ],
  );
  return toInstrument(r.rows[0]!);
}

/** The rule set in force, or null while none was stored (the default one then applies). */
export async function findActiveRuleSet(db: Queryable): Promise<TRuleSet | null> {
  const r = await db.query<{ body: TRuleSet }>('SELECT body FROM legal_rule_set WHERE active');
  return r.rows[0]?.body ?? null;
}

/** Serializes rule-set changes: the second of two concurrent changes derives from the first. */
export async function lockRuleSets(db: Queryable): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtext('legal_rule_set'))");
}

export async function ruleSetVersionExists(db: Queryable, version: string): Promise<boolean> {
  const r = await db.query<{ ok: boolean }>('SELECT EXISTS (SELECT 1 FROM legal_rule_set WHERE version = $1) AS ok', [version]);
  return r.rows[0]?.ok === true;
}

/** Stores a rule set and makes it the one in force. */
export async function insertActiveRuleSet(db: Queryable, ruleSet: TRuleSet, createdBy: string): Promise<void> {
  await db.query('UPDATE legal_rule_set SET active = false WHERE active');
  await db.query('INSERT INTO legal_rule_set (version, body, active, created_by) VALUES ($1, $2::jsonb, true, $3)', [
    ruleSet.ruleSetVersion,
    JSON.stringify(ruleSet),
    createdBy,
  ]);
}

/** One coverage question: a basis instrument and the instrument whose area it uses (itself, or a decree it extends). */
export interface CoverageSubject {
  instrumentId: string;
  areaSourceId: string;
}

/**
 * PostGIS coverage of a requested area by each basis: the basis area is the union of its polygon and its UBIGEO
 * districts (the IGN boundary where there is one); `coversGeometry` is ST_Covers(basis, request polygon) and
 * `coveredUbigeo` the request codes whose districts' union the basis covers.
 */
export async function coverageHints(
  db: Queryable,
  subjects: readonly CoverageSubject[],
  request: TTaskingInput['area'],
): Promise<TCoverageHint[]> {
  if (subjects.length === 0) return [];
  const r = await db.query<{ id: string; covers_geometry: boolean | null; covered_ubigeo: string[] }>(
    `WITH district AS (
       SELECT d.ubigeo, COALESCE(lc.geom, d.geom) AS geom
         FROM ref_district d LEFT JOIN ref_lima_callao_district lc ON lc.ubigeo = d.ubigeo
        WHERE d.geom IS NOT NULL
     ), req AS (
       SELECT CASE WHEN $3::text IS NULL THEN NULL
                   ELSE ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($3::text), 4326)), 3) END AS geom
     ), req_code AS (
       SELECT c AS code, (SELECT ST_Union(geom) FROM district WHERE ubigeo LIKE c || '%') AS geom
         FROM unnest($4::text[]) AS c
     ), basis AS (
       SELECT s.id, (
         SELECT ST_Union(g) FROM (
           SELECT i.area_geom AS g WHERE i.area_geom IS NOT NULL
           UNION ALL
           SELECT geom FROM district WHERE EXISTS (SELECT 1 FROM unnest(i.area_ubigeo) b WHERE district.ubigeo LIKE b || '%')
         ) parts
       ) AS geom
       FROM unnest($1::text[], $2::text[]) AS s(id, source_id) JOIN legal_instrument i ON i.id = s.source_id
     )
     SELECT b.id,
            CASE WHEN req.geom IS NULL THEN NULL WHEN b.geom IS NULL THEN false ELSE ST_Covers(b.geom, req.geom) END AS covers_geometry,
            COALESCE((SELECT array_agg(rc.code ORDER BY rc.code) FROM req_code rc
                       WHERE b.geom IS NOT NULL AND rc.geom IS NOT NULL AND ST_Covers(b.geom, rc.geom)), '{}') AS covered_ubigeo
       FROM basis b CROSS JOIN req`,
    [
      subjects.map((s) => s.instrumentId),
      subjects.map((s) => s.areaSourceId),
      request.geometry ? JSON.stringify(request.geometry) : null,
      request.ubigeo ?? [],
    ],
  );
  return r.rows.map((row) => ({
    instrumentId: row.id,
    ...(row.covers_geometry === null ? {} : { coversGeometry: row.covers_geometry }),
    coveredUbigeo: row.covered_ubigeo,
  }));
}

interface EvaluationRow {
  id: string;
  actor: string;
  agency: TTaskingEvaluation['agency'];
  classification: TClassification;
  input: unknown;
  result: TTaskingResult;
  rule_set_version: string;
  decision: TTaskingResult['decision'];
  created_at: Date;
}

const toEvaluation = (r: EvaluationRow): TTaskingEvaluation => ({
  id: r.id,
  actor: r.actor,
  agency: r.agency,
  classification: r.classification,
  input: r.input,
  result: r.result,
  ruleSetVersion: r.rule_set_version,
  decision: r.decision,
  createdAt: r.created_at.toISOString(),
});

export interface EvaluationValues {
  actorId: string;
  actor: string;
  agency: TTaskingEvaluation['agency'];
  classification: TClassification;
  input: TTaskingInput;
  result: TTaskingResult;
}

export async function insertEvaluation(db: Queryable, e: EvaluationValues): Promise<TTaskingEvaluation> {
  const r = await db.query<EvaluationRow>(
    `INSERT INTO tasking_evaluation (actor_id, actor, agency, classification, input, result, rule_set_version, decision)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)
     RETURNING id, actor, agency, classification, input, result, rule_set_version, decision, created_at`,
    [e.actorId, e.actor, e.agency, e.classification, JSON.stringify(e.input), JSON.stringify(e.result), e.result.ruleSetVersion, e.result.decision],
  );
  return toEvaluation(r.rows[0]!);
}

export async function listEvaluations(
  db: Queryable,
  f: { labels: readonly ResourceLabel[]; limit: number },
): Promise<TTaskingEvaluation[]> {
  const r = await db.query<EvaluationRow>(
    `SELECT id, actor, agency, classification, input, result, rule_set_version, decision, created_at
       FROM tasking_evaluation WHERE ${LABEL_FILTER} ORDER BY created_at DESC, id LIMIT $2`,
    [labelKeys(f.labels), f.limit],
  );
  return r.rows.map(toEvaluation);
}
