import type { CotDetail, ExtraAttributes } from './types.ts';
import { escapeXmlAttribute, escapeXmlText, isXmlName } from './xml-entities.ts';

type AttributeValue = string | number | boolean | undefined;

/**
 * Writes one element: named attributes in order (undefined ones left out), then `extra`, then either the escaped
 * `text` or the verbatim `inner` XML. Attribute names that are not XML names are dropped rather than corrupting
 * the event for every receiver.
 */
export function xmlElement(
  name: string,
  attributes: readonly (readonly [string, AttributeValue])[],
  options: { extra?: ExtraAttributes | undefined; text?: string | undefined; inner?: string | undefined } = {},
): string {
  let xml = `<${name}`;
  for (const [key, value] of attributes) {
    if (value !== undefined) xml += ` ${key}="${escapeXmlAttribute(String(value))}"`;
  }
  if (options.extra) {
    for (const [key, value] of Object.entries(options.extra)) {
      if (isXmlName(key)) xml += ` ${key}="${escapeXmlAttribute(value)}"`;
    }
  }
  const inner = (options.text === undefined ? '' : escapeXmlText(options.text)) + (options.inner ?? '');
  return inner === '' ? `${xml}/>` : `${xml}>${inner}</${name}>`;
}

/** Typed detail parts, in the order they are written. */
export type DetailPart =
  | 'contact'
  | 'group'
  | 'takv'
  | 'status'
  | 'track'
  | 'precisionLocation'
  | 'chat'
  | 'links'
  | 'remarks'
  | 'emergency';

/** Writes the XML of one typed part ('' when absent). */
export function serializeDetailPart(detail: CotDetail, part: DetailPart): string {
  switch (part) {
    case 'contact': {
      const c = detail.contact;
      return c ? xmlElement('contact', [['callsign', c.callsign], ['endpoint', c.endpoint]], { extra: c.extra }) : '';
    }
    case 'group': {
      const g = detail.group;
      return g ? xmlElement('__group', [['name', g.name], ['role', g.role]], { extra: g.extra }) : '';
    }
    case 'takv': {
      const t = detail.takv;
      if (!t) return '';
      const attributes = [['device', t.device], ['platform', t.platform], ['os', t.os], ['version', t.version]] as const;
      return xmlElement('takv', attributes, { extra: t.extra });
    }
    case 'status': {
      const s = detail.status;
      return s ? xmlElement('status', [['battery', s.battery]], { extra: s.extra }) : '';
    }
    case 'track': {
      const t = detail.track;
      return t ? xmlElement('track', [['course', t.course], ['speed', t.speed]], { extra: t.extra }) : '';
    }
    case 'precisionLocation': {
      const p = detail.precisionLocation;
      if (!p) return '';
      return xmlElement('precisionlocation', [['geopointsrc', p.geopointsrc], ['altsrc', p.altsrc]], { extra: p.extra });
    }
    case 'chat':
      return serializeChat(detail);
    case 'links':
      return (detail.links ?? [])
        .map((l) =>
          xmlElement(
            'link',
            [
              ['uid', l.uid],
              ['type', l.type],
              ['relation', l.relation],
              ['point', l.point],
              ['parent_callsign', l.parentCallsign],
              ['production_time', l.productionTime],
            ],
            { extra: l.extra },
          ),
        )
        .join('');
    case 'remarks': {
      const r = detail.remarks;
      if (!r) return '';
      return xmlElement('remarks', [['source', r.source], ['to', r.to], ['time', r.time]], { extra: r.extra, text: r.text });
    }
    case 'emergency': {
      const e = detail.emergency;
      if (!e) return '';
      return xmlElement('emergency', [['type', e.type], ['cancel', e.cancel]], { extra: e.extra, text: e.text });
    }
  }
}

function serializeChat(detail: CotDetail): string {
  const c = detail.chat;
  if (!c) return '';
  let inner = '';
  if (c.chatgrp) inner += xmlElement('chatgrp', [], { extra: c.chatgrp });
  inner += (c.children ?? []).join('');
  const attributes = [
    ['parent', c.parent],
    ['groupOwner', c.groupOwner],
    ['messageId', c.messageId],
    ['chatroom', c.chatroom],
    ['id', c.id],
    ['senderCallsign', c.senderCallsign],
  ] as const;
  return xmlElement('__chat', attributes, { extra: c.extra, inner });
}

/** Every typed part, in output order. */
export const DETAIL_PARTS: readonly DetailPart[] = [
  'contact',
  'group',
  'takv',
  'status',
  'track',
  'precisionLocation',
  'chat',
  'links',
  'remarks',
  'emergency',
];

/** Writes the inside of `<detail>`: typed parts (except `skip`), then the unknown elements verbatim. */
export function serializeDetailContent(detail: CotDetail, skip: ReadonlySet<DetailPart> = new Set()): string {
  let xml = '';
  for (const part of DETAIL_PARTS) if (!skip.has(part)) xml += serializeDetailPart(detail, part);
  return xml + detail.unknown.join('');
}
