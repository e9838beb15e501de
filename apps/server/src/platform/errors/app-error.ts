import type { ErrorCode } from './messages.ts';

/**
 * A domain error with a stable code. Throw it anywhere; the HTTP layer (error-handler.ts) turns it into
 * `{error: {code, message, details}}` in the request's language.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export const notFound = (): AppError => new AppError('NOT_FOUND');
export const forbidden = (details?: unknown): AppError => new AppError('FORBIDDEN', {}, details);
