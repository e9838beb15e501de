import { describe, expect, it } from 'vitest';
import { CotStreamDecoder } from './cot-stream-decoder.ts';
import {
  buildPing,
  buildPong,
  buildProtocolOffer,
  buildProtocolRequest,
  buildProtocolResponse,
  isPing,
  readProtocolOffer,
  readProtocolRequest,
  readProtocolResponse,
} from './negotiation.ts';
import { parseEvent } from './parse-event.ts';
import { serializeEvent } from './serialize-event.ts';
import { TakStreamDecoder, encodeTakStreamFrame } from './tak-stream.ts';
import { ATAK_PING, ATAK_PLI } from './test-samples.ts';
import type { CotEvent } from './types.ts';

const NOW = Date.parse('2026-03-14T15:00:00Z');

/** Serializes and parses again, as the other side of the wire would. */
function overTheWire(event: CotEvent): CotEvent {
  const result = parseEvent(serializeEvent(event, { declaration: true }));
  if (!result.ok) throw new Error(result.error.message);
  return result.event;
}

describe('TAK protocol negotiation messages', () => {
  it('builds the offer, request and response the TAK protocol document describes', () => {
    const offer = buildProtocolOffer({ uid: 'protouid', now: NOW });
    expect(serializeEvent(offer)).toBe(
      '<event version="2.0" uid="protouid" type="t-x-takp-v" how="m-g" time="2026-03-14T15:00:00.000Z" start="2026-03-14T15:00:00.000Z" stale="2026-03-14T15:01:00.000Z">' +
        '<point lat="0" lon="0" hae="0" ce="9999999" le="9999999"/>' +
        '<detail><TakControl><TakProtocolSupport version="1"/></TakControl></detail></event>',
    );
    expect(serializeEvent(buildProtocolRequest({ uid: 'protouid', now: NOW }))).toContain('<TakControl><TakRequest version="1"/></TakControl>');
    expect(serializeEvent(buildProtocolResponse({ uid: 'protouid', accepted: true, now: NOW }))).toContain('<TakResponse status="true"/>');
  });

  it('recognises each message after a trip over the wire, and nothing else', () => {
    const offer = overTheWire(buildProtocolOffer({ uid: 'n1', versions: [1, 2] }));
    expect(readProtocolOffer(offer)).toEqual({ uid: 'n1', versions: [1, 2] });
    expect(readProtocolRequest(overTheWire(buildProtocolRequest({ uid: 'n1' })))).toEqual({ uid: 'n1', version: 1 });
    expect(readProtocolResponse(overTheWire(buildProtocolResponse({ uid: 'n1', accepted: false })))).toEqual({ uid: 'n1', accepted: false });
    expect(readProtocolOffer(buildProtocolRequest({}))).toBeUndefined();
    expect(readProtocolRequest(buildProtocolOffer())).toBeUndefined();
    expect(readProtocolResponse(buildPong())).toBeUndefined();
  });

  it('reads a client request written in another style', () => {
    const xml = `<event version='2.0' uid='protouid' type='t-x-takp-q' time='2026-03-14T15:00:00Z' start='2026-03-14T15:00:00Z' stale='2026-03-14T15:01:00Z' how='m-g'><point lat='0.0' lon='0.0' hae='0.0' ce='999999' le='999999'/><detail><TakControl><TakRequest version='1'><DetailExt id='7'/></TakRequest></TakControl></detail></event>`;
    const result = parseEvent(xml);
    expect(result.ok && readProtocolRequest(result.event)).toEqual({ uid: 'protouid', version: 1 });
  });

  it('gives a fresh uid to each offer by default', () => {
    expect(buildProtocolOffer().uid).not.toBe(buildProtocolOffer().uid);
  });
});

describe('ping and pong', () => {
  it('recognises an ATAK ping and answers with t-x-c-t-r', () => {
    const ping = parseEvent(ATAK_PING);
    expect(ping.ok && isPing(ping.event)).toBe(true);
    expect(isPing(buildPing({ uid: 'ANDROID-1' }))).toBe(true);
    const pong = buildPong({ now: NOW });
    expect(pong).toMatchObject({ type: 't-x-c-t-r', uid: 'takPong', time: NOW, stale: NOW + 20_000 });
  });
});

describe('a whole negotiated connection, as the server will drive it', () => {
  it('switches from XML to 0xBF frames after a true response', () => {
    const xml = new CotStreamDecoder();
    const request = serializeEvent(buildProtocolRequest({ uid: 'n1' }), { declaration: true });
    const pli = parseEvent(ATAK_PLI);
    if (!pli.ok) throw new Error('sample');
    // The client sends its request and, once answered, protobuf frames: they may arrive in the same chunk.
    xml.push(new TextEncoder().encode(request));
    xml.push(encodeTakStreamFrame({ event: pli.event }));
    const first = xml.read();
    expect(first?.kind === 'event' && readProtocolRequest(first.event)).toEqual({ uid: 'n1', version: 1 });
    const tak = new TakStreamDecoder();
    tak.push(xml.remainder());
    expect(tak.read()).toEqual({ kind: 'event', event: pli.event });
  });
});
