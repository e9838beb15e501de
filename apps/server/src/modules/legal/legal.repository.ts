import type { ResourceLabel } from '@enlace/access';
import type { TClassification } from '@enlace/contracts';
import type { TInstrument, TRuleSet, TTaskingResult } from '@enlace/rules';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys, labelPredicate } from '../../platform/db/label-filter.ts';
import { sqlText } from '../../platform/db/sql-literal.ts';
import type { TInstrumentRecord, TRevocation, TRevocationRequest, TTaskingEvaluation } from './legal.schemas.ts';

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
  revoked_on: string | null;
  revocation_reason: string | null;
  revoked_by_instrument: string | null;
  revocation_source_url: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, kind, number, title, scenario, ground, pnp_capacity, area_ubigeo, ST_AsGeoJSON(area_geom) AS area_geojson,
  to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, restricted_rights,
  control_authority, pnp_coordinating_authority, oversight, source_url, extends, applies_to, agency, classification,
  exercise, to_char(revoked_on, 'YYYY-MM-DD') AS revoked_on, revocation_reason, revoked_by_instrument,
  revocation_source_url, revoked_at, revoked_by, created_at, updated_at`;

/** Adds `key` only when the column holds a value: the instrument schema has optional, not nullable, fields. */
function some<K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> {
  return value === null ? {} : ({ [key]: value } as Record<K, V>);
}

function revocationOf(r: InstrumentRow, revokedOn: string): TRevocation {
  return {
    revokedOn,
    reason: r.revocation_reason ?? '',
    revokingInstrument: r.revoked_by_instrument ?? '',
    ...some('sourceUrl', r.revocation_source_url),
    revokedAt: r.revoked_at?.toISOString() ?? '',
    revokedBy: r.revoked_by ?? '',
  };
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
    ...(r.revoked_on === null ? {} : { revocation: revocationOf(r, r.revoked_on) }),
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

/** Every real (non-exercise) instrument, whatever its labels: the evaluator's registry before the reader's filter. */
export async function allRealInstruments(db: Queryable): Promise<TInstrumentRecord[]> {
  const rows = await db.query<InstrumentRow>(`SELECT ${COLUMNS} FROM legal_instrument WHERE NOT exercise`);
  return rows.rows.map(toInstrument);
}

export async function findInstrument(db: Queryable, id: string): Promise<TInstrumentRecord | null> {
  const r = await db.query<InstrumentRow>(`SELECT ${COLUMNS} FROM legal_instrument WHERE id = $1`, [id]);
  return r.rows[0] ? toInstrument(r.rows[0]) : null;
}

export type InstrumentValues = TInstrument & Pick<TInstrumentRecord, 'agency' | 'classification' | 'exercise'>;

/** The 21 column values of an instrument, as `$1`..`$21` of the INSERT and the UPDATE below. */
function instrumentParams(i: InstrumentValues): unknown[] {
  return [
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
  ];
}

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
    instrumentParams(i),
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

interface EvaluationRow {
  id: string;
  actor: string;
  agency: TTaskingEvaluation['agency'];
  classification: TClassification;
  input: unknown;
  input_digest: string | null;
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
  ...(r.input_digest === null ? {} : { inputDigest: r.input_digest }),
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
  /** The compact input (see compact-tasking-input.ts), as JSON text, and the SHA-256 (hex) of that text. */
  inputJson: string;
  inputDigest: string;
  result: TTaskingResult;
}

/**
 * The statement that stores an evaluation under `id` (made by the caller), values inlined as literals: it travels in
 * one message with the rest of its transaction (`runAuditedScript`).
 */
export function insertEvaluationStatement(id: string, e: EvaluationValues): string {
  const values = [
    `${sqlText(id)}::uuid`, `${sqlText(e.actorId)}::uuid`, sqlText(e.actor), sqlText(e.agency), sqlText(e.classification),
    `${sqlText(e.inputJson)}::jsonb`, sqlText(e.inputDigest), `${sqlText(JSON.stringify(e.result))}::jsonb`,
    sqlText(e.result.ruleSetVersion), sqlText(e.result.decision),
  ];
  return `INSERT INTO tasking_evaluation (id, actor_id, actor, agency, classification, input, input_digest, result, rule_set_version, decision)
     VALUES (${values.join(', ')})`;
}

export async function listEvaluations(
  db: Queryable,
  f: { labels: readonly ResourceLabel[]; limit: number },
): Promise<TTaskingEvaluation[]> {
  const r = await db.query<EvaluationRow>(
    `SELECT id, actor, agency, classification, input, input_digest, result, rule_set_version, decision, created_at
       FROM tasking_evaluation WHERE ${LABEL_FILTER} ORDER BY created_at DESC, id LIMIT $2`,
    [labelKeys(f.labels), f.limit],
  );
  return r.rows.map(toEvaluation);
}

/**
 * The evaluations that can still place a unit on the picture, newest first: those of a unit and task that has an
 * allowed or conditional evaluation whose period has not ended, from the earliest start of those on (any decision:
 * a newer one whose period overlaps supersedes, cop/lawful-areas.ts). However many evaluations were stored since.
 */
export async function listEvaluationsThatMayPlaceUnits(
  db: Queryable,
  f: { labels: readonly ResourceLabel[]; limit: number },
): Promise<TTaskingEvaluation[]> {
  const r = await db.query<EvaluationRow>(
    `WITH live AS (
       SELECT unit_id, task, min(period_from) AS since FROM tasking_evaluation
        WHERE unit_id IS NOT NULL AND decision IN ('allowed', 'conditional') AND period_to >= now() AND ${labelPredicate(1)}
        GROUP BY unit_id, task
     )
     SELECT e.id, e.actor, e.agency, e.classification, e.input, e.input_digest, e.result, e.rule_set_version, e.decision, e.created_at
       FROM tasking_evaluation e JOIN live l ON l.unit_id = e.unit_id AND l.task IS NOT DISTINCT FROM e.task
      WHERE e.period_to >= l.since AND ${labelPredicate(1, 'e.')}
      ORDER BY e.created_at DESC, e.id LIMIT $2`,
    [labelKeys(f.labels), f.limit],
  );
  return r.rows.map(toEvaluation);
}

/** The revocation day (`YYYY-MM-DD`) of each of `ids` that was revoked. */
export async function instrumentRevocations(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const r = await db.query<{ id: string; revoked_on: string }>(
    'SELECT id, revoked_on::text AS revoked_on FROM legal_instrument WHERE id = ANY($1::text[]) AND revoked_on IS NOT NULL',
    [ids],
  );
  return new Map(r.rows.map((row) => [row.id, row.revoked_on]));
}

/** The instrument, locked for the rest of the transaction (edits of one instrument are serialized). */
export async function lockInstrument(db: Queryable, id: string): Promise<TInstrumentRecord | null> {
  await db.query('SELECT id FROM legal_instrument WHERE id = $1 FOR UPDATE', [id]);
  return findInstrument(db, id);
}

/** Every instrument that extends `id` or applies to it, whatever its labels (an edit must not break any of them). */
export async function dependentsOf(db: Queryable, id: string): Promise<TInstrumentRecord[]> {
  const rows = await db.query<InstrumentRow>(`SELECT ${COLUMNS} FROM legal_instrument WHERE extends = $1 OR $1 = ANY(applies_to)`, [id]);
  return rows.rows.map(toInstrument);
}

/** Records the revocation of an instrument (its other values stay as they are). */
export async function revokeInstrumentRow(db: Queryable, id: string, r: TRevocationRequest & { revokedBy: string }): Promise<TInstrumentRecord> {
  const row = await db.query<InstrumentRow>(
    `UPDATE legal_instrument SET revoked_on = $2::date, revocation_reason = $3, revoked_by_instrument = $4,
        revocation_source_url = $5, revoked_at = now(), revoked_by = $6, updated_at = now()
      WHERE id = $1
     RETURNING ${COLUMNS}`,
    [id, r.revokedOn, r.reason, r.revokingInstrument, r.sourceUrl ?? null, r.revokedBy],
  );
  return toInstrument(row.rows[0]!);
}

/** Replaces an instrument's values; `updated_at` moves only when `touch` is set (a no-op edit leaves it). */
export async function updateInstrumentRow(db: Queryable, i: InstrumentValues, { touch }: { touch: boolean }): Promise<TInstrumentRecord> {
  const r = await db.query<InstrumentRow>(
    `UPDATE legal_instrument SET kind = $2, number = $3, title = $4, scenario = $5, ground = $6, pnp_capacity = $7,
        area_ubigeo = $8::text[],
        area_geom = CASE WHEN $9::text IS NULL THEN NULL
                         ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($9::text), 4326)), 3)) END,
        valid_from = $10::date, valid_to = $11::date, restricted_rights = $12::text[], control_authority = $13,
        pnp_coordinating_authority = $14, oversight = $15::jsonb, source_url = $16, extends = $17, applies_to = $18::text[],
        agency = $19, classification = $20, exercise = $21,
        updated_at = CASE WHEN $22::boolean THEN now() ELSE updated_at END
      WHERE id = $1
     RETURNING ${COLUMNS}`,
    [...instrumentParams(i), touch],
  );
  return toInstrument(r.rows[0]!);
}
