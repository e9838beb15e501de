import type { z } from 'zod';
import {
  ZBeforeAfterResult,
  ZEvaluateResult,
  ZHotspotResult,
  ZNearRepeatResult,
  ZTrendResult,
  type ZBeforeAfterRequest,
  type ZEvaluateRequest,
  type ZHotspotRequest,
  type ZNearRepeatRequest,
} from '@enlace/contracts';
import { ApiError, apiRequest } from '../../app/api.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

/** The API calls of the analysis screens (issue 6): the server's `analysis` module and the crime-type catalogue. */

export { getCrimeTypes } from '../incidents/incidents-api.ts';

export const buildHotspot = (body: z.input<typeof ZHotspotRequest>) =>
  apiRequest('/analysis/hotspot', ZHotspotResult, { method: 'POST', body });

export const getTrends = (query: { from: string; to: string; ubigeo?: string; types?: string }, signal?: AbortSignal) =>
  apiRequest('/analysis/trends', ZTrendResult, { query, signal });

export const nearRepeat = (body: z.input<typeof ZNearRepeatRequest>) =>
  apiRequest('/analysis/near-repeat', ZNearRepeatResult, { method: 'POST', body });

export const evaluateHotspots = (body: z.input<typeof ZEvaluateRequest>) =>
  apiRequest('/analysis/evaluate', ZEvaluateResult, { method: 'POST', body });

export const beforeAfter = (body: z.input<typeof ZBeforeAfterRequest>) =>
  apiRequest('/analysis/before-after', ZBeforeAfterResult, { method: 'POST', body });

/** The file each analysis exports to, by its export route. */
const EXPORT_FILES = {
  hotspot: 'puntos-calientes',
  'near-repeat': 'casi-repeticion',
  evaluate: 'evaluacion-puntos-calientes',
  'before-after': 'antes-despues',
} as const;

/**
 * Downloads an analysis result as CSV (or a hotspot map as GeoJSON): the export routes are POSTs that run the same
 * request again, so the file is fetched, then saved.
 */
export async function downloadAnalysis(kind: keyof typeof EXPORT_FILES, request: unknown, format: 'csv' | 'geojson' = 'csv'): Promise<void> {
  const response = await fetch(`/api/v1/analysis/${kind}/export`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLanguage() },
    body: JSON.stringify({ request, format }),
    credentials: 'same-origin',
  });
  if (!response.ok) throw new ApiError(response.status, 'HTTP_ERROR', `HTTP ${response.status}`);
  saveBlob(await response.blob(), `${EXPORT_FILES[kind]}.${format}`);
}

/** Downloads a hotspot map as CSV or GeoJSON. */
export const downloadHotspot = (request: z.input<typeof ZHotspotRequest>, format: 'csv' | 'geojson'): Promise<void> => downloadAnalysis('hotspot', request, format);

/** The URL of the trends CSV (a GET route, so a plain link with the session cookie works). */
export function trendsCsvUrl(query: { from: string; to: string; ubigeo?: string; types?: string }): string {
  const params = new URLSearchParams({ format: 'csv' });
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  return `/api/v1/analysis/trends/export?${params.toString()}`;
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  // Some browsers only download from a link in the document, and cancel it if the URL is revoked at once.
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => { URL.revokeObjectURL(url); }, 10_000);
}
