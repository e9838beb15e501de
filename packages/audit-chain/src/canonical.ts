import { createHash } from 'node:crypto';

/** The hash that precedes the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** One audit entry as stored. Empty string stands for an absent value in the canonical form. */
export interface ChainEntry {
  readonly seq: number;
  /** ISO-8601 UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
  readonly at: string;
  readonly actorId: string | null;
  readonly actor: string | null;
  readonly agency: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly stateHash: string | null;
  readonly prevHash: string;
  readonly hash: string;
}

/** Escapes a field so that `|` can separate fields unambiguously: `\` becomes `\\`, `|` becomes `\|`. */
function field(value: string | null): string {
  if (value === null) return '';
  if (!value.includes('\\') && !value.includes('|')) return value;
  return value.replaceAll('\\', '\\\\').replaceAll('|', '\\|');
}

/**
 * The bytes an entry's hash covers, as text. The database computes the same string in SQL
 * (`enlace_audit_canonical`), so both sides must change together.
 */
export function canonicalEntry(e: Omit<ChainEntry, 'hash'>, seq: number = e.seq): string {
  return (
    'v1|' +
    String(seq) +
    '|' +
    e.at +
    '|' +
    field(e.actorId) +
    '|' +
    field(e.actor) +
    '|' +
    field(e.agency) +
    '|' +
    field(e.action) +
    '|' +
    field(e.entityType) +
    '|' +
    field(e.entityId) +
    '|' +
    field(e.stateHash) +
    '|' +
    e.prevHash
  );
}

/** SHA-256 of a string's UTF-8 bytes, lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash an entry must carry: SHA-256 over its canonical form, which includes the previous entry's hash. */
export function entryHash(e: Omit<ChainEntry, 'hash'>, seq: number = e.seq): string {
  return sha256Hex(canonicalEntry(e, seq));
}

/**
 * Stable JSON of a record's new state, for `stateHash`: keys sorted at every depth, except that integer keys ("9",
 * "10") come first in numeric order, as JavaScript orders any object's keys; dates as ISO strings. Stored hashes were
 * made with this form, so it must not change (canonical.test.ts pins it).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** SHA-256 of a state's canonical JSON. */
export function stateHash(state: unknown): string {
  return sha256Hex(canonicalJson(state));
}
