import { createHash } from 'node:crypto';
import { authorize } from '@enlace/access';
import { ZAggregateImportOptions, ZIncidentImportOptions } from '@enlace/contracts';
import type { TAggregateImportOptions, TCrimeType, TIncidentImportOptions } from '@enlace/contracts';
import { z } from 'zod';
import type { ImportContext, ImportIssue, ImportKind, ImportRow } from '../../platform/import/import-kind.ts';
import { csvInt, csvNumber, csvText } from '../../platform/import/import-values.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { codeSystemOf, normalizeLocalCode } from './incident-access.ts';
import { isTimeZone, parseIncidentTime, zonedTime } from './incident-time.ts';
import type { IncidentValues } from './incidents.repository.ts';
import { foreignSourceRefs, knownDistricts, mapLocalCodes, upsertAggregates, upsertIncidents } from './incidents.repository.ts';
import { parseCrs, toLonLat, toUtm } from './projection.ts';

/** One incident row as mapped from a CSV file (coordinates and times still as the source wrote them). */
export const ZIncidentImportRow = z.object({
  x: csvNumber(-1e8, 1e8),
  y: csvNumber(-1e8, 1e8),
  occurredAt: csvText(40).optional(),
  year: csvInt(1900, 2200).optional(),
  month: csvInt(1, 12).optional(),
  day: csvInt(1, 31).optional(),
  hour: csvInt(0, 23).optional(),
  minute: csvInt(0, 59).optional(),
  localCode: csvText(200),
  sourceRef: csvText(200).optional(),
  address: csvText(500).optional(),
  description: csvText(4000).optional(),
});
export type TIncidentImportRow = z.infer<typeof ZIncidentImportRow>;

const options = (ctx: ImportContext<TIncidentImportOptions>): TIncidentImportOptions => ZIncidentImportOptions.parse(ctx.options ?? {});

/** The row's own identifier, or a digest of its content when the source gives none (so a re-import matches). */
function sourceRefOf(r: TIncidentImportRow): string {
  if (r.sourceRef) return r.sourceRef;
  const content = [r.x, r.y, r.occurredAt, r.year, r.month, r.day, r.hour, r.minute, normalizeLocalCode(r.localCode), r.address].join('|');
  return `sha256:${createHash('sha256').update(content).digest('hex').slice(0, 32)}`;
}

interface Resolved {
  at: Date;
  lon: number;
  lat: number;
}

/** Time and position of a row, or the issues that prevent them. */
function resolveRow(r: TIncidentImportRow, o: TIncidentImportOptions, index: number, issues: ImportIssue[]): Resolved | null {
  const crs = parseCrs(o.crs);
  if (!crs) {
    issues.push({ index, field: 'x', code: 'INCIDENT_BAD_CRS', params: { crs: o.crs } });
    return null;
  }
  const position = toLonLat(crs, r.x, r.y);
  if (!position) issues.push({ index, field: 'x', code: 'INCIDENT_BAD_COORDINATES', params: { crs: o.crs, reason: `${r.x}, ${r.y}` } });
  let at: Date | null = null;
  if (r.occurredAt) {
    at = parseIncidentTime(r.occurredAt, o.timeZone);
    if (!at) issues.push({ index, field: 'occurredAt', code: 'INCIDENT_BAD_TIME', params: { value: r.occurredAt } });
  } else if (r.year !== undefined && r.month !== undefined && r.day !== undefined) {
    at = zonedTime(o.timeZone, r.year, r.month, r.day, r.hour ?? 0, r.minute ?? 0);
    if (!at) issues.push({ index, field: 'day', code: 'INCIDENT_BAD_TIME', params: { value: `${r.year}-${r.month}-${r.day}` } });
  } else {
    issues.push({ index, field: 'occurredAt', code: 'IMPORT_VALUE_REQUIRED', params: { field: 'occurredAt' } });
  }
  if (at && at.getTime() > Date.now() + 5 * 60_000) {
    issues.push({ index, field: 'occurredAt', code: 'INCIDENT_FUTURE_TIME', params: { value: at.toISOString() } });
    at = null;
  }
  return position && at ? { at, ...position } : null;
}

async function checkIncidents(
  db: Queryable,
  rows: readonly ImportRow<TIncidentImportRow>[],
  ctx: ImportContext<TIncidentImportOptions>,
): Promise<{ issues: ImportIssue[]; values: (IncidentValues | null)[] }> {
  const o = options(ctx);
  const issues: ImportIssue[] = [];
  const agency = o.agency ?? ctx.actor.agency;
  const decision = authorize(ctx.actor, 'incident:write', { agency, classification: o.classification });
  if (!decision.allow) {
    const code = decision.reason === 'CLEARANCE_TOO_LOW' ? 'CLASSIFICATION_ABOVE_CLEARANCE' : 'INCIDENT_OTHER_AGENCY';
    return { issues: rows.map((_, index) => ({ index, field: null, code, params: { agency: ctx.actor.agency, clearance: ctx.actor.clearance } })), values: rows.map(() => null) };
  }
  if (!isTimeZone(o.timeZone)) {
    return { issues: rows.map((_, index) => ({ index, field: null, code: 'INCIDENT_BAD_TIME_ZONE', params: { zone: o.timeZone } })), values: rows.map(() => null) };
  }
  const system = codeSystemOf(o.source, o.codeSystem);
  const codes = rows.map((r) => normalizeLocalCode(r.value.localCode));
  const types = await mapLocalCodes(db, system, codes);
  const refs = rows.map((r) => sourceRefOf(r.value));
  const foreign = await foreignSourceRefs(db, o.source, refs, agency);
  const values = rows.map((row, index): IncidentValues | null => {
    const before = issues.length;
    const crimeType = types.get(codes[index]!);
    if (!crimeType) issues.push({ index, field: 'localCode', code: 'INCIDENT_UNKNOWN_LOCAL_CODE', params: { code: codes[index]!, system } });
    if (foreign.has(refs[index]!)) issues.push({ index, field: 'sourceRef', code: 'INCIDENT_DUPLICATE_SOURCE_REF', params: { source: o.source, sourceRef: refs[index]! } });
    const resolved = resolveRow(row.value, o, index, issues);
    if (!resolved || issues.length > before) return null;
    const utm = toUtm(resolved.lon, resolved.lat);
    return {
      source: o.source,
      sourceRef: refs[index]!,
      crimeType: crimeType!,
      localCode: codes[index]!,
      codeSystem: system,
      occurredAt: resolved.at.toISOString(),
      lon: resolved.lon,
      lat: resolved.lat,
      utmEpsg: utm.epsg,
      x: utm.x,
      y: utm.y,
      address: row.value.address ?? null,
      description: row.value.description ?? null,
      importRunId: ctx.runId,
      agency,
      classification: o.classification,
      exercise: o.exercise,
      createdBy: ctx.actor.username,
    };
  });
  return { issues, values };
}

const L = (es: string, en: string) => ({ es, en });

/**
 * Incident points from CSV: coordinates in longitude/latitude or projected metres (option `crs`), times with an
 * offset or local in option `timeZone`, local crime codes mapped through the mapping table of option `source`
 * (or `codeSystem`). Each point is placed in its district by PostGIS. Re-importing the same file changes nothing:
 * rows are matched by (source, sourceRef), or by a digest of their content when the file has no identifier.
 */
export const incidentsImport: ImportKind<TIncidentImportRow, TIncidentImportOptions> = {
  name: 'incidents',
  tables: ['incident'],
  title: L('Incidencias y delitos', 'Incidents and crimes'),
  description: L(
    'Una fila por incidencia (coordenadas, fecha y hora, código local del delito). Reimportar el mismo archivo no crea duplicados.',
    'One row per incident (coordinates, date and time, local crime code). Re-importing the same file creates no duplicates.',
  ),
  permission: 'incident:write',
  fields: [
    { name: 'x', required: true, label: L('X o longitud', 'X or longitude'), aliases: ['lon', 'longitude', 'longitud', 'lng', 'este'] },
    { name: 'y', required: true, label: L('Y o latitud', 'Y or latitude'), aliases: ['lat', 'latitude', 'latitud', 'norte'] },
    { name: 'occurredAt', required: false, label: L('Fecha y hora', 'Date and time'), aliases: ['date', 'fecha', 'fecha_hora', 'datetime'] },
    { name: 'year', required: false, label: L('Año', 'Year'), aliases: ['anio', 'año'] },
    { name: 'month', required: false, label: L('Mes', 'Month'), aliases: ['mes'] },
    { name: 'day', required: false, label: L('Día', 'Day'), aliases: ['dia'] },
    { name: 'hour', required: false, label: L('Hora', 'Hour'), aliases: ['hora'] },
    { name: 'minute', required: false, label: L('Minuto', 'Minute'), aliases: ['minuto'] },
    { name: 'localCode', required: true, label: L('Tipo de delito (código local)', 'Crime type (local code)'), aliases: ['type', 'tipo', 'delito', 'primary_type', 'modalidad'] },
    { name: 'sourceRef', required: false, label: L('Identificador en la fuente', 'Source identifier'), aliases: ['id', 'case_number', 'nro_denuncia'] },
    { name: 'address', required: false, label: L('Dirección', 'Address'), aliases: ['direccion', 'hundred_block', 'block'] },
    { name: 'description', required: false, label: L('Descripción', 'Description'), aliases: ['descripcion', 'loc_cat'] },
  ],
  schema: ZIncidentImportRow,
  options: ZIncidentImportOptions,
  naturalKey: (row, ctx) => `${options(ctx).source}:${sourceRefOf(row)}`,
  async check(db, rows, ctx) {
    return (await checkIncidents(db, rows, ctx)).issues;
  },
  async apply(tx, audit, rows, ctx) {
    const { issues, values } = await checkIncidents(tx, rows, ctx);
    if (issues.length > 0) throw new Error(`incident import: ${issues.length} row(s) failed their check while applying`);
    const counts = await upsertIncidents(tx, values.filter((v): v is IncidentValues => v !== null));
    audit.record('import', 'incident', ctx.runId, { sha256: ctx.sha256, lines: rows.map((r) => r.line), ids: counts.ids });
    return { created: counts.created, updated: counts.updated, unchanged: counts.unchanged };
  },
};

/** One district-by-month count, as Peru's SIDPOL open data publishes them. */
export const ZAggregateImportRow = z.object({
  ubigeo: z.string().regex(/^\d{5,6}$/, { message: 'UBIGEO' }).transform((s) => s.padStart(6, '0')),
  year: csvInt(1990, 2200),
  month: csvInt(1, 12),
  localCode: csvText(200),
  count: csvInt(0, 10_000_000),
});
export type TAggregateImportRow = z.infer<typeof ZAggregateImportRow>;

const aggregateOptions = (ctx: ImportContext<TAggregateImportOptions>): TAggregateImportOptions => ZAggregateImportOptions.parse(ctx.options ?? {});

async function checkAggregates(db: Queryable, rows: readonly ImportRow<TAggregateImportRow>[], ctx: ImportContext<TAggregateImportOptions>) {
  const o = aggregateOptions(ctx);
  const agency = o.agency ?? ctx.actor.agency;
  const issues: ImportIssue[] = [];
  if (!authorize(ctx.actor, 'incident:write', { agency, classification: o.classification }).allow) {
    return { issues: rows.map((_, index) => ({ index, field: null, code: 'INCIDENT_OTHER_AGENCY' as const, params: { agency: ctx.actor.agency } })), o, agency, types: new Map<string, TCrimeType>() };
  }
  const types = await mapLocalCodes(db, o.codeSystem, rows.map((r) => normalizeLocalCode(r.value.localCode)));
  const districts = await knownDistricts(db, rows.map((r) => r.value.ubigeo));
  rows.forEach((r, index) => {
    const code = normalizeLocalCode(r.value.localCode);
    if (!types.has(code)) issues.push({ index, field: 'localCode', code: 'INCIDENT_UNKNOWN_LOCAL_CODE', params: { code, system: o.codeSystem } });
    if (!districts.has(r.value.ubigeo)) issues.push({ index, field: 'ubigeo', code: 'INCIDENT_UNKNOWN_DISTRICT', params: { ubigeo: r.value.ubigeo } });
  });
  return { issues, o, agency, types };
}

/**
 * District-by-month counts in the shape of Peru's SIDPOL open data (UBIGEO, year, month, crime sub-type, count).
 * Re-importing replaces each count by (source, UBIGEO, month, type, local code): no duplicates.
 */
export const incidentAggregatesImport: ImportKind<TAggregateImportRow, TAggregateImportOptions> = {
  name: 'incident-aggregates',
  tables: ['incident_district_month'],
  title: L('Denuncias por distrito y mes (SIDPOL)', 'Crime reports by district and month (SIDPOL)'),
  description: L(
    'Una fila por distrito, mes y tipo de delito con su cantidad, como los datos abiertos del SIDPOL. Reimportar reemplaza las cantidades.',
    'One row per district, month and crime type with its count, as SIDPOL open data. Re-importing replaces the counts.',
  ),
  permission: 'incident:write',
  fields: [
    { name: 'ubigeo', required: true, label: L('UBIGEO del distrito', 'District UBIGEO'), aliases: ['ubigeo_hecho', 'cod_ubigeo'] },
    { name: 'year', required: true, label: L('Año', 'Year'), aliases: ['anio', 'año', 'anio_hecho'] },
    { name: 'month', required: true, label: L('Mes', 'Month'), aliases: ['mes', 'mes_hecho'] },
    { name: 'localCode', required: true, label: L('Tipo de delito', 'Crime type'), aliases: ['sub_tipo', 'subgenerico', 'sub_generico', 'tipo', 'delito'] },
    { name: 'count', required: true, label: L('Cantidad', 'Count'), aliases: ['cantidad', 'n_denuncias', 'total'] },
  ],
  schema: ZAggregateImportRow,
  options: ZAggregateImportOptions,
  naturalKey: (r, ctx) => `${aggregateOptions(ctx).source}:${r.ubigeo}:${r.year}-${r.month}:${normalizeLocalCode(r.localCode)}`,
  async check(db, rows, ctx) {
    return (await checkAggregates(db, rows, ctx)).issues;
  },
  async apply(tx, audit, rows, ctx) {
    const { issues, o, agency, types } = await checkAggregates(tx, rows, ctx);
    if (issues.length > 0) throw new Error(`aggregate import: ${issues.length} row(s) failed their check while applying`);
    const counts = await upsertAggregates(
      tx,
      rows.map((r) => ({
        source: o.source,
        ubigeo: r.value.ubigeo,
        month: `${r.value.year}-${String(r.value.month).padStart(2, '0')}-01`,
        crimeType: types.get(normalizeLocalCode(r.value.localCode))!,
        localCode: normalizeLocalCode(r.value.localCode),
        codeSystem: o.codeSystem,
        count: r.value.count,
        importRunId: ctx.runId,
        agency,
        classification: o.classification,
      })),
    );
    audit.record('import', 'incident_district_month', ctx.runId, { sha256: ctx.sha256, lines: rows.map((r) => r.line) });
    return counts;
  },
};
