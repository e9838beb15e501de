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

/** Downloads a hotspot map as CSV or GeoJSON (the export route is a POST, so the file is fetched, then saved). */
export async function downloadHotspot(request: z.input<typeof ZHotspotRequest>, format: 'csv' | 'geojson'): Promise<void> {
  const response = await fetch('/api/v1/analysis/hotspot/export', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLanguage() },
    body: JSON.stringify({ request, format }),
    credentials: 'same-origin',
  });
  if (!response.ok) throw new ApiError(response.status, 'HTTP_ERROR', `HTTP ${response.status}`);
  saveBlob(await response.blob(), `puntos-calientes.${format}`);
}

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
