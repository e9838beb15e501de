import { ZCrimeTypeCatalog, ZIncident, ZIncidentPage } from '@enlace/contracts';
import type { TCrimeType, TIncident, TIncidentCreate } from '@enlace/contracts';
import { apiRequest } from '../../app/api.ts';
import { limaDayStart } from '../../app/lima-time.ts';

/** `GET /incidents/crime-types`: Enlace's crime types with their names and legal references, and the local codes' mapping. */
export const getCrimeTypes = (signal?: AbortSignal) => apiRequest('/incidents/crime-types', ZCrimeTypeCatalog, signal ? { signal } : {});

/** The filters of the incident list, as the screen keeps them in its address (dates are America/Lima days). */
export interface IncidentListFilter {
  type?: TCrimeType | undefined;
  from?: string | undefined;
  to?: string | undefined;
  ubigeo?: string | undefined;
}

/** The API's query for a filter: Lima days as instants (`to` is inclusive: up to the start of the next day). */
export function incidentQuery(f: IncidentListFilter): Record<string, string> {
  const nextDay = (d: string): string => new Date(Date.parse(limaDayStart(d)) + 86_400_000).toISOString();
  return {
    ...(f.type ? { types: f.type } : {}),
    ...(f.from ? { from: limaDayStart(f.from) } : {}),
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
