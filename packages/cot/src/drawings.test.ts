import { describe, expect, it } from 'vitest';
import { argbFromHex, buildPolygon, buildRectangle, hexFromArgb, readDrawing } from './drawings.ts';
import { parseEvent } from './parse-event.ts';
import { serializeEvent } from './serialize-event.ts';
import { decodeTakMessage, encodeTakMessage } from './tak-message.ts';
import { ATAK_PLI, ATAK_POLYGON } from './test-samples.ts';
import type { CotEvent } from './types.ts';

function sample(xml: string): CotEvent {
  const result = parseEvent(xml);
  if (!result.ok) throw new Error(result.error.message);
  return result.event;
}

describe('colours', () => {
  it.each([
    ['#ff0000', -65536],
    ['#FF0000FF', -65536],
    ['#f00', -65536],
    ['#0000ff80', -2147483393],
    ['#ffffff00', 0x00ffffff],
  ])('%s is ARGB %d', (hex, argb) => {
    expect(argbFromHex(hex)).toBe(argb);
  });

  it('converts back to #rrggbbaa', () => {
    expect(hexFromArgb(-65536)).toBe('#ff0000ff');
    expect(hexFromArgb(1358888960)).toBe('#ff000050');
    expect(() => argbFromHex('red')).toThrow(RangeError);
  });
});

describe('drawings', () => {
  it('reads an ATAK polygon', () => {
    expect(readDrawing(sample(ATAK_POLYGON))).toEqual({
      uid: '7d1c2b3a-0f9e-4d8c-b7a6-5f4e3d2c1b0a',
      type: 'u-d-f',
      name: 'Zona de intervención',
      vertices: [[-12.06, -77.05], [-12.06, -77.03], [-12.04, -77.03], [-12.06, -77.05]],
      closed: true,
      stroke: '#ff0000ff',
      fill: '#ff000050',
      strokeWeight: 4,
    });
  });

  it('builds a task area polygon, closing the ring and centring the point', () => {
    const event = buildPolygon({
      uid: 'area-7',
      name: 'Área de tarea 7',
      vertices: [[-12.0, -77.0], [-12.0, -77.1], [-12.1, -77.1], [-12.1, -77.0]],
      style: { stroke: '#0000ff', fill: '#0000ff40', strokeWeight: 2 },
      remarks: 'Apoyo a la PNP',
      now: Date.parse('2026-03-14T15:00:00Z'),
    });
    expect(event.type).toBe('u-d-f');
    expect(event.point).toMatchObject({ lat: -12.05, lon: -77.05 });
    expect(event.stale - event.time).toBe(24 * 3600_000);
    const back = readDrawing(sample(serializeEvent(event)));
    expect(back).toMatchObject({ name: 'Área de tarea 7', closed: true, stroke: '#0000ffff', fill: '#0000ff40', strokeWeight: 2 });
    expect(back?.vertices).toHaveLength(5);
    expect(back?.vertices[4]).toEqual([-12.0, -77.0]);
    const viaProtobuf = decodeTakMessage(encodeTakMessage({ event }));
    expect(viaProtobuf.ok && readDrawing(viaProtobuf.message.event!)).toEqual(back);
  });

  it('builds a rectangle from bounds', () => {
    const event = buildRectangle({ uid: 'r-1', name: 'Perímetro', bounds: { south: -12.1, west: -77.1, north: -12.0, east: -77.0 } });
    expect(event.type).toBe('u-d-r');
    expect(readDrawing(event)).toMatchObject({
      closed: true,
      vertices: [[-12.0, -77.1], [-12.0, -77.0], [-12.1, -77.0], [-12.1, -77.1]],
      stroke: '#ff0000ff',
    });
    expect(readDrawing(event)?.fill).toBeUndefined();
  });

  it('ignores other events', () => {
    expect(readDrawing(sample(ATAK_PLI))).toBeUndefined();
  });
});
