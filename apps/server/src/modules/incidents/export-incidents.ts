import { readableLabels } from '@enlace/access';
import type { TIncident, TIncidentFilter } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { countIncidents, incidentPages } from './incidents.repository.ts';

const CSV_COLUMNS = ['id', 'source', 'sourceRef', 'crimeType', 'localCode', 'codeSystem', 'occurredAt', 'lon', 'lat', 'ubigeo', 'address', 'description', 'agency', 'classification', 'exercise'] as const;

/** RFC 4180 field; a leading = + - @ is prefixed with ' so that a spreadsheet never runs it as a formula. */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(i: TIncident): string {
  const row: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null> = { ...i, lon: i.location.lon, lat: i.location.lat };
  return `${CSV_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`;
}

function feature(i: TIncident): string {
  const { location, ...properties } = i;
  return JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [location.lon, location.lat] }, properties });
}

/**
 * The incidents matching the active filters as CSV or GeoJSON, streamed page by page (memory stays flat). The
 * export itself is audited first, with the filter and the number of incidents.
 */
export async function exportIncidents({
  ctx,
  actor,
  filter,
  format,
}: {
  ctx: AppContext;
  actor: Actor;
  filter: TIncidentFilter;
  format: 'csv' | 'geojson';
}): Promise<AsyncGenerator<string>> {
  const f = { labels: readableLabels(actor, 'incident:read'), ...filter };
  await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const count = await countIncidents(tx, f);
    audit.record('export', 'incident', null, { filter, format, count });
  });
  return (async function* chunks() {
    yield format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '{"type":"FeatureCollection","features":[\n';
    let first = true;
    for await (const page of incidentPages(ctx.db, f)) {
      if (format === 'csv') yield page.map(csvLine).join('');
      else {
        yield `${first ? '' : ',\n'}${page.map(feature).join(',\n')}`;
        first = false;
      }
    }
    if (format === 'geojson') yield '\n]}\n';
  })();
}
