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

/** Whether `time` (ms) can be written as an ISO time. */
export function isCotTime(time: number): boolean {
  return Number.isFinite(time) && Math.abs(time) <= MAX_TIME;
}

/** Formats ms since the epoch as `2026-01-01T12:00:00.000Z`. */
export function formatCotTime(time: number): string {
  return new Date(time).toISOString();
}
