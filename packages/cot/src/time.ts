/** CoT timestamps: ISO-8601 in XML, milliseconds since the epoch in the model and in protobuf. */

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/** Largest time `Date` can represent. */
const MAX_TIME = 8.64e15;

/**
 * Parses a CoT time. Accepts any number of fraction digits (WinTAK sends seven), `Z` or a numeric offset, and no
 * zone at all (read as UTC, which is what devices mean). Returns undefined when it is not a time.
 */
export function parseCotTime(text: string): number | undefined {
  const canonical = parseCanonical(text);
  if (canonical !== undefined) return canonical;
  const m = ISO.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction, , sign, oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  let time = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms);
  if (sign !== undefined) {
    const offset = (Number(oh) * 60 + Number(om)) * 60_000;
    time += sign === '+' ? -offset : offset;
  }
  return isCotTime(time) ? time : undefined;
}

/** Value of the digit at `i`, or -1. */
function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 0x30;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * The common form every device sends, `YYYY-MM-DDThh:mm:ss.sssZ`, read without a regular expression; undefined
 * for anything else (which the general reader then handles). Same range checks and result as the general reader.
 */
function parseCanonical(text: string): number | undefined {
  if (text.length !== 24 || text.charCodeAt(23) !== 0x5a || text.charCodeAt(10) !== 0x54 || text.charCodeAt(19) !== 0x2e) return undefined;
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return undefined;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = digit(text, i);
    if (d < 0) return undefined;
    y = y * 10 + d;
  }
  const two = (i: number): number => {
    const a = digit(text, i);
    const b = digit(text, i + 1);
    return a < 0 || b < 0 ? -1 : a * 10 + b;
  };
  const month = two(5);
  const day = two(8);
  const hour = two(11);
  const minute = two(14);
  const second = two(17);
  const m0 = digit(text, 20);
  const m1 = digit(text, 21);
  const m2 = digit(text, 22);
  if (month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || m0 < 0 || m1 < 0 || m2 < 0) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const time = Date.UTC(y, month - 1, day, hour, minute, second, m0 * 100 + m1 * 10 + m2);
  return isCotTime(time) ? time : undefined;
}

/** Whether `time` (ms) can be written as an ISO time. */
export function isCotTime(time: number): boolean {
  return Number.isFinite(time) && Math.abs(time) <= MAX_TIME;
}

/** Formats ms since the epoch as `2026-01-01T12:00:00.000Z`. */
export function formatCotTime(time: number): string {
  return new Date(time).toISOString();
}
