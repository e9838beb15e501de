/**
 * The Cursor-on-Target event model shared by the XML and protobuf codecs.
 * Times are milliseconds since the Unix epoch (what TAK Protocol v1 carries); the XML codec converts to and from
 * ISO-8601. Known detail elements are typed; everything else stays verbatim in `detail.unknown`.
 */

/** WGS84 position. `hae`, `ce` and `le` are metres; {@link UNKNOWN_ERROR} (9999999) means unknown. */
export interface CotPoint {
  lat: number;
  lon: number;
  hae: number;
  ce: number;
  le: number;
}

/** The CoT "unknown" value for `hae`, `ce` and `le`. */
export const UNKNOWN_ERROR = 9999999;

/** Attributes of a known element that the model does not name, kept so a relay loses nothing. */
export type ExtraAttributes = Record<string, string>;

/** `<contact callsign endpoint/>`. */
export interface ContactDetail {
  callsign?: string;
  endpoint?: string;
  extra?: ExtraAttributes;
}

/** `<__group name role/>`: the team colour and role. */
export interface GroupDetail {
  name?: string;
  role?: string;
  extra?: ExtraAttributes;
}

/** `<status battery/>`: battery in percent. */
export interface StatusDetail {
  battery?: number;
  extra?: ExtraAttributes;
}

/** `<track course speed/>`: course in degrees from true north, speed in m/s. */
export interface TrackDetail {
  course?: number;
  speed?: number;
  extra?: ExtraAttributes;
}

/** `<takv device platform os version/>`: the sending client. */
export interface TakvDetail {
  device?: string;
  platform?: string;
  os?: string;
  version?: string;
  extra?: ExtraAttributes;
}

/** `<precisionlocation geopointsrc altsrc/>`. */
export interface PrecisionLocationDetail {
  geopointsrc?: string;
  altsrc?: string;
  extra?: ExtraAttributes;
}

/** `<remarks source to time>text</remarks>`. */
export interface RemarksDetail {
  text: string;
  source?: string;
  to?: string;
  time?: string;
  extra?: ExtraAttributes;
}

/** `<__chat ...><chatgrp .../></__chat>`: GeoChat routing. Other children of `__chat` stay verbatim in `children`. */
export interface ChatDetail {
  id?: string;
  chatroom?: string;
  senderCallsign?: string;
  messageId?: string;
  parent?: string;
  groupOwner?: string;
  /** All attributes of `<chatgrp>` (`uid0`, `uid1`, ..., `id`). */
  chatgrp?: Record<string, string>;
  children?: string[];
  extra?: ExtraAttributes;
}

/** `<link .../>`: a relation to another uid (`relation="p-p"` parent) or, in drawings, a vertex `point="lat,lon"`. */
export interface LinkDetail {
  uid?: string;
  type?: string;
  relation?: string;
  point?: string;
  parentCallsign?: string;
  productionTime?: string;
  extra?: ExtraAttributes;
}

/** `<emergency type cancel>callsign</emergency>`. */
export interface EmergencyDetail {
  type?: string;
  cancel?: boolean;
  text: string;
  extra?: ExtraAttributes;
}

/** The children of `<detail>`. */
export interface CotDetail {
  contact?: ContactDetail;
  group?: GroupDetail;
  status?: StatusDetail;
  track?: TrackDetail;
  takv?: TakvDetail;
  precisionLocation?: PrecisionLocationDetail;
  remarks?: RemarksDetail;
  chat?: ChatDetail;
  links?: LinkDetail[];
  emergency?: EmergencyDetail;
  /**
   * Every other child element, byte for byte as received, in order. Entries must be well-formed XML elements:
   * they are written out unchanged.
   */
  unknown: string[];
}

/** One CoT event. */
export interface CotEvent {
  uid: string;
  type: string;
  how?: string;
  /** When the event was generated (ms since epoch). */
  time: number;
  /** Valid from (ms since epoch). */
  start: number;
  /** Valid until (ms since epoch). */
  stale: number;
  access?: string;
  qos?: string;
  opex?: string;
  /** Absent only when the XML had no `<point>`; such an event never becomes a track. */
  point?: CotPoint;
  detail: CotDetail;
}

/** TAK Protocol control block carried in a TakMessage (mesh networks mostly). */
export interface TakControl {
  minProtoVersion: number;
  maxProtoVersion: number;
  contactUid?: string;
}

/** Credentials from `<auth><cot username password uid callsign/></auth>`. Never log `password`. */
export interface CotAuth {
  username: string;
  password: string;
  uid?: string;
  callsign?: string;
}

/** Stable error codes. Parse errors are skippable; framing errors end the connection. */
export type CotErrorCode =
  | 'MALFORMED_XML'
  | 'DOCTYPE_FORBIDDEN'
  | 'TOO_DEEP'
  | 'NOT_AN_EVENT'
  | 'MISSING_ATTRIBUTE'
  | 'BAD_TIME'
  | 'BAD_POINT'
  | 'BAD_UTF8'
  | 'BAD_PROTOBUF'
  | 'EMPTY_MESSAGE'
  | 'UNSUPPORTED_VERSION'
  | 'OVERSIZE'
  | 'UNEXPECTED_DATA'
  | 'BUFFER_FULL'
  | 'BAD_MAGIC'
  | 'BAD_LENGTH';

/** An error with a stable code and a message for logs. */
export interface CotError {
  code: CotErrorCode;
  message: string;
}

/** Result of {@link parseEvent}. */
export type ParseEventResult = { ok: true; event: CotEvent } | { ok: false; error: CotError };
