import { describe, expect, it } from 'vitest';
import { CotStreamDecoder } from './cot-stream-decoder.ts';
import type { CotStreamItem, CotStreamOptions } from './cot-stream-decoder.ts';
import { ALL_SAMPLES, ATAK_CHAT, ATAK_PING, ATAK_PLI, ITAK_PLI, WINTAK_PLI, lcg, mutate } from './test-samples.ts';
import { parseXml } from './xml-parse.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Feeds `chunks` one by one, reading after each, and returns everything read. */
function feed(chunks: readonly Uint8Array[], options?: CotStreamOptions): CotStreamItem[] {
  const decoder = new CotStreamDecoder(options);
  const items: CotStreamItem[] = [];
  for (const chunk of chunks) {
    decoder.push(chunk);
    for (let item = decoder.read(); item; item = decoder.read()) items.push(item);
  }
  return items;
}

function kinds(items: readonly CotStreamItem[]): string[] {
  return items.map((i) => (i.kind === 'event' ? i.event.uid : i.kind === 'auth' ? 'auth' : `${i.kind}:${i.error.code}`));
}

const STREAM = [ATAK_PLI, ITAK_PLI, '\n\n', WINTAK_PLI, ATAK_CHAT, '<!-- keep-alive -->', ATAK_PING].join('');
const EXPECTED = [
  'ANDROID-589520ccfcd20f01',
  '5E4C3B2A-1D0F-4E9A-8B7C-6A5F4E3D2C1B',
  'S-1-5-21-2720623347-3037847324-4167270909-1002',
  'GeoChat.ANDROID-589520ccfcd20f01.All Chat Rooms.8f2b9c1e-4d3a-4b5c-9e8f-7a6b5c4d3e2f',
  'ANDROID-589520ccfcd20f01-ping',
];

describe('CotStreamDecoder framing', () => {
  it('reads several events (with declarations between them) from one chunk', () => {
    expect(kinds(feed([utf8(STREAM)]))).toEqual(EXPECTED);
  });

  it('reads the same events when the stream is split at every byte boundary', () => {
    const bytes = utf8(STREAM);
    expect(kinds(feed(Array.from(bytes, (b) => Uint8Array.of(b))))).toEqual(EXPECTED);
  });

  it('reads the same events whatever two-chunk split is used', () => {
    const bytes = utf8(STREAM);
    for (let cut = 0; cut <= bytes.length; cut += 7) {
      expect(kinds(feed([bytes.subarray(0, cut), bytes.subarray(cut)]))).toEqual(EXPECTED);
    }
  });

  it('splits a multi-byte UTF-8 character across chunks correctly', () => {
    const bytes = utf8(ATAK_CHAT);
    const at = bytes.indexOf(0xc3) + 1; // inside "ó"
    const [item] = feed([bytes.subarray(0, at), bytes.subarray(at)]);
    expect(item?.kind === 'event' && item.event.detail.remarks?.text).toBe('Llegamos al punto & esperamos órdenes');
  });

  it('is not fooled by </event> inside CDATA or comments, nor by "/>" inside attribute values', () => {
    const tricky = `<event uid="u" type="b-t-f" note='a/>' time="2026-01-01T12:00:00Z" stale="2026-01-01T12:02:00Z"><point lat="1" lon="1"/><detail><!-- </event> --><remarks><![CDATA[</event>]]></remarks></detail></event >`;
    const items = feed(Array.from(utf8(tricky + ATAK_PING), (b) => Uint8Array.of(b)));
    expect(kinds(items)).toEqual(['u', 'ANDROID-589520ccfcd20f01-ping']);
    expect(items[0]?.kind === 'event' && items[0].event.detail.remarks?.text).toBe('</event>');
  });

  it('passes the <auth> message through', () => {
    const items = feed([utf8('<auth><cot username="u1" password="p"/></auth>' + ATAK_PLI)]);
    expect(items[0]).toEqual({ kind: 'auth', auth: { username: 'u1', password: 'p' } });
    expect(items[1]?.kind).toBe('event');
  });

  it('reports a well-framed but unparsable event as malformed and goes on', () => {
    const bad = '<event uid="x" type="a-f-G"><point lat="1" lon="1"/></event>'; // no times
    const mismatched = '<event><a></b></event>';
    expect(kinds(feed([utf8(bad + mismatched + ATAK_PING)]))).toEqual([
      'malformed:BAD_TIME',
      'malformed:MALFORMED_XML',
      'ANDROID-589520ccfcd20f01-ping',
    ]);
  });

  it('reports invalid UTF-8 inside an event as malformed', () => {
    const bytes = utf8('<event uid="X" type="a"/>');
    bytes[12] = 0xff;
    expect(kinds(feed([bytes, utf8(ATAK_PING)]))).toEqual(['malformed:BAD_UTF8', 'ANDROID-589520ccfcd20f01-ping']);
  });

  it('self-closing root elements are complete messages', () => {
    const items = feed([utf8('<event uid="x" type="a"/>'), utf8(ATAK_PING)]);
    expect(kinds(items)).toEqual(['malformed:BAD_TIME', 'ANDROID-589520ccfcd20f01-ping']);
  });

  it('frames every document the XML reader accepts as exactly one message, and goes on after it', () => {
    const random = lcg(11);
    let checked = 0;
    for (const sample of Object.values(ALL_SAMPLES)) {
      for (let n = 0; n < 600; n++) {
        const xml = mutate(sample, random);
        if (!parseXml(xml).ok) continue;
        const items = feed([utf8(xml + ATAK_PING)]);
        expect(kinds(items).slice(-1), xml).toEqual(['ANDROID-589520ccfcd20f01-ping']);
        expect(items, xml).toHaveLength(2);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // "<!-->" opens a comment without closing it, for the framer and the reader alike.
    const comment = `<event><!--> still a comment </event> -->x</event>${ATAK_PING}`;
    expect(kinds(feed([utf8(comment)]))).toEqual(['malformed:MISSING_ATTRIBUTE', 'ANDROID-589520ccfcd20f01-ping']);
  });

  it('frames and reads whole-chunk streams (the fast path) exactly as the byte-by-byte scanner does', () => {
    const t = `time="2026-01-01T12:00:00.000Z" stale="2026-01-01T12:02:00.000Z"`;
    const tricky = [
      `<event uid="a" type="a-f-G" ${t}><point lat="1" lon="1"/><detail><event></event ></detail></event>`,
      `<event uid="b" type="a-f-G" note="</event>" ${t}><point lat="1" lon="1"/></event>`,
      `<event uid="c" type="a-f-G" ${t}><!-- </event> --><point lat="1" lon="1"/></event>`,
      `<event uid="d" type="a-f-G" ${t}/><event uid="e" type="a-f-G" ${t}><point lat="1" lon="1"/></event>`,
      `<event uid="f" type="a-f-G" ${t}><point lat="1" lon="1"/><detail><event/></detail></event>`,
      `<event uid="g" type="a-f-G" ${t}><point lat="1" lon="1"/></event >`,
      `<eventx uid="h"/><event uid="i" type="a-f-G" ${t}><point lat="1" lon="1"/></event>`,
      `<event uid="j" type="a-f-G" ${t}><point lat="99" lon="1"/></event>`,
      `   \n<event uid="k" type="a-f-G" ${t}><point lat="1" lon="1"/></event>`,
      `<event uid="l" type="a-f-G" ${t}><point lat="1" lon="1"/><detail><remarks>\u00e9 &amp; &lt;x&gt;</remarks></detail></event>`,
    ];
    const random = lcg(5);
    const mutated = Object.values(ALL_SAMPLES).flatMap((sample) => Array.from({ length: 150 }, () => mutate(sample, random)));
    for (const xml of [...tricky, ...mutated]) {
      const stream = utf8(xml + ATAK_PING + xml);
      const whole = feed([stream], { maxEventBytes: 4096 });
      const bytewise = feed(Array.from(stream, (b) => Uint8Array.of(b)), { maxEventBytes: 4096 });
      expect(whole, xml).toEqual(bytewise);
    }
  });

  it('hands over the bytes after the last message (switch to TAK protocol)', () => {
    const decoder = new CotStreamDecoder();
    decoder.push(Uint8Array.of(...utf8(ATAK_PING), 0xbf, 0x02, 0x12, 0x00));
    expect(decoder.read()?.kind).toBe('event');
    expect([...decoder.remainder()]).toEqual([0xbf, 0x02, 0x12, 0x00]);
    expect(decoder.read()).toBeUndefined();
  });
});

describe('CotStreamDecoder limits (fatal: drop the connection)', () => {
  it('refuses an event larger than the limit without waiting for its end', () => {
    const items = feed([utf8(`<event uid="u">${'<x/>'.repeat(20_000)}`)]);
    expect(kinds(items)).toEqual(['fatal:OVERSIZE']);
  });

  it('refuses a 10 MB event sent in 64 KiB packets after the first 64 KiB', () => {
    const decoder = new CotStreamDecoder();
    const started = performance.now();
    const chunk = utf8(`<event uid="u"><remarks>${'A'.repeat(65_536)}`);
    const items: CotStreamItem[] = [];
    for (let i = 0; i < 160 && items.length === 0; i++) {
      decoder.push(chunk);
      for (let item = decoder.read(); item; item = decoder.read()) items.push(item);
    }
    expect(kinds(items)).toEqual(['fatal:OVERSIZE']);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses an oversize event arriving in 1-byte packets after the limit, in linear time', () => {
    const decoder = new CotStreamDecoder();
    const bytes = utf8(`<event uid="u"><remarks>${'A'.repeat(70_000)}`);
    const started = performance.now();
    let fatalAt = -1;
    for (let i = 0; i < bytes.length && fatalAt < 0; i++) {
      decoder.push(bytes.subarray(i, i + 1));
      if (decoder.read()?.kind === 'fatal') fatalAt = i;
    }
    expect(fatalAt).toBe(65_536);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('honours a configured limit exactly', () => {
    const event = utf8(ATAK_PING.slice(ATAK_PING.indexOf('<event')));
    expect(kinds(feed([event], { maxEventBytes: event.length }))[0]).toBe('ANDROID-589520ccfcd20f01-ping');
    expect(kinds(feed([event], { maxEventBytes: event.length - 1 }))).toEqual(['fatal:OVERSIZE']);
  });

  it('refuses a DOCTYPE between events or inside one', () => {
    const lol = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><event>&lol2;</event>';
    expect(kinds(feed([utf8(ATAK_PING + lol)]))).toEqual(['ANDROID-589520ccfcd20f01-ping', 'fatal:DOCTYPE_FORBIDDEN']);
    expect(kinds(feed([utf8('<event><!ENTITY x "y"></event>')]))).toEqual(['fatal:DOCTYPE_FORBIDDEN']);
  });

  it('refuses bytes that cannot start a message, including a TAK frame before negotiation', () => {
    expect(kinds(feed([utf8(`${ATAK_PING}garbage`)]))).toEqual(['ANDROID-589520ccfcd20f01-ping', 'fatal:UNEXPECTED_DATA']);
    expect(kinds(feed([Uint8Array.of(0xbf, 0x05)]))).toEqual(['fatal:UNEXPECTED_DATA']);
    expect(kinds(feed([utf8('</event>')]))).toEqual(['fatal:UNEXPECTED_DATA']);
  });

  it('survives random bytes: it ends with a fatal error or waits, never throws', () => {
    let seed = 99;
    for (let run = 0; run < 200; run++) {
      const bytes = Uint8Array.from({ length: 2048 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
      const items = feed([utf8('<event>'), bytes], { maxEventBytes: 1024 });
      expect(items.every((i) => i.kind === 'fatal' || i.kind === 'malformed')).toBe(true);
    }
  });

  it('refuses more unread bytes than the buffer limit', () => {
    const decoder = new CotStreamDecoder({ maxEventBytes: 1024, maxBufferBytes: 4096 });
    decoder.push(new Uint8Array(5000).fill(0x20));
    expect(decoder.read()).toMatchObject({ kind: 'fatal', error: { code: 'BUFFER_FULL' } });
    expect(decoder.read()).toBeUndefined();
  });

  it('skips an initial byte order mark', () => {
    expect(kinds(feed([Uint8Array.of(0xef, 0xbb, 0xbf), utf8(ATAK_PING)]))).toEqual(['ANDROID-589520ccfcd20f01-ping']);
  });
});
