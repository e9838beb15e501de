import { serializeDetailContent } from './detail-serialize.ts';
import { xmlElement } from './detail-serialize.ts';
import { formatCotTime } from './time.ts';
import type { CotEvent } from './types.ts';

/** Options for {@link serializeEvent}. */
export interface SerializeOptions {
  /** Prefix `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` (what TAK servers send before each event). */
  declaration?: boolean;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/**
 * Writes an event as CoT XML (version 2.0). Typed detail parts are written canonically, unknown detail elements
 * byte for byte as they were received. An event without a point gets none (a valid CoT event always has one; the
 * builders in this package always set it).
 */
export function serializeEvent(event: CotEvent, options: SerializeOptions = {}): string {
  const attributes = [
    ['version', '2.0'],
    ['uid', event.uid],
    ['type', event.type],
    ['how', event.how],
    ['time', formatCotTime(event.time)],
    ['start', formatCotTime(event.start)],
    ['stale', formatCotTime(event.stale)],
    ['access', event.access],
    ['qos', event.qos],
    ['opex', event.opex],
  ] as const;
  const p = event.point;
  const point = p
    ? xmlElement('point', [['lat', p.lat], ['lon', p.lon], ['hae', p.hae], ['ce', p.ce], ['le', p.le]])
    : '';
  const detail = `<detail>${serializeDetailContent(event.detail)}</detail>`;
  const xml = xmlElement('event', attributes, { inner: point + detail });
  return options.declaration ? DECLARATION + xml : xml;
}
