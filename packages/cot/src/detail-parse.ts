import type { CotDetail, EmergencyDetail, ExtraAttributes, TrackDetail } from './types.ts';
import type { XmlElement } from './xml-parse.ts';

/**
 * Reads the children of `<detail>` into the typed model. An element is typed only when it has the shape the model
 * describes (first of its name, no unexpected children or text, numbers that parse); otherwise it is kept verbatim
 * in `unknown`, so nothing a device sent is lost or changed on relay.
 */
export function readDetail(children: readonly XmlElement[], source: string): CotDetail {
  const detail: CotDetail = { unknown: [] };
  for (const element of children) {
    if (!readKnown(detail, element, source)) detail.unknown.push(source.slice(element.start, element.end));
  }
  return detail;
}

interface Split<K extends string> {
  values: Partial<Record<K, string>>;
  extra?: ExtraAttributes;
}

/** Splits attributes into the named ones (XML name -> model key) and the rest. */
function split<K extends string>(element: XmlElement, names: Readonly<Record<string, K>>): Split<K> {
  const values: Partial<Record<K, string>> = {};
  let extra: ExtraAttributes | undefined;
  for (const [name, value] of element.attrs) {
    const key = Object.hasOwn(names, name) ? names[name] : undefined;
    if (key !== undefined) values[key] = value;
    else (extra ??= Object.create(null) as ExtraAttributes)[name] = value;
  }
  return extra === undefined ? { values } : { values, extra };
}

function isLeaf(element: XmlElement): boolean {
  return element.children.length === 0 && element.text.trim() === '';
}

/** Parses a number attribute; `false` when present but not a finite number. */
function number(text: string | undefined): number | undefined | false {
  if (text === undefined) return undefined;
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : false;
}

function withExtra<T extends object>(value: T, extra: ExtraAttributes | undefined): T & { extra?: ExtraAttributes } {
  if (extra !== undefined) (value as { extra?: ExtraAttributes }).extra = extra;
  return value;
}

function readKnown(detail: CotDetail, element: XmlElement, source: string): boolean {
  switch (element.name) {
    case 'contact': {
      if (detail.contact || !isLeaf(element)) return false;
      const { values, extra } = split(element, { callsign: 'callsign', endpoint: 'endpoint' });
      detail.contact = withExtra(values, extra);
      return true;
    }
    case '__group': {
      if (detail.group || !isLeaf(element)) return false;
      const { values, extra } = split(element, { name: 'name', role: 'role' });
      detail.group = withExtra(values, extra);
      return true;
    }
    case 'takv': {
      if (detail.takv || !isLeaf(element)) return false;
      const names = { device: 'device', platform: 'platform', os: 'os', version: 'version' } as const;
      const { values, extra } = split(element, names);
      detail.takv = withExtra(values, extra);
      return true;
    }
    case 'precisionlocation': {
      if (detail.precisionLocation || !isLeaf(element)) return false;
      const { values, extra } = split(element, { geopointsrc: 'geopointsrc', altsrc: 'altsrc' });
      detail.precisionLocation = withExtra(values, extra);
      return true;
    }
    case 'status': {
      if (detail.status || !isLeaf(element)) return false;
      const { values, extra } = split(element, { battery: 'battery' });
      const battery = number(values.battery);
      if (battery === false) return false;
      detail.status = withExtra(battery === undefined ? {} : { battery }, extra);
      return true;
    }
    case 'track': {
      if (detail.track || !isLeaf(element)) return false;
      const { values, extra } = split(element, { course: 'course', speed: 'speed' });
      const course = number(values.course);
      const speed = number(values.speed);
      if (course === false || speed === false) return false;
      const track: TrackDetail = {};
      if (course !== undefined) track.course = course;
      if (speed !== undefined) track.speed = speed;
      detail.track = withExtra(track, extra);
      return true;
    }
    case 'remarks': {
      if (detail.remarks || element.children.length > 0) return false;
      const { values, extra } = split(element, { source: 'source', to: 'to', time: 'time' });
      detail.remarks = withExtra(Object.assign({ text: element.text }, values), extra);
      return true;
    }
    case 'emergency': {
      if (detail.emergency || element.children.length > 0) return false;
      const { values, extra } = split(element, { type: 'type', cancel: 'cancel' });
      if (values.cancel !== undefined && values.cancel !== 'true' && values.cancel !== 'false') return false;
      const emergency: EmergencyDetail = { text: element.text };
      if (values.type !== undefined) emergency.type = values.type;
      if (values.cancel !== undefined) emergency.cancel = values.cancel === 'true';
      detail.emergency = withExtra(emergency, extra);
      return true;
    }
    case 'link': {
      if (!isLeaf(element)) return false;
      const names = {
        uid: 'uid',
        type: 'type',
        relation: 'relation',
        point: 'point',
        parent_callsign: 'parentCallsign',
        production_time: 'productionTime',
      } as const;
      const { values, extra } = split(element, names);
      (detail.links ??= []).push(withExtra(values, extra));
      return true;
    }
    case '__chat':
      return readChat(detail, element, source);
    default:
      return false;
  }
}

function readChat(detail: CotDetail, element: XmlElement, source: string): boolean {
  if (detail.chat || element.text.trim() !== '') return false;
  const names = {
    id: 'id',
    chatroom: 'chatroom',
    senderCallsign: 'senderCallsign',
    messageId: 'messageId',
    parent: 'parent',
    groupOwner: 'groupOwner',
  } as const;
  const { values, extra } = split(element, names);
  const chat: CotDetail['chat'] = withExtra(values, extra);
  for (const child of element.children) {
    if (child.name === 'chatgrp' && chat.chatgrp === undefined && isLeaf(child)) {
      chat.chatgrp = Object.fromEntries(child.attrs);
    } else {
      (chat.children ??= []).push(source.slice(child.start, child.end));
    }
  }
  detail.chat = chat;
  return true;
}
