/** Stable codes for the ways an analytics call can be given bad input. */
export type AnalyticsErrorCode = 'BAD_WEIGHTS_FILE' | 'WEIGHTS_MISMATCH' | 'BAD_BANDS' | 'BAD_ARGUMENT';

/**
 * The only error this package throws on bad input. Callers (server, CLI) translate the `code` into their own
 * answer (HTTP 400, an exit code); the message says what was wrong in words an analyst can act on.
 */
export class AnalyticsError extends Error {
  readonly code: AnalyticsErrorCode;

  constructor(code: AnalyticsErrorCode, message: string) {
    super(message);
    this.name = 'AnalyticsError';
    this.code = code;
  }
}

/** Throws BAD_ARGUMENT unless `ok`. */
export function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new AnalyticsError('BAD_ARGUMENT', message);
}
