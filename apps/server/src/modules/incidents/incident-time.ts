/**
 * Reading incident times as sources write them. A time with an offset is taken as is; a local time without one
 * (most police exports) is read in the source's IANA time zone (America/Lima by default), daylight saving included.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when the zone is one the runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    zoneFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function offsetAt(zone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(zone).formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant of a wall-clock time in a zone (the earlier one when the clock is set back). */
export function zonedTime(zone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const probe = new Date(wall);
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  let utc = wall - offsetAt(zone, wall);
  utc = wall - offsetAt(zone, utc);
  return new Date(utc);
}

/**
 * Parses `2026-03-01T21:30:00-05:00`, `2026-03-01 21:30[:00]`, `2026-03-01T21:30`, `01/03/2026 21:30` (day first,
 * as in Peru) or a date alone (midnight). Null when not a valid time.
 */
export function parseIncidentTime(text: string, zone: string): Date | null {
  const s = text.trim();
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(s) && /^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? null : new Date(t);
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(s);
  if (m) return zonedTime(zone, +m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return zonedTime(zone, +m[3]!, +m[2]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return null;
}
