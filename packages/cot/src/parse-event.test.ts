import { describe, expect, it } from 'vitest';
import { parseAuth, parseEvent, parseMessage } from './parse-event.ts';
import { serializeEvent } from './serialize-event.ts';
import { ALL_SAMPLES, ATAK_CHAT, ATAK_PLI, ITAK_PLI, WINTAK_PLI } from './test-samples.ts';
import type { CotEvent } from './types.ts';

function parsed(xml: string): CotEvent {
  const result = parseEvent(xml);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.event;
}

const T = 'time="2026-01-01T12:00:00Z" start="2026-01-01T12:00:00Z" stale="2026-01-01T12:02:00Z"';
const POINT = '<point lat="-12.05" lon="-77.04" hae="150" ce="9.9" le="9999999"/>';

describe('parseEvent on real-looking device output', () => {
  it('reads an ATAK position report completely', () => {
    const e = parsed(ATAK_PLI);
    expect(e).toMatchObject({
      uid: 'ANDROID-589520ccfcd20f01',
      type: 'a-f-G-U-C',
      how: 'h-e',
      time: Date.parse('2026-03-14T15:04:05.123Z'),
      stale: Date.parse('2026-03-14T15:10:20.123Z'),
      point: { lat: -12.046374, lon: -77.042793, hae: 161.2, ce: 9.9, le: 9999999 },
    });
    expect(e.detail).toMatchObject({
      contact: { callsign: 'PATRULLA-1', endpoint: '*:-1:stcp' },
      group: { name: 'Cyan', role: 'Team Member' },
      status: { battery: 88 },
      track: { course: 90.5, speed: 1.2 },
      takv: { device: 'GOOGLE PIXEL 8', platform: 'ATAK-CIV', os: '34' },
      precisionLocation: { geopointsrc: 'GPS', altsrc: 'GPS' },
    });
    expect(e.detail.unknown).toEqual([
      "<uid Droid='PATRULLA-1'/>",
      "<_flow-tags_ TAK-Server-e0a1b2c3='2026-03-14T15:04:05Z'/>",
    ]);
  });

  it('reads iTAK output and keeps attributes the model does not name', () => {
    const e = parsed(ITAK_PLI);
    expect(e.time).toBe(Date.parse('2026-03-14T15:04:05Z'));
    expect(e.detail.contact).toEqual({ callsign: 'MOVIL-7', endpoint: '*:-1:stcp', extra: { phone: '+51999111222' } });
    expect(serializeEvent(e)).toContain('phone="+51999111222"');
  });

  it('reads WinTAK output despite its utf-16 declaration and seven fraction digits', () => {
    const e = parsed(WINTAK_PLI);
    expect(e.time).toBe(Date.parse('2026-03-14T15:04:05.123Z'));
    expect(e.detail.track).toEqual({ speed: 0, course: 0 });
    expect(e.detail.takv?.platform).toBe('WinTAK-CIV');
  });

  it('reads GeoChat with entities decoded and routing elements kept verbatim', () => {
    const e = parsed(ATAK_CHAT);
    expect(e.detail.remarks?.text).toBe('Llegamos al punto & esperamos órdenes');
    expect(e.detail.chat?.chatgrp).toEqual({ uid0: 'ANDROID-589520ccfcd20f01', uid1: 'All Chat Rooms', id: 'All Chat Rooms' });
    expect(e.detail.unknown).toEqual([
      "<__serverdestination destinations='10.0.0.5:4242:tcp:ANDROID-589520ccfcd20f01'/>",
      "<marti><dest callsign='CENTRAL'/></marti>",
    ]);
  });

  it.each(Object.entries(ALL_SAMPLES))('round-trips %s through serialize and parse unchanged', (_name, xml) => {
    const first = parsed(xml);
    expect(parsed(serializeEvent(first))).toEqual(first);
    expect(parsed(serializeEvent(first, { declaration: true }))).toEqual(first);
  });
});

describe('parseEvent is liberal in what it accepts', () => {
  const cases: [string, string][] = [
    ['version "2"', `<event version="2" uid="u" type="a-f-G" ${T}>${POINT}</event>`],
    ['version "2.0"', `<event version="2.0" uid="u" type="a-f-G" ${T}>${POINT}</event>`],
    ['no version', `<event uid="u" type="a-f-G" ${T}>${POINT}</event>`],
    ['no how', `<event uid="u" type="a-h-A-M-F-Q" ${T}>${POINT}<detail/></event>`],
    ['attributes in any order', `<event stale="2026-01-01T12:02:00Z" type="a-f-G" start="2026-01-01T12:00:00Z" uid="u" time="2026-01-01T12:00:00Z" how="m-g">${POINT}</event>`],
    ['point after detail', `<event uid="u" type="a-f-G" ${T}><detail><contact callsign="X"/></detail>${POINT}</event>`],
    ['declaration, comments and whitespace', `<?xml version="1.0"?>\n<!-- from the field -->\n<event uid="u" type="a-f-G" ${T}>\n  ${POINT}\n</event>\n`],
    ['no start (defaults to time)', `<event uid="u" type="a-f-G" time="2026-01-01T12:00:00Z" stale="2026-01-01T12:02:00Z">${POINT}</event>`],
    ['position 0,0', `<event uid="u" type="a-n-S" ${T}><point lat="0" lon="0"/></event>`],
    ['missing hae/ce/le', `<event uid="u" type="a-u-G" ${T}><point lat="1" lon="2"/></event>`],
    ['numeric time offset', `<event uid="u" type="a-f-G" time="2026-01-01T07:00:00-05:00" start="2026-01-01T12:00:00Z" stale="2026-01-01T12:02:00+00:00">${POINT}</event>`],
    ['byte order mark', `\uFEFF<event uid="u" type="a-f-G" ${T}>${POINT}</event>`],
  ];
  it.each(cases)('%s', (_name, xml) => {
    const e = parsed(xml);
    expect(e.uid).toBe('u');
    expect(e.point).toBeDefined();
    expect(e.time).toBe(Date.parse('2026-01-01T12:00:00Z'));
  });

  it('reads missing hae/ce/le as unknown and a missing how as absent', () => {
    const e = parsed(`<event uid="u" type="a-u-G" ${T}><point lat="1" lon="2"/></event>`);
    expect(e.point).toEqual({ lat: 1, lon: 2, hae: 9999999, ce: 9999999, le: 9999999 });
    expect(e.how).toBeUndefined();
    expect(e.detail).toEqual({ unknown: [] });
  });

  it('accepts an event without a point (it simply is not a track)', () => {
    expect(parsed(`<event uid="u" type="t-x-c-t" ${T}/>`).point).toBeUndefined();
  });

  it('keeps a known element whose values do not fit the model verbatim instead of dropping it', () => {
    const e = parsed(`<event uid="u" type="a-f-G" ${T}>${POINT}<detail><track course="n/a" speed="1"/><contact callsign="A"/><contact callsign="B"/></detail></event>`);
    expect(e.detail.track).toBeUndefined();
    expect(e.detail.contact).toEqual({ callsign: 'A' });
    expect(e.detail.unknown).toEqual(['<track course="n/a" speed="1"/>', '<contact callsign="B"/>']);
  });
});

describe('parseEvent rejects what is not a usable event, with a code', () => {
  const cases: [string, string, string][] = [
    ['not XML', 'hello', 'MALFORMED_XML'],
    ['text before the root', `x<event uid="u" type="a" ${T}/>`, 'MALFORMED_XML'],
    ['mismatched tags', `<event uid="u" type="a" ${T}><detail></point></event>`, 'MALFORMED_XML'],
    ['unquoted attribute', `<event uid=u type="a" ${T}/>`, 'MALFORMED_XML'],
    ['repeated attribute', `<event uid="u" uid="v" type="a" ${T}/>`, 'MALFORMED_XML'],
    ['two roots', `<event uid="u" type="a" ${T}/><event uid="v" type="a" ${T}/>`, 'MALFORMED_XML'],
    ['truncated', `<event uid="u" type="a" ${T}><detail>`, 'MALFORMED_XML'],
    ['other root', '<message/>', 'NOT_AN_EVENT'],
    ['no uid', `<event type="a" ${T}/>`, 'MISSING_ATTRIBUTE'],
    ['no type', `<event uid="u" ${T}/>`, 'MISSING_ATTRIBUTE'],
    ['bad time', `<event uid="u" type="a" time="yesterday" start="2026-01-01T12:00:00Z" stale="2026-01-01T12:00:00Z"/>`, 'BAD_TIME'],
    ['no stale', `<event uid="u" type="a" time="2026-01-01T12:00:00Z"/>`, 'BAD_TIME'],
    ['latitude out of range', `<event uid="u" type="a-f-G" ${T}><point lat="91" lon="0"/></event>`, 'BAD_POINT'],
    ['latitude not a number', `<event uid="u" type="a-f-G" ${T}><point lat="abc" lon="0"/></event>`, 'BAD_POINT'],
    ['too deep', `<event uid="u" type="a" ${T}><detail>${'<a>'.repeat(40)}${'</a>'.repeat(40)}</detail></event>`, 'TOO_DEEP'],
  ];
  it.each(cases)('%s', (_name, xml, code) => {
    const result = parseEvent(xml);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });
});

describe('entities', () => {
  it('refuses DOCTYPE (billion laughs) without expanding anything', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      `<event uid="u" type="a-f-G" ${T}>${POINT}<detail><remarks>&lol9;</remarks></detail></event>`,
    ].join('\n');
    const started = performance.now();
    const result = parseEvent(lol);
    expect(performance.now() - started).toBeLessThan(50);
    expect(result).toMatchObject({ ok: false, error: { code: 'DOCTYPE_FORBIDDEN' } });
  });

  it('refuses an external entity declaration', () => {
    const xxe = `<!DOCTYPE event [<!ENTITY x SYSTEM "file:///etc/passwd">]><event uid="u" type="a" ${T}><detail><remarks>&x;</remarks></detail></event>`;
    expect(parseEvent(xxe)).toMatchObject({ ok: false, error: { code: 'DOCTYPE_FORBIDDEN' } });
  });

  it('refuses a DOCTYPE placed inside the event too', () => {
    expect(parseEvent(`<event uid="u" type="a" ${T}><!DOCTYPE x></event>`)).toMatchObject({ ok: false, error: { code: 'DOCTYPE_FORBIDDEN' } });
  });

  it('decodes the five predefined entities and character references, and nothing else', () => {
    const e = parsed(`<event uid="a&amp;b" type="a-f-G" ${T}>${POINT}<detail><remarks>&lt;&gt;&quot;&apos;&#233;&#xF1;&#x1F600; &nbsp; &#0; &bogus</remarks></detail></event>`);
    expect(e.uid).toBe('a&b');
    expect(e.detail.remarks?.text).toBe(`<>"'éñ😀 &nbsp; &#0; &bogus`);
  });

  it('keeps CDATA text literally', () => {
    const e = parsed(`<event uid="u" type="b-t-f" ${T}>${POINT}<detail><remarks><![CDATA[a &amp; <b> ]]></remarks></detail></event>`);
    expect(e.detail.remarks?.text).toBe('a &amp; <b> ');
  });
});

describe('unknown detail elements', () => {
  it('survive parse then serialize byte for byte', () => {
    const unknown = [
      `<__video url="rtsp://10.0.0.9:8554/dron-1" uid='dron-1' > <ConnectionEntry address="10.0.0.9" port="8554" protocol="rtsp" path="/dron-1" alias="Dron 1" networkTimeout="12000" bufferTime="-1" rtspReliable="0" ignoreEmbeddedKLV="false"/></__video   >`,
      `<__geofence elevationMonitored="false" minElevation="NaN" monitor="All" trigger="Exit" tracking="true" maxElevation="NaN" boundingSphere="5000.0"/>`,
      `<marti><dest callsign="PATRULLA-2"/><dest uid="ANDROID-2"/></marti>`,
      `<x:ext xmlns:x="urn:enlace">texto &amp; ñ <!-- nota --><![CDATA[ <raw> ]]></x:ext>`,
    ];
    const xml = `<event uid="u" type="a-f-A-M-F-Q" ${T}>${POINT}<detail>${unknown[0]}<contact callsign="DRON-1"/>\n${unknown.slice(1).join('\n')}</detail></event>`;
    const e = parsed(xml);
    expect(e.detail.unknown).toEqual(unknown);
    const out = serializeEvent(e);
    for (const raw of unknown) expect(out).toContain(raw);
    expect(parsed(out).detail.unknown).toEqual(unknown);
  });
});

describe('parseMessage and parseAuth', () => {
  it('recognise an <auth> message', () => {
    const xml = '<auth><cot username="sgt.quispe" password="s3cr&amp;t" uid="ANDROID-1" callsign="PATRULLA-1"/></auth>';
    expect(parseAuth(xml)).toEqual({
      ok: true,
      auth: { username: 'sgt.quispe', password: 's3cr&t', uid: 'ANDROID-1', callsign: 'PATRULLA-1' },
    });
    expect(parseMessage(xml)).toMatchObject({ ok: true, kind: 'auth' });
    expect(parseMessage(ATAK_PLI)).toMatchObject({ ok: true, kind: 'event' });
  });

  it('refuse an <auth> without credentials', () => {
    expect(parseAuth('<auth><cot username="x"/></auth>')).toMatchObject({ ok: false, error: { code: 'MISSING_ATTRIBUTE' } });
    expect(parseAuth('<auth/>')).toMatchObject({ ok: false, error: { code: 'NOT_AN_EVENT' } });
  });
});
