import { describe, expect, it } from 'vitest';
import { buildEmergency, isEmergency, isEmergencyCancel, readEmergency } from './emergency.ts';
import { parseEvent } from './parse-event.ts';
import { serializeEvent } from './serialize-event.ts';
import { ALL_SAMPLES, ATAK_EMERGENCY, ATAK_EMERGENCY_CANCEL, ATAK_PLI, ITAK_PLI, WINTAK_PLI } from './test-samples.ts';
import { isTrackEvent, toTrack } from './tracks.ts';
import type { CotEvent } from './types.ts';

function sample(xml: string): CotEvent {
  const result = parseEvent(xml);
  if (!result.ok) throw new Error(result.error.message);
  return result.event;
}

const T = 'time="2026-01-01T12:00:00Z" start="2026-01-01T12:00:00Z" stale="2026-01-01T12:02:00Z"';

describe('isTrackEvent and toTrack', () => {
  it('turns an ATAK position report into a track', () => {
    expect(toTrack(sample(ATAK_PLI))).toEqual({
      uid: 'ANDROID-589520ccfcd20f01',
      callsign: 'PATRULLA-1',
      type: 'a-f-G-U-C',
      lat: -12.046374,
      lon: -77.042793,
      hae: 161.2,
      ce: 9.9,
      course: 90.5,
      speed: 1.2,
      time: Date.parse('2026-03-14T15:04:05.123Z'),
      stale: Date.parse('2026-03-14T15:10:20.123Z'),
      battery: 88,
      group: { name: 'Cyan', role: 'Team Member' },
    });
  });

  it('reads unknown altitude as null (iTAK) and a zero speed as 0 (WinTAK)', () => {
    expect(toTrack(sample(ITAK_PLI))).toMatchObject({ hae: null, ce: 4.8, course: 180, speed: 8.3, battery: 54 });
    expect(toTrack(sample(WINTAK_PLI))).toMatchObject({ hae: 0, ce: null, course: 0, speed: 0 });
  });

  const types = ['a-f-G-U-C', 'a-h-G', 'a-u-A', 'a-n-S', 'a-f-A-M-F-Q', 'a-j-G', 'a-f-G-E-V', 'a-.-X'];
  it.each(types)('accepts %s whatever the affiliation, dimension or position', (type) => {
    const e = sample(`<event uid="u" type="${type}" ${T}><point lat="0" lon="0"/></event>`);
    expect(isTrackEvent(e)).toBe(true);
    expect(toTrack(e)).toMatchObject({ lat: 0, lon: 0, callsign: 'u', course: null, speed: null });
  });

  it('rejects what is not a position report', () => {
    for (const xml of [ALL_SAMPLES.ATAK_CHAT, ALL_SAMPLES.ATAK_POLYGON, ALL_SAMPLES.ATAK_PING, ATAK_EMERGENCY]) {
      expect(isTrackEvent(sample(xml))).toBe(false);
      expect(toTrack(sample(xml))).toBeUndefined();
    }
    expect(isTrackEvent(sample(`<event uid="u" type="a-f-G" ${T}/>`))).toBe(false);
  });
});

describe('emergencies', () => {
  it('recognises an ATAK 911 alert and reads who raised it', () => {
    const e = sample(ATAK_EMERGENCY);
    expect(isEmergency(e)).toBe(true);
    expect(isEmergencyCancel(e)).toBe(false);
    expect(readEmergency(e)).toMatchObject({
      kind: 'alert',
      uid: 'ANDROID-589520ccfcd20f01-9-1-1',
      senderUid: 'ANDROID-589520ccfcd20f01',
      callsign: 'PATRULLA-1',
      alertType: '911 Alert',
      point: { lat: -12.046374, lon: -77.042793 },
    });
  });

  it('recognises the cancel', () => {
    const e = sample(ATAK_EMERGENCY_CANCEL);
    expect(isEmergency(e)).toBe(false);
    expect(isEmergencyCancel(e)).toBe(true);
    expect(readEmergency(e)).toMatchObject({ kind: 'cancel', senderUid: 'ANDROID-589520ccfcd20f01', callsign: 'PATRULLA-1' });
  });

  it('ignores other events', () => {
    expect(readEmergency(sample(ATAK_PLI))).toBeUndefined();
    expect(isEmergency(sample(ATAK_PLI))).toBe(false);
  });

  it('builds alerts and cancels that read back the same', () => {
    const sender = { uid: 'ENLACE-CP-1', callsign: 'PUESTO-MANDO' };
    const point = { lat: -12, lon: -77, hae: 0, ce: 10, le: 10 };
    const alert = sample(serializeEvent(buildEmergency({ sender, point, kind: 'In Contact' })));
    expect(alert.type).toBe('b-a-o-opn');
    expect(readEmergency(alert)).toMatchObject({ kind: 'alert', senderUid: 'ENLACE-CP-1', callsign: 'PUESTO-MANDO', alertType: 'In Contact' });
    const cancel = sample(serializeEvent(buildEmergency({ sender, point, kind: 'Cancel' })));
    expect(readEmergency(cancel)).toMatchObject({ kind: 'cancel', uid: alert.uid });
  });
});
