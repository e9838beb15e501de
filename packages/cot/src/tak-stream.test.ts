import { describe, expect, it } from 'vitest';
import { parseEvent } from './parse-event.ts';
import { decodeTakMessage, encodeTakMessage } from './tak-message.ts';
import { encodePbTakMessage, decodePbTakMessage } from './tak-proto-schema.ts';
import { TakStreamDecoder, decodeMeshPacket, encodeMeshPacket, encodeTakStreamFrame, encodeVarint } from './tak-stream.ts';
import type { TakStreamItem } from './tak-stream.ts';
import { ALL_SAMPLES, ATAK_CHAT, ATAK_PLI, ITAK_PLI } from './test-samples.ts';
import type { CotEvent } from './types.ts';

function sample(xml: string): CotEvent {
  const result = parseEvent(xml);
  if (!result.ok) throw new Error(result.error.message);
  return result.event;
}

function drain(decoder: TakStreamDecoder): TakStreamItem[] {
  const items: TakStreamItem[] = [];
  for (let item = decoder.read(); item; item = decoder.read()) items.push(item);
  return items;
}

describe('TAK Protocol v1 payloads', () => {
  it.each(Object.entries(ALL_SAMPLES))('round-trips %s through protobuf to the same event', (_name, xml) => {
    const event = sample(xml);
    expect(decodeTakMessage(encodeTakMessage({ event }))).toEqual({ ok: true, message: { event } });
  });

  it('uses the typed fields for elements that fit them, and xmlDetail for the rest (never both)', () => {
    const pb = decodePbTakMessage(encodeTakMessage({ event: sample(ATAK_PLI) }));
    const detail = pb.cotEvent?.detail;
    expect(detail?.contact).toEqual({ callsign: 'PATRULLA-1', endpoint: '*:-1:stcp' });
    expect(detail?.group).toEqual({ name: 'Cyan', role: 'Team Member' });
    expect(detail?.status).toEqual({ battery: 88 });
    expect(detail?.track).toEqual({ course: 90.5, speed: 1.2 });
    expect(detail?.precisionLocation).toEqual({ geopointsrc: 'GPS', altsrc: 'GPS' });
    expect(detail?.xmlDetail).toBe("<uid Droid='PATRULLA-1'/><_flow-tags_ TAK-Server-e0a1b2c3='2026-03-14T15:04:05Z'/>");
    expect(pb.cotEvent).toMatchObject({ uid: 'ANDROID-589520ccfcd20f01', sendTime: Date.parse('2026-03-14T15:04:05.123Z') });
  });

  it('sends a contact with attributes protobuf cannot carry entirely as XML', () => {
    const detail = decodePbTakMessage(encodeTakMessage({ event: sample(ITAK_PLI) })).cotEvent?.detail;
    expect(detail?.contact).toBeUndefined();
    expect(detail?.xmlDetail).toContain('<contact callsign="MOVIL-7" endpoint="*:-1:stcp" phone="+51999111222"/>');
  });

  it('lets xmlDetail win when a sender put the same element in both places', () => {
    const bytes = encodePbTakMessage({
      cotEvent: {
        type: 'a-f-G', uid: 'u', sendTime: 1, startTime: 1, staleTime: 2, lat: 1, lon: 2,
        detail: { xmlDetail: '<contact callsign="FROM-XML"/>', contact: { callsign: 'FROM-PB' }, status: { battery: 7 } },
      },
    });
    const decoded = decodeTakMessage(bytes);
    expect(decoded.ok && decoded.message.event?.detail).toEqual({ contact: { callsign: 'FROM-XML' }, status: { battery: 7 }, unknown: [] });
  });

  it('decodes a control-only message (mesh announcement)', () => {
    const bytes = encodeTakMessage({ control: { minProtoVersion: 1, maxProtoVersion: 1, contactUid: 'ANDROID-1' } });
    expect(decodeTakMessage(bytes)).toEqual({ ok: true, message: { control: { minProtoVersion: 1, maxProtoVersion: 1, contactUid: 'ANDROID-1' } } });
  });

  it('reports bad payloads with a code', () => {
    expect(decodeTakMessage(Uint8Array.of(0x12, 0x50, 0x01))).toMatchObject({ ok: false, error: { code: 'BAD_PROTOBUF' } });
    expect(decodeTakMessage(new Uint8Array(0))).toMatchObject({ ok: false, error: { code: 'EMPTY_MESSAGE' } });
    const noUid = encodePbTakMessage({ cotEvent: { type: 'a-f-G', sendTime: 1, staleTime: 2 } });
    expect(decodeTakMessage(noUid)).toMatchObject({ ok: false, error: { code: 'MISSING_ATTRIBUTE' } });
    const badTime = encodePbTakMessage({ cotEvent: { type: 'a-f-G', uid: 'u', sendTime: 2 ** 53, staleTime: 2 } });
    expect(decodeTakMessage(badTime)).toMatchObject({ ok: false, error: { code: 'BAD_TIME' } });
    const badXml = encodePbTakMessage({ cotEvent: { type: 'a', uid: 'u', sendTime: 1, staleTime: 2, detail: { xmlDetail: '<a>' } } });
    expect(decodeTakMessage(badXml)).toMatchObject({ ok: false, error: { code: 'MALFORMED_XML' } });
  });
});

describe('varints', () => {
  it.each([
    [0, [0]],
    [1, [1]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [300, [0xac, 0x02]],
    [16_384, [0x80, 0x80, 0x01]],
    [2 ** 31, [0x80, 0x80, 0x80, 0x80, 0x08]],
  ])('encodes %d', (value, bytes) => {
    expect(encodeVarint(value)).toEqual(bytes);
  });
});

describe('TakStreamDecoder', () => {
  const events = [sample(ATAK_PLI), sample(ITAK_PLI), sample(ATAK_CHAT)];
  const stream = Uint8Array.from(events.flatMap((event) => [...encodeTakStreamFrame({ event })]));

  it('reads back-to-back frames from one chunk', () => {
    const decoder = new TakStreamDecoder();
    decoder.push(stream);
    expect(drain(decoder)).toEqual(events.map((event) => ({ kind: 'event', event })));
  });

  it('reads them split at every byte, so varint lengths cross chunk boundaries', () => {
    const decoder = new TakStreamDecoder();
    const items: TakStreamItem[] = [];
    for (const byte of stream) {
      decoder.push(Uint8Array.of(byte));
      items.push(...drain(decoder));
    }
    expect(items).toEqual(events.map((event) => ({ kind: 'event', event })));
  });

  it('reads a two-byte length split between its bytes', () => {
    const big = sample(ATAK_CHAT);
    big.detail.remarks = { text: 'x'.repeat(300) };
    const frame = encodeTakStreamFrame({ event: big });
    expect(frame[2]! & 0x80).toBe(0); // two-byte varint: 0xBF, len lo | 0x80, len hi
    expect(frame[1]! & 0x80).toBe(0x80);
    const decoder = new TakStreamDecoder();
    decoder.push(frame.subarray(0, 2));
    expect(decoder.read()).toBeUndefined();
    decoder.push(frame.subarray(2));
    expect(decoder.read()).toEqual({ kind: 'event', event: big });
  });

  it('drops a varint claiming 2 GB at once, before any payload', () => {
    const decoder = new TakStreamDecoder();
    decoder.push(Uint8Array.of(0xbf, ...encodeVarint(2 ** 31)));
    expect(decoder.read()).toMatchObject({ kind: 'fatal', error: { code: 'OVERSIZE' } });
    expect(decoder.read()).toBeUndefined();
  });

  it('drops a length over the configured limit even mid-varint', () => {
    const decoder = new TakStreamDecoder({ maxMessageBytes: 100 });
    decoder.push(Uint8Array.of(0xbf, 0xff));
    expect(decoder.read()).toMatchObject({ kind: 'fatal', error: { code: 'OVERSIZE' } });
  });

  it('drops a varint longer than 10 bytes and a wrong magic byte', () => {
    const long = new TakStreamDecoder();
    long.push(Uint8Array.of(0xbf, ...new Array<number>(11).fill(0x80)));
    expect(long.read()).toMatchObject({ kind: 'fatal', error: { code: 'BAD_LENGTH' } });
    const xml = new TakStreamDecoder();
    xml.push(new TextEncoder().encode('<event/>'));
    expect(xml.read()).toMatchObject({ kind: 'fatal', error: { code: 'BAD_MAGIC' } });
  });

  it('skips a well-framed payload that is not a TakMessage and goes on', () => {
    const decoder = new TakStreamDecoder();
    decoder.push(Uint8Array.of(0xbf, 3, 0x12, 0x50, 0x01, ...encodeTakStreamFrame({ event: events[0]! })));
    expect(drain(decoder).map((i) => i.kind)).toEqual(['malformed', 'event']);
  });

  it('survives random bytes without throwing', () => {
    let seed = 5;
    for (let run = 0; run < 300; run++) {
      const decoder = new TakStreamDecoder();
      const bytes = Uint8Array.from({ length: 512 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
      bytes[0] = 0xbf;
      bytes[1] = 0x40;
      decoder.push(bytes);
      expect(() => drain(decoder)).not.toThrow();
    }
  });
});

describe('mesh packets', () => {
  it('round-trips 0xBF 0x01 0xBF <TakMessage>', () => {
    const event = sample(ATAK_PLI);
    const packet = encodeMeshPacket({ event });
    expect([...packet.subarray(0, 3)]).toEqual([0xbf, 0x01, 0xbf]);
    expect(decodeMeshPacket(packet)).toEqual({ ok: true, message: { event } });
  });

  it('accepts a legacy XML datagram and refuses other versions', () => {
    expect(decodeMeshPacket(new TextEncoder().encode(ATAK_PLI))).toMatchObject({ ok: true, message: { event: { uid: 'ANDROID-589520ccfcd20f01' } } });
    expect(decodeMeshPacket(Uint8Array.of(0xbf, 0x02, 0xbf, 0x00))).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_VERSION' } });
    expect(decodeMeshPacket(Uint8Array.of(0xbf, 0x01, 0x00))).toMatchObject({ ok: false, error: { code: 'BAD_MAGIC' } });
  });
});
