import i18next from 'i18next';
import { z } from 'zod';
import {
  ZErrorBody,
  ZImportKindInfo,
  ZImportMapping,
  ZImportRowError,
  ZImportRun,
  type TImportCreate,
  type TImportMapping,
  type TImportRevalidate,
  type TImportRun,
} from '@enlace/contracts';
import { ApiError, apiRequest } from '../../app/api.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

const ZKinds = z.object({ items: z.array(ZImportKindInfo) });
const ZRuns = z.object({ items: z.array(ZImportRun), total: z.number().int() });
const ZErrors = z.object({ items: z.array(ZImportRowError), total: z.number().int() });
export type TImportErrorPage = z.infer<typeof ZErrors>;

/** `GET /imports/kinds`: what this user may import, with each kind's fields. */
export async function listImportKinds(signal?: AbortSignal) {
  return (await apiRequest('/imports/kinds', ZKinds, { signal })).items;
}

/** `POST /imports/mapping`: the mapping the server suggests for a header. */
export async function suggestMapping(kind: string, headers: string[]): Promise<TImportMapping> {
  return (await apiRequest('/imports/mapping', z.object({ mapping: ZImportMapping }), { method: 'POST', body: { kind, headers } })).mapping;
}

/** `GET /imports`: past and current runs, newest first. */
export function listImportRuns(query: { limit: number; offset: number; kind?: string | undefined }, signal?: AbortSignal) {
  return apiRequest('/imports', ZRuns, { query, signal });
}

export function getImportRun(id: string, signal?: AbortSignal): Promise<TImportRun> {
  return apiRequest(`/imports/${encodeURIComponent(id)}`, ZImportRun, { signal });
}

export function createImportRun(input: TImportCreate): Promise<TImportRun> {
  return apiRequest('/imports', ZImportRun, { method: 'POST', body: input });
}

export function revalidateImportRun(id: string, changes: TImportRevalidate): Promise<TImportRun> {
  return apiRequest(`/imports/${encodeURIComponent(id)}/validate`, ZImportRun, { method: 'POST', body: changes });
}

export function applyImportRun(id: string): Promise<TImportRun> {
  return apiRequest(`/imports/${encodeURIComponent(id)}/apply`, ZImportRun, { method: 'POST', body: {} });
}

export function listImportErrors(id: string, page: { limit: number; offset: number }, signal?: AbortSignal): Promise<TImportErrorPage> {
  return apiRequest(`/imports/${encodeURIComponent(id)}/errors`, ZErrors, { query: page, signal });
}

/**
 * `PUT /imports/:id/file`: sends the file as it is (streamed by the browser, never read into memory here),
 * reporting bytes sent; resolves with the validated run. XMLHttpRequest, because fetch has no upload progress.
 */
export function uploadImportFile(id: string, file: File, onSent: (sent: number, total: number) => void): Promise<TImportRun> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/v1/imports/${encodeURIComponent(id)}/file`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.upload.onprogress = (event) => { onSent(event.loaded, event.lengthComputable ? event.total : file.size); };
    xhr.onerror = () => { reject(new ApiError(0, 'NETWORK_ERROR', i18next.t('errors.network'))); };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const run = ZImportRun.safeParse(body);
        if (run.success) resolve(run.data);
        else reject(new ApiError(xhr.status, 'INVALID_RESPONSE', i18next.t('errors.invalidResponse')));
        return;
      }
      const error = ZErrorBody.safeParse(body);
      reject(
        error.success
          ? new ApiError(xhr.status, error.data.error.code, error.data.error.message, error.data.error.details)
          : new ApiError(xhr.status, 'HTTP_ERROR', i18next.t('errors.unexpected', { status: xhr.status })),
      );
    };
    xhr.send(file);
  });
}
