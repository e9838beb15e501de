import type { TScenarioFileError } from './file-errors.ts';
import { fileError } from './file-errors.ts';

export interface TTextLimits {
  /** Largest accepted file in bytes (UTF-8). Default 5 MiB: thousands of requests fit well below it. */
  readonly maxBytes?: number;
  /** Deepest accepted nesting of arrays and objects. Default 64; a valid file nests about 8 deep. */
  readonly maxDepth?: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;

/**
 * Turns the text of a scenario file into a JSON value, refusing a file too large or nested too deep before
 * `JSON.parse` sees it (so a hostile file cannot exhaust memory or the stack of the schema check). Pure: the CLI or
 * the server reads the bytes and passes the text.
 */
export function parseScenarioText(
  text: string,
  limits: TTextLimits = {},
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly errors: readonly TScenarioFileError[] } {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  // A UTF-16 unit is at most 3 UTF-8 bytes: only count exactly when the text could be too large.
  const bytes = text.length * 3 > maxBytes ? new TextEncoder().encode(text).length : text.length;
  if (bytes > maxBytes) return { ok: false, errors: [fileError('FILE_TOO_LARGE', '$', { bytes, max: maxBytes })] };
  const deep = firstTooDeep(text, maxDepth);
  if (deep) return { ok: false, errors: [fileError('FILE_TOO_DEEP', '$', { max: maxDepth, line: deep.line, column: deep.column })] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [fileError('INVALID_JSON', '$', { detail })] };
  }
}

/** Line and column (1-based) of the first bracket that nests deeper than `maxDepth`, ignoring brackets in strings. */
function firstTooDeep(text: string, maxDepth: number): { line: number; column: number } | null {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > maxDepth) return { line, column: i - lineStart + 1 };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}
