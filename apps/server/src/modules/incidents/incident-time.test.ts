import { describe, expect, it } from 'vitest';
import { isTimeZone, parseIncidentTime, zonedTime } from './incident-time.ts';
import { normalizeLocalCode } from './incident-access.ts';
import { parseCrs, toLonLat, toUtm, utmEpsgFor } from './projection.ts';

describe('incident times', () => {
  it('reads local times in the source zone, with daylight saving where the zone has it', () => {
    expect(parseIncidentTime('2026-03-01 21:30', 'America/Lima')?.toISOString()).toBe('2026-03-02T02:30:00.000Z');
    expect(parseIncidentTime('01/03/2026 21:30', 'America/Lima')?.toISOString()).toBe('2026-03-02T02:30:00.000Z');
    expect(parseIncidentTime('2010-07-01 00:05', 'America/Chicago')?.toISOString()).toBe('2010-07-01T05:05:00.000Z');
    expect(parseIncidentTime('2010-01-01 00:05', 'America/Chicago')?.toISOString()).toBe('2010-01-01T06:05:00.000Z');
    expect(parseIncidentTime('2026-03-01T21:30:00-05:00', 'America/Chicago')?.toISOString()).toBe('2026-03-02T02:30:00.000Z');
    expect(zonedTime('America/Vancouver', 2020, 6, 1, 0, 0)?.toISOString()).toBe('2020-06-01T07:00:00.000Z');
  });
  it('refuses impossible dates and unknown zones', () => {
    expect(parseIncidentTime('2026-02-30 10:00', 'America/Lima')).toBeNull();
    expect(parseIncidentTime('ayer', 'America/Lima')).toBeNull();
    expect(parseIncidentTime('2026-01-01 25:00', 'America/Lima')).toBeNull();
    expect(isTimeZone('America/Lima')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('projection', () => {
  it('puts Lima in UTM 18S and reads Vancouver UTM 10N metres back to degrees', () => {
    expect(utmEpsgFor(-77.03, -12.05)).toBe(32718);
    expect(utmEpsgFor(-87.63, 41.79)).toBe(32616);
    const lima = toUtm(-77.03, -12.05);
    expect(lima.x).toBeCloseTo(279014.4, 0);
    expect(lima.y).toBeCloseTo(8667099.9, 0);
    const back = toLonLat(parseCrs('EPSG:32718')!, lima.x, lima.y)!;
    expect(back.lon).toBeCloseTo(-77.03, 9);
    expect(back.lat).toBeCloseTo(-12.05, 9);
    const vancouver = toLonLat(parseCrs('EPSG:32610')!, 490320.299, 5458606.9208)!;
    expect(vancouver.lon).toBeCloseTo(-123.1331, 3);
    expect(vancouver.lat).toBeCloseTo(49.2801, 3);
  });
  it('accepts only the coordinate systems it can project', () => {
    expect(parseCrs('EPSG:4326')).toEqual({ kind: 'lonlat' });
    expect(parseCrs('epsg:32718')).toEqual({ kind: 'projected', epsg: 32718 });
    expect(parseCrs('EPSG:24891')).toBeNull();
    expect(parseCrs('EPSG:4326; DROP TABLE incident')).toBeNull();
  });
  it('normalises local codes as the mapping table stores them', () => {
    expect(normalizeLocalCode('  Extorsión ')).toBe('EXTORSION');
    expect(normalizeLocalCode('theft  from vehicle')).toBe('THEFT FROM VEHICLE');
  });
});
