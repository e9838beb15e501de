import i18next from 'i18next';
import type { z } from 'zod';
import { ZErrorBody } from '@enlace/contracts';
import { currentLanguage } from '../i18n/i18n.ts';

const API_BASE = '/api/v1';

/** A failed API call: HTTP status, the server's stable error code and its message (already localized). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined>;

/** Options for one call. `schema` checks the response body; calls answered with 204 pass none. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

type UnauthorizedListener = (error: ApiError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called when a signed-in call answers 401 (expired or revoked session). Returns the unsubscribe function. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function buildUrl(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = ZErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details);
  }
  return new ApiError(response.status, 'HTTP_ERROR', i18next.t('errors.unexpected', { status: response.status }));
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      // The session lives in an HttpOnly cookie; the token in the login response is never stored.
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', i18next.t('errors.network'));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    const isSessionProbe = path === '/auth/login' || path === '/auth/me';
    if (error.status === 401 && !isSessionProbe) for (const listener of unauthorizedListeners) listener(error);
    throw error;
  }
  return response;
}

/** Calls the API and validates the JSON answer against `schema`, so callers get checked, typed data. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send(path, options);
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, 'INVALID_RESPONSE', i18next.t('errors.invalidResponse'), parsed.error.issues);
  }
  return parsed.data;
}

/** Calls an API route that answers without a body (204). */
export async function apiCommand(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, { method: 'POST', ...options });
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return i18next.t('errors.network');
}
