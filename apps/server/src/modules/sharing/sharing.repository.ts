import type { ResourceLabel } from '@enlace/access';
import type { TAgreement, TSharedIncident, TShareableField, TSharingRead } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys, labelPredicate } from '../../platform/db/label-filter.ts';

interface AgreementRow {
  id: string;
  title: string;
  owner_agency: TAgreement['ownerAgency'];
  recipient_agency: TAgreement['recipientAgency'];
  recipient_unit_id: string | null;
  basis_kind: TAgreement['basisKind'];
  instrument_id: string | null;
  exercise_id: string | null;
  area_ubigeo: string[];
  valid_from: string;
  valid_to: string;
  data_from: string;
  fields: TShareableField[];
  crime_types: TAgreement['crimeTypes'];
  max_classification: TAgreement['maxClassification'];
  status: TAgreement['status'];
  effective_from: string | null;
  effective_to: string | null;
  revoked_instrument: string | null;
  revoked_on: string | null;
  revoking_instrument: string | null;
  ended_at: Date | null;
  ended_by: string | null;
  end_reason: string | null;
  agency: TAgreement['agency'];
  classification: TAgreement['classification'];
  exercise: boolean;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** Today in Lima: agreements run in whole America/Lima days, as the legal instruments they rest on. */
const LIMA_TODAY = `(now() AT TIME ZONE 'America/Lima')::date`;

/**
 * The earliest revocation on the chain of an instrument (the instrument itself, then the ones it extends): an
 * extension cannot follow a revoked decree, so the chain falls from that day (the rule of legal/effective-registry.ts,
 * read here in the same statement as the agreement so that it holds at once on every instance). One row or none.
 */
const chainRevocation = (instrumentId: string): string => `
  WITH RECURSIVE chain (id, extends, revoked_on, revoked_by_instrument, depth) AS (
    SELECT li.id, li.extends, li.revoked_on, li.revoked_by_instrument, 0 FROM legal_instrument li WHERE li.id = ${instrumentId}
    UNION ALL
    SELECT p.id, p.extends, p.revoked_on, p.revoked_by_instrument, c.depth + 1
      FROM chain c JOIN legal_instrument p ON p.id = c.extends WHERE c.depth < 100
  )
  SELECT id AS instrument_id, revoked_on, revoked_by_instrument FROM chain WHERE revoked_on IS NOT NULL
  ORDER BY revoked_on, depth LIMIT 1`;

/**
 * The area of an instrument as the registry states it now: its own, or, for an extension that states none, that of
 * the nearest instrument up its chain that does (as the legal registry and the picture read it). One row or none.
 */
const chainArea = (instrumentId: string): string => `
  WITH RECURSIVE chain (id, extends, area_ubigeo, area_geom, depth) AS (
    SELECT li.id, li.extends, li.area_ubigeo, li.area_geom, 0 FROM legal_instrument li WHERE li.id = ${instrumentId}
    UNION ALL
    SELECT p.id, p.extends, p.area_ubigeo, p.area_geom, c.depth + 1
      FROM chain c JOIN legal_instrument p ON p.id = c.extends
     WHERE c.depth < 100 AND cardinality(coalesce(c.area_ubigeo, '{}')) = 0 AND c.area_geom IS NULL
  )
  SELECT coalesce(area_ubigeo, '{}') AS area_ubigeo, area_geom FROM chain
   WHERE cardinality(coalesce(area_ubigeo, '{}')) > 0 OR area_geom IS NOT NULL
   ORDER BY depth LIMIT 1`;

/**
 * The area an agreement shares, decided at every read: an instrument's area as the registry states it now (an edit of
 * the instrument's area moves the agreement's with it, on every instance at once); a joint exercise's district as
 * recorded. `ar.area_ubigeo` / `ar.area_geom` after joining {@link AREA_OF_AGREEMENT}.
 */
const AREA_OF_AGREEMENT = `LEFT JOIN LATERAL (${chainArea('a.instrument_id')}) ia ON true
  CROSS JOIN LATERAL (SELECT CASE WHEN ia.area_ubigeo IS NULL THEN a.area_ubigeo ELSE ia.area_ubigeo END AS area_ubigeo,
    CASE WHEN ia.area_ubigeo IS NULL THEN a.area_geom ELSE ia.area_geom END AS area_geom) ar`;

/**
 * An agreement with its basis as the registry stands now: `e.base_to` is the last day of its period that its instrument
 * still covers (an edit may have cut the instrument short), `e.eff_from`..`e.eff_to` the days it really grants (or
 * granted) access once the revocation of its instrument (or of one it extends) and its owner's ending are applied. Exercise agreements keep their own period.
 */
const FROM_AGREEMENT = `sharing_agreement a
  LEFT JOIN legal_instrument li ON li.id = a.instrument_id
  LEFT JOIN LATERAL (${chainRevocation('a.instrument_id')}) rv ON true
  ${AREA_OF_AGREEMENT}
  CROSS JOIN LATERAL (SELECT GREATEST(a.valid_from, li.valid_from) AS eff_from,
    LEAST(a.valid_to, li.valid_to, rv.revoked_on - 1, (a.ended_at AT TIME ZONE 'America/Lima')::date) AS eff_to,
    LEAST(a.valid_to, li.valid_to) AS base_to, ${LIMA_TODAY} AS today) e`;

/**
 * The state of an agreement, decided at every read: ended by its owner; its basis revoked (the revocation falls within
 * its period and has come, or leaves it no day at all); expired (its period, or its instrument's validity, is over or
 * leaves it no day); scheduled; active.
 */
const STATUS = `CASE WHEN a.ended_at IS NOT NULL THEN 'ended'
       WHEN rv.revoked_on <= e.base_to AND (e.today >= rv.revoked_on OR rv.revoked_on <= e.eff_from) THEN 'basis_revoked'
       WHEN e.today > e.eff_to OR e.eff_to < e.eff_from THEN 'expired'
       WHEN e.today < e.eff_from THEN 'scheduled' ELSE 'active' END`;

const COLUMNS = `a.id, a.title, a.owner_agency, a.recipient_agency, a.recipient_unit_id::text AS recipient_unit_id, a.basis_kind,
  a.instrument_id, a.exercise_id::text AS exercise_id, ar.area_ubigeo, a.valid_from::text AS valid_from, a.valid_to::text AS valid_to,
  a.data_from::text AS data_from, a.fields, a.crime_types, a.max_classification, ${STATUS} AS status,
  CASE WHEN e.eff_to >= e.eff_from THEN e.eff_from::text END AS effective_from,
  CASE WHEN e.eff_to >= e.eff_from THEN e.eff_to::text END AS effective_to,
  CASE WHEN rv.revoked_on <= e.base_to THEN rv.instrument_id END AS revoked_instrument,
  CASE WHEN rv.revoked_on <= e.base_to THEN rv.revoked_on::text END AS revoked_on,
  CASE WHEN rv.revoked_on <= e.base_to THEN rv.revoked_by_instrument END AS revoking_instrument,
  a.ended_at, a.ended_by, a.end_reason, a.agency, a.classification, a.exercise, a.created_by, a.created_at, a.updated_at`;

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

const toAgreement = (r: AgreementRow): TAgreement => ({
  id: r.id,
  title: r.title,
  ownerAgency: r.owner_agency,
  recipientAgency: r.recipient_agency,
  recipientUnitId: r.recipient_unit_id,
  basisKind: r.basis_kind,
  instrumentId: r.instrument_id,
  exerciseId: r.exercise_id,
  areaUbigeo: r.area_ubigeo,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  dataFrom: r.data_from,
  fields: r.fields,
  crimeTypes: r.crime_types,
  maxClassification: r.max_classification,
  status: r.status,
  effectiveValidFrom: r.effective_from,
  effectiveValidTo: r.effective_to,
  basisRevocation: r.revoked_instrument && r.revoked_on
    ? { instrumentId: r.revoked_instrument, revokedOn: r.revoked_on, revokingInstrument: r.revoking_instrument ?? '' }
    : null,
  endedAt: r.ended_at ? iso(r.ended_at) : null,
  endedBy: r.ended_by,
  endReason: r.end_reason,
  agency: r.agency,
  classification: r.classification,
  exercise: r.exercise,
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

export interface AgreementValues {
  title: string;
  ownerAgency: string;
  recipientAgency: string;
  recipientUnitId: string | null;
  /** The legal basis: an instrument, or a joint exercise (then only exercise data is shared). */
  basis: { kind: 'instrument'; instrumentId: string } | { kind: 'exercise'; exerciseId: string };
  areaUbigeo: string[];
  /** GeoJSON of the instrument's polygon area, or null. */
  areaGeometry: string | null;
  validFrom: string;
  validTo: string;
  dataFrom: string;
  fields: string[];
  crimeTypes: string[];
  maxClassification: string;
  classification: string;
  exercise: boolean;
  createdBy: string;
}

export async function insertAgreement(db: Queryable, v: AgreementValues): Promise<TAgreement> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO sharing_agreement (title, owner_agency, recipient_agency, recipient_unit_id, basis_kind, instrument_id,
       exercise_id, area_ubigeo, area_geom, valid_from, valid_to, data_from, fields, crime_types, max_classification,
       agency, classification, exercise, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::uuid, $8,
       CASE WHEN $9::text IS NULL THEN NULL ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($9::text), 4326)), 3)) END,
       $10, $11, $12, $13, $14, $15, $2, $16, $17, $18)
     RETURNING id`,
    [
      v.title, v.ownerAgency, v.recipientAgency, v.recipientUnitId, v.basis.kind, v.basis.kind === 'instrument' ? v.basis.instrumentId : null,
      v.basis.kind === 'exercise' ? v.basis.exerciseId : null, v.areaUbigeo, v.areaGeometry, v.validFrom, v.validTo, v.dataFrom,
      v.fields, v.crimeTypes, v.maxClassification, v.classification, v.exercise, v.createdBy,
    ],
  );
  return (await findAgreement(db, r.rows[0]!.id))!;
}

export async function findAgreement(db: Queryable, id: string, { lock = false }: { lock?: boolean } = {}): Promise<TAgreement | null> {
  const r = await db.query<AgreementRow>(`SELECT ${COLUMNS} FROM ${FROM_AGREEMENT} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`, [id]);
  return r.rows[0] ? toAgreement(r.rows[0]) : null;
}

/** Agreements whose record the labels allow, or of which the agency is the recipient. */
export async function listAgreements(
  db: Queryable,
  f: { labels: readonly ResourceLabel[]; recipientAgency: string; limit: number; offset: number },
): Promise<{ items: TAgreement[]; total: number }> {
  const where = `(${labelPredicate(1, 'a.')} OR a.recipient_agency = $2)`;
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sharing_agreement a WHERE ${where}`, [labelKeys(f.labels), f.recipientAgency]);
  const rows = await db.query<AgreementRow>(
    `SELECT ${COLUMNS} FROM ${FROM_AGREEMENT} WHERE ${where} ORDER BY a.created_at DESC, a.id LIMIT $3 OFFSET $4`,
    [labelKeys(f.labels), f.recipientAgency, f.limit, f.offset],
  );
  return { items: rows.rows.map(toAgreement), total: total.rows[0]?.n ?? 0 };
}

/** A revocation on the chain of an instrument, with today's Lima day to judge it by (the database's clock). */
export interface InstrumentRevocation {
  instrumentId: string;
  revokedOn: string;
  revokingInstrument: string;
  today: string;
}

/** The area an instrument gives an agreement now (its own, or inherited up its extension chain); null when none. */
export async function instrumentArea(db: Queryable, instrumentId: string): Promise<{ ubigeo: string[]; geometry: string | null } | null> {
  const r = await db.query<{ area_ubigeo: string[]; geometry: string | null }>(
    `SELECT c.area_ubigeo, ST_AsGeoJSON(c.area_geom) AS geometry FROM (${chainArea('$1')}) c`,
    [instrumentId],
  );
  const row = r.rows[0];
  return row ? { ubigeo: row.area_ubigeo, geometry: row.geometry } : null;
}

/** The earliest revocation of the instrument or of one it extends, or null when its chain is not revoked. */
export async function instrumentRevocation(db: Queryable, instrumentId: string): Promise<InstrumentRevocation | null> {
  const r = await db.query<{ instrument_id: string; revoked_on: string; revoked_by_instrument: string; today: string }>(
    `SELECT rv.instrument_id, rv.revoked_on::text AS revoked_on, rv.revoked_by_instrument, ${LIMA_TODAY}::text AS today
       FROM (${chainRevocation('$1')}) rv`,
    [instrumentId],
  );
  const row = r.rows[0];
  return row ? { instrumentId: row.instrument_id, revokedOn: row.revoked_on, revokingInstrument: row.revoked_by_instrument, today: row.today } : null;
}

export async function markEnded(db: Queryable, id: string, by: string, reason: string): Promise<TAgreement | null> {
  await db.query('UPDATE sharing_agreement SET ended_at = now(), ended_by = $2, end_reason = $3, updated_at = now() WHERE id = $1 AND ended_at IS NULL', [id, by, reason]);
  return findAgreement(db, id);
}

interface SharedRow {
  id: string;
  crime_type: TSharedIncident['crimeType'];
  local_code: string | null;
  occurred_at: Date;
  lon: number;
  lat: number;
  ubigeo: string | null;
  address: string | null;
  description: string | null;
  victims: number;
  suspects: number;
  victim_protection: string | null;
}

/**
 * The owner's incidents an agreement covers: in its area (districts by UBIGEO prefix, or inside its polygon), from
 * its data start to the end of its effective period (cut by its instrument's validity and revocation), of its crime
 * types, at most its classification and the reader's clearance. Only the shared fields leave this function; the
 * others are null.
 */
/** Cells of 0.005° (about 550 m in Lima): a protected incident's point is given as its cell's centre. */
const PROTECTED_CELL_DEGREES = 0.005;
const coarsened = (lon: number, lat: number): { lon: number; lat: number } => {
  const centre = (v: number): number => Number(((Math.floor(v / PROTECTED_CELL_DEGREES) + 0.5) * PROTECTED_CELL_DEGREES).toFixed(4));
  return { lon: centre(lon), lat: centre(lat) };
};

export async function sharedIncidents(
  db: Queryable,
  a: TAgreement,
  q: { from?: string | undefined; to?: string | undefined; clearanceLevels: readonly string[]; limit: number; offset: number },
): Promise<{ items: TSharedIncident[]; total: number }> {
  if (!a.effectiveValidTo) return { items: [], total: 0 };
  const params: unknown[] = [a.id, a.ownerAgency, q.clearanceLevels, a.effectiveValidTo];
  const where = [
    'i.agency = $2',
    'i.classification = ANY($3::text[])',
    'i.exercise = s.exercise',
    `i.occurred_at >= (s.data_from::timestamp AT TIME ZONE 'America/Lima')`,
    `i.occurred_at < (($4::date + 1)::timestamp AT TIME ZONE 'America/Lima')`,
    `(EXISTS (SELECT 1 FROM unnest(s.area_ubigeo) AS u(code) WHERE i.ubigeo LIKE u.code || '%')
      OR (s.area_geom IS NOT NULL AND ST_Intersects(s.area_geom, i.location)))`,
    `(cardinality(s.crime_types) = 0 OR i.crime_type = ANY(s.crime_types))`,
  ];
  if (q.from) where.push(`i.occurred_at >= $${params.push(q.from)}::timestamptz`);
  if (q.to) where.push(`i.occurred_at < $${params.push(q.to)}::timestamptz`);
  const agreement = `(SELECT a.data_from, a.exercise, a.crime_types, ar.area_ubigeo, ar.area_geom
      FROM sharing_agreement a ${AREA_OF_AGREEMENT} WHERE a.id = $1) s`;
  const from = `FROM incident i JOIN ${agreement} ON true WHERE ${where.join(' AND ')}`;
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
  const shares = new Set(a.fields);
  const counts = shares.has('victimCount') || shares.has('suspectCount');
  const r = await db.query<SharedRow>(
    `SELECT i.id, i.crime_type, i.local_code, i.occurred_at, ST_X(i.location) AS lon, ST_Y(i.location) AS lat, i.ubigeo,
       i.address, i.description, (SELECT t.victim_protection FROM crime_type t WHERE t.code = i.crime_type) AS victim_protection,
       ${counts ? '(SELECT count(*)::int FROM incident_victim v WHERE v.incident_id = i.id)' : '0'} AS victims,
       ${counts ? '(SELECT count(*)::int FROM incident_suspect p WHERE p.incident_id = i.id)' : '0'} AS suspects
     ${from} ORDER BY i.occurred_at DESC, i.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, q.limit, q.offset],
  );
  const keep = <T>(field: TShareableField, value: T): T | null => (shares.has(field) ? value : null);
  const items = r.rows.map((row) => {
    // Where the type protects its victims, the place and the narrative would identify them: never shared.
    const guarded = row.victim_protection !== null;
    return {
      id: row.id,
      crimeType: keep('crimeType', row.crime_type),
      localCode: keep('localCode', row.local_code),
      occurredAt: keep('occurredAt', iso(row.occurred_at)),
      location: keep('location', guarded ? coarsened(row.lon, row.lat) : { lon: row.lon, lat: row.lat }),
      ubigeo: keep('ubigeo', row.ubigeo),
      address: guarded ? null : keep('address', row.address),
      description: guarded ? null : keep('description', row.description),
      victimCount: keep('victimCount', row.victims),
      suspectCount: keep('suspectCount', row.suspects),
      victimProtection: row.victim_protection,
    };
  });
  return { items, total: total.rows[0]?.n ?? 0 };
}

export async function insertRead(
  db: Queryable,
  r: { agreementId: string; actorId: string; actor: string; agency: string; incidentIds: string[]; fields: string[]; query: unknown },
): Promise<void> {
  await db.query(
    'INSERT INTO sharing_read (agreement_id, actor_id, actor, agency, incident_ids, fields, query) VALUES ($1, $2, $3, $4, $5::uuid[], $6, $7)',
    [r.agreementId, r.actorId, r.actor, r.agency, r.incidentIds, r.fields, JSON.stringify(r.query ?? {})],
  );
}

export async function listReads(
  db: Queryable,
  f: { agreementIds: readonly string[] | null; incidentId?: string | undefined; limit: number; offset: number },
): Promise<{ items: TSharingRead[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = ['true'];
  if (f.agreementIds) where.push(`agreement_id = ANY($${params.push(f.agreementIds)}::uuid[])`);
  if (f.incidentId) where.push(`$${params.push(f.incidentId)}::uuid = ANY(incident_ids)`);
  const clause = where.join(' AND ');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sharing_read WHERE ${clause}`, params);
  const r = await db.query<{ id: string | number; agreement_id: string; actor: string; agency: string; at: Date; incident_ids: string[]; fields: string[] }>(
    `SELECT id, agreement_id, actor, agency, at, incident_ids::text[] AS incident_ids, fields FROM sharing_read WHERE ${clause}
     ORDER BY at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return {
    items: r.rows.map((x) => ({ id: Number(x.id), agreementId: x.agreement_id, actor: x.actor, agency: x.agency, at: iso(x.at), incidentIds: x.incident_ids, fields: x.fields })),
    total: total.rows[0]?.n ?? 0,
  };
}

/** Ids of the agreements whose record the labels allow (for oversight of their reads). */
export async function agreementIdsFor(db: Queryable, labels: readonly ResourceLabel[]): Promise<string[]> {
  const r = await db.query<{ id: string }>(`SELECT a.id FROM sharing_agreement a WHERE ${labelPredicate(1, 'a.')}`, [labelKeys(labels)]);
  return r.rows.map((x) => x.id);
}
