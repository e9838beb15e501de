import type { TTrack, TUnit } from '@enlace/contracts';
import { describe, expect, it } from 'vitest';
import { videoUrlFromDetail } from './drone-videos.ts';
import { incidentDrawing, legalAreaDrawing, unitDrawing, unitPlace } from './picture-drawings.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const track = (o: Partial<TTrack>): TTrack => ({
  uid: 'T', callsign: 'T', type: 'a-f-G-U-C', lat: -12, lon: -77, hae: null, ce: null, le: null, course: null, speed: null, battery: null,
  status: null, time: new Date(NOW - 600_000).toISOString(), stale: new Date(NOW - 60_000).toISOString(), how: null, source: 'api',
  force: 'EP', unitId: 'u', agency: 'EP', classification: 'CONFIDENCIAL', receivedAt: new Date(NOW).toISOString(), ...o,
});
const unit = { id: '00000000-0000-4000-8000-000000000001', name: 'Batallón de Infantería 1', shortName: 'BI-1', force: 'EP', echelon: 'batallon', parentId: null, homeUbigeo: null,
  home: { lon: -77.1, lat: -12.1 }, agency: 'EP', classification: 'RESERVADO', exercise: false, createdAt: '', updatedAt: '' } as TUnit;

describe('picture drawings', () => {
  it('places a unit at its home base, at its latest stale track, or nowhere while a track of it is live', () => {
    expect(unitPlace(unit, [], NOW)).toEqual({ lon: -77.1, lat: -12.1, status: 'en_base' });
    const older = track({ lat: -12.2, status: 'patrullando', time: new Date(NOW - 900_000).toISOString() });
    const newer = track({ lat: -12.3, status: 'en_incidente' });
    expect(unitPlace(unit, [older, newer], NOW)).toEqual({ lon: -77, lat: -12.3, status: 'en_incidente' });
    expect(unitPlace(unit, [older, track({ stale: new Date(NOW + 60_000).toISOString() })], NOW)).toBeNull();
    expect(unitPlace({ home: null }, [], NOW)).toBeNull();
  });

  it('labels each item with its record’s agency, classification and the permission to read it', () => {
    const u = unitDrawing(unit, { lon: -77, lat: -12, status: 'en_base' });
    expect(u).toMatchObject({ uid: `ENLACE-UNIT-${unit.id}`, name: 'BI-1', cotType: 'a-f-G-U-C', permission: 'unit:read', agency: 'EP', classification: 'RESERVADO' });
    const i = incidentDrawing({ id: 'i1', crimeType: 'ROBO', occurredAt: '2026-03-01T21:30:00-05:00', location: { lon: -77, lat: -12 }, ubigeo: '150101',
      agency: 'PNP', classification: 'CONFIDENCIAL', exercise: false });
    expect(i).toMatchObject({ name: 'ROBO 21:30', permission: 'incident:read', remarks: 'Incidente ROBO · 2026-03-01 21:30 · distrito 150101' });
    const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]] as [number, number][]] };
    const l = legalAreaDrawing({ id: 'DS-1', kind: 'DS_ESTADO_EMERGENCIA', number: '001-2026-PCM', scenario: 'FFAA_CONTROL_GRUPO_HOSTIL', validFrom: '2026-03-01',
      validTo: '2026-03-30', agency: 'PNP', classification: 'PUBLICO' }, square);
    expect(l).toMatchObject({ uid: 'ENLACE-LEGAL-DS-1', name: '001-2026-PCM', stroke: '#d64545', fill: '#d6454533', permission: 'legal:read' });
  });

  it('reads a drone’s video URL from CoT detail, decoding entities and refusing unsafe schemes', () => {
    expect(videoUrlFromDetail('<__video url="rtsp://10.0.0.5:554/live?a=1&amp;b=2" uid="x"/>')).toBe('rtsp://10.0.0.5:554/live?a=1&b=2');
    expect(videoUrlFromDetail(`<__video uid='x' url='https://v.local/1'/>`)).toBe('https://v.local/1');
    expect(videoUrlFromDetail('<__video url="javascript:alert(1)"/>')).toBeUndefined();
    expect(videoUrlFromDetail('<__video url="data:text/html,x"/>')).toBeUndefined();
    expect(videoUrlFromDetail('<remarks>no video</remarks>')).toBeUndefined();
  });
});
