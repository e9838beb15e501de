import { AGENCY_CODES, CLASSIFICATIONS } from '@enlace/contracts';
import type { TIncident } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { listIncidents as listIncidentRows } from './incidents.repository.ts';

/** An incident as the operational picture shows it on phones: what, when, where; no address, description or persons. */
export type TPictureIncident = Pick<TIncident, 'id' | 'crimeType' | 'occurredAt' | 'location' | 'ubigeo' | 'agency' | 'classification' | 'exercise'>;

const ALL_LABELS = AGENCY_CODES.flatMap((agency) => CLASSIFICATIONS.map((classification) => ({ agency, classification })));

/**
 * The incidents that occurred since `since`, newest first, at most `limit`, redacted for the picture (victims and
 * suspects live in other tables and are never read; free text that may name them, description and address, is left
 * out). Every agency's: the caller (the CoT gateway) filters each item per receiver with authorize() before it
 * leaves the server, as it does for tracks.
 */
export async function listPictureIncidents(ctx: AppContext, q: { since: string; limit: number }): Promise<TPictureIncident[]> {
  const page = await listIncidentRows(ctx.db, { labels: ALL_LABELS, from: q.since }, { limit: q.limit, offset: 0 });
  return page.items.map((i) => ({
    id: i.id,
    crimeType: i.crimeType,
    occurredAt: i.occurredAt,
    location: i.location,
    ubigeo: i.ubigeo,
    agency: i.agency,
    classification: i.classification,
    exercise: i.exercise,
  }));
}
