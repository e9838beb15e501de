import { ZCrimeTypeCatalog, ZCrimeTypeMapping, ZIncident, ZIncidentPage, ZPersons, ZSuspect, ZVictim } from '@enlace/contracts';
import type {
  TCrimeType,
  TCrimeTypeMapping,
  TCrimeTypeMappingKey,
  TCrimeTypeMappingPut,
  TIncident,
  TIncidentCreate,
  TSuspect,
  TVictim,
  ZSuspectCreate,
  ZVictimCreate,
} from '@enlace/contracts';
import type { z } from 'zod';
import { apiCommand, apiRequest } from '../../app/api.ts';
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

const enc = encodeURIComponent;

/** `GET /incidents/:id`: one incident the user may read (no personal data). */
export const getIncident = (id: string, signal?: AbortSignal): Promise<TIncident> =>
  apiRequest(`/incidents/${enc(id)}`, ZIncident, signal ? { signal } : {});

/** `GET /incidents/:id/persons`: victims and suspects (needs incident:person:read; the server audits every read). */
export const listPersons = (id: string, signal?: AbortSignal): Promise<{ victims: TVictim[]; suspects: TSuspect[] }> =>
  apiRequest(`/incidents/${enc(id)}/persons`, ZPersons, signal ? { signal } : {});

/** `POST /incidents/:id/victims` (needs incident:person:write on the incident's agency and classification). */
export const addVictim = (id: string, body: z.input<typeof ZVictimCreate>): Promise<TVictim> =>
  apiRequest(`/incidents/${enc(id)}/victims`, ZVictim, { method: 'POST', body });

/** `POST /incidents/:id/suspects` (needs incident:person:write on the incident's agency and classification). */
export const addSuspect = (id: string, body: z.input<typeof ZSuspectCreate>): Promise<TSuspect> =>
  apiRequest(`/incidents/${enc(id)}/suspects`, ZSuspect, { method: 'POST', body });

/** `PUT /incidents/crime-types/mappings`: adds a mapping row or changes its crime type and note. */
export const putCrimeTypeMapping = (body: TCrimeTypeMappingPut): Promise<TCrimeTypeMapping> =>
  apiRequest('/incidents/crime-types/mappings', ZCrimeTypeMapping, { method: 'PUT', body });

/** `DELETE /incidents/crime-types/mappings`: removes a row no record uses (the server refuses one in use, with the count). */
export const removeCrimeTypeMapping = (key: TCrimeTypeMappingKey): Promise<void> =>
  apiCommand('/incidents/crime-types/mappings', { method: 'DELETE', query: { ...key } });
