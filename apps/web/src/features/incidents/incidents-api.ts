import { ZIncident, ZIncidentPage } from '@enlace/contracts';
import type { TCrimeType, TIncident, TIncidentCreate } from '@enlace/contracts';
import { apiRequest } from '../../app/api.ts';

export { getCrimeTypes } from '../analysis/analysis-api.ts';

/** The filters of the incident list, as the screen keeps them in its address (dates are America/Lima days). */
export interface IncidentListFilter {
  type?: TCrimeType | undefined;
  from?: string | undefined;
  to?: string | undefined;
  ubigeo?: string | undefined;
}

/** The API's query for a filter: Lima days as instants (`to` is inclusive: up to the start of the next day). */
export function incidentQuery(f: IncidentListFilter): Record<string, string> {
  const nextDay = (d: string): string => new Date(Date.parse(`${d}T00:00:00-05:00`) + 86_400_000).toISOString();
  return {
    ...(f.type ? { types: f.type } : {}),
    ...(f.from ? { from: `${f.from}T00:00:00-05:00` } : {}),
    ...(f.to ? { to: nextDay(f.to) } : {}),
    ...(f.ubigeo ? { ubigeo: f.ubigeo } : {}),
  };
}

/** `GET /incidents`: a page of the incidents the user may read that match the filter, newest first. */
export function listIncidents(f: IncidentListFilter, page: { limit: number; offset: number }, signal?: AbortSignal): Promise<{ items: TIncident[]; total: number }> {
  return apiRequest('/incidents', ZIncidentPage, { query: { ...incidentQuery(f), ...page }, ...(signal ? { signal } : {}) });
}

/** Where `GET /incidents/export` gives the same incidents as a file (the session cookie authorises the download). */
export function exportUrl(f: IncidentListFilter, format: 'csv' | 'geojson'): string {
  return `/api/v1/incidents/export?${new URLSearchParams({ ...incidentQuery(f), format }).toString()}`;
}

/** `POST /incidents`: the district is found by the server from the point. */
export function createIncident(body: Partial<TIncidentCreate> & Pick<TIncidentCreate, 'occurredAt' | 'location'>): Promise<TIncident> {
  return apiRequest('/incidents', ZIncident, { method: 'POST', body });
}
