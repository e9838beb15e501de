import { buildEvent, findDetailElement } from './build-event.ts';
import { xmlElement } from './detail-serialize.ts';
import type { CotEvent } from './types.ts';
import { UNKNOWN_ERROR } from './types.ts';

/** `[lat, lon]` in degrees. */
export type LatLon = readonly [number, number];

/** Line and fill style. Colours are CSS hex (`#rgb`, `#rrggbb`, `#rrggbbaa`). */
export interface DrawingStyle {
  stroke?: string;
  fill?: string;
  /** Line width in pixels (default 3). */
  strokeWeight?: number;
}

/** Converts a CSS hex colour to the signed 32-bit ARGB integer TAK writes in `strokeColor`/`fillColor`. */
export function argbFromHex(hex: string): number {
  const h = hex.replace(/^#/, '');
  const full = /^[0-9a-f]{3}$/i.test(h) ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(full)) throw new RangeError(`not a hex colour: ${hex}`);
  const rgb = parseInt(full.slice(0, 6), 16);
  const alpha = full.length === 8 ? parseInt(full.slice(6), 16) : 0xff;
  return ((alpha << 24) | rgb) | 0;
}

/** Converts a TAK ARGB integer to `#rrggbbaa`. */
export function hexFromArgb(argb: number): string {
  const v = argb >>> 0;
  const rgb = (v & 0xffffff).toString(16).padStart(6, '0');
  const alpha = (v >>> 24).toString(16).padStart(2, '0');
  return `#${rgb}${alpha}`;
}

/** Options shared by the drawing builders. */
export interface DrawingOptions {
  uid: string;
  /** Label shown on the map (`contact callsign`). */
  name: string;
  style?: DrawingStyle;
  remarks?: string;
  now?: number;
  /** How long TAK clients keep the drawing without a refresh (default 24 h). */
  staleAfterMs?: number;
}

function drawing(type: string, vertices: readonly LatLon[], options: DrawingOptions): CotEvent {
  if (vertices.length < 2) throw new RangeError('a drawing needs at least two vertices');
  const distinct = vertices.length > 2 && sameVertex(vertices[0], vertices[vertices.length - 1]) ? vertices.slice(0, -1) : vertices;
  const lat = distinct.reduce((sum, v) => sum + v[0], 0) / distinct.length;
  const lon = distinct.reduce((sum, v) => sum + v[1], 0) / distinct.length;
  const style = options.style ?? {};
  const value = (name: string, v: string | number): string => xmlElement(name, [['value', v]]);
  const unknown = [
    value('strokeColor', argbFromHex(style.stroke ?? '#ff0000')),
    value('strokeWeight', style.strokeWeight ?? 3),
    value('strokeStyle', 'solid'),
  ];
  if (style.fill !== undefined) unknown.push(value('fillColor', argbFromHex(style.fill)));
  unknown.push(value('labels_on', 'true'));
  return buildEvent({
    uid: options.uid,
    type,
    how: 'h-e',
    now: options.now,
    staleAfterMs: options.staleAfterMs ?? 24 * 3600_000,
    point: { lat, lon, hae: UNKNOWN_ERROR, ce: UNKNOWN_ERROR, le: UNKNOWN_ERROR },
    detail: {
      links: vertices.map(([vLat, vLon]) => ({ point: `${vLat},${vLon}` })),
      contact: { callsign: options.name },
      remarks: { text: options.remarks ?? '' },
      unknown,
    },
  });
}

function sameVertex(a: LatLon | undefined, b: LatLon | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

/** Builds a closed polygon (`u-d-f`), e.g. a task or legal area. The ring is closed if the caller did not. */
export function buildPolygon(options: DrawingOptions & { vertices: readonly LatLon[] }): CotEvent {
  const { vertices } = options;
  const first = vertices[0];
  const closed = first !== undefined && !sameVertex(first, vertices[vertices.length - 1]) ? [...vertices, first] : vertices;
  return drawing('u-d-f', closed, options);
}

/** Builds a rectangle (`u-d-r`) from a bounding box; corners NW, NE, SE, SW. */
export function buildRectangle(
  options: DrawingOptions & { bounds: { south: number; west: number; north: number; east: number } },
): CotEvent {
  const { south, west, north, east } = options.bounds;
  return drawing('u-d-r', [[north, west], [north, east], [south, east], [south, west]], options);
}

/** A drawing read back from CoT. */
export interface Drawing {
  uid: string;
  type: string;
  name: string;
  vertices: LatLon[];
  /** Rectangles and polygons whose last vertex repeats the first. */
  closed: boolean;
  stroke?: string;
  fill?: string;
  strokeWeight?: number;
}

function numberValue(event: CotEvent, name: string): number | undefined {
  const text = findDetailElement(event.detail, name)?.attrs.get('value');
  const v = Number(text);
  return text !== undefined && text.trim() !== '' && Number.isFinite(v) ? v : undefined;
}

/** Reads a shape drawn with vertex links (`u-d-f`, `u-d-f-m`, `u-d-r`...); undefined for other events. */
export function readDrawing(event: CotEvent): Drawing | undefined {
  if (!event.type.startsWith('u-d-')) return undefined;
  const vertices: LatLon[] = [];
  for (const link of event.detail.links ?? []) {
    const [lat, lon] = (link.point ?? '').split(',').map(Number);
    if (lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon)) vertices.push([lat, lon]);
  }
  if (vertices.length === 0) return undefined;
  const closed = event.type === 'u-d-r' || (vertices.length > 2 && sameVertex(vertices[0], vertices[vertices.length - 1]));
  const result: Drawing = { uid: event.uid, type: event.type, name: event.detail.contact?.callsign ?? '', vertices, closed };
  const stroke = numberValue(event, 'strokeColor');
  const fill = numberValue(event, 'fillColor');
  const weight = numberValue(event, 'strokeWeight');
  if (stroke !== undefined) result.stroke = hexFromArgb(stroke);
  if (fill !== undefined) result.fill = hexFromArgb(fill);
  if (weight !== undefined) result.strokeWeight = weight;
  return result;
}
