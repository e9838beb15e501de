import { buildEvent, findDetailElement } from './build-event.ts';
import { xmlElement } from './detail-serialize.ts';
import type { CotEvent } from './types.ts';

/**
 * TAK Protocol negotiation on a streaming connection: the server offers (`t-x-takp-v`), the client asks
 * (`t-x-takp-q`), the server answers (`t-x-takp-r`); after a `true` answer both sides switch to `0xBF` framing.
 * The same uid is used by all three messages of one negotiation. Plus the keep-alive ping (`t-x-c-t`) and pong.
 */

/** Event types of the negotiation and keep-alive messages. */
export const TAK_PROTOCOL_OFFER = 't-x-takp-v';
export const TAK_PROTOCOL_REQUEST = 't-x-takp-q';
export const TAK_PROTOCOL_RESPONSE = 't-x-takp-r';
export const PING = 't-x-c-t';
export const PONG = 't-x-c-t-r';

/** Common options of the builders below. */
export interface ControlMessageOptions {
  /** The negotiation uid (default: a random UUID for an offer; reuse the offer's uid for request and response). */
  uid?: string;
  /** Generation time, ms since epoch (default: now). */
  now?: number;
}

function control(type: string, inner: string, options: ControlMessageOptions): CotEvent {
  const event = buildEvent({ uid: options.uid ?? crypto.randomUUID(), type, how: 'm-g', now: options.now });
  event.detail.unknown.push(`<TakControl>${inner}</TakControl>`);
  return event;
}

/** Server: offers the TAK protocol versions it supports (default `[1]`). Send at most once per connection. */
export function buildProtocolOffer(options: ControlMessageOptions & { versions?: readonly number[] } = {}): CotEvent {
  const versions = options.versions ?? [1];
  return control(TAK_PROTOCOL_OFFER, versions.map((v) => xmlElement('TakProtocolSupport', [['version', v]])).join(''), options);
}

/** Client: asks to switch to `version` (default 1). */
export function buildProtocolRequest(options: ControlMessageOptions & { version?: number } = {}): CotEvent {
  return control(TAK_PROTOCOL_REQUEST, xmlElement('TakRequest', [['version', options.version ?? 1]]), options);
}

/** Server: accepts or refuses a request. After `accepted: true` send only `0xBF` frames. */
export function buildProtocolResponse(options: ControlMessageOptions & { accepted: boolean }): CotEvent {
  return control(TAK_PROTOCOL_RESPONSE, xmlElement('TakResponse', [['status', options.accepted]]), options);
}

function versionOf(text: string | undefined): number | undefined {
  const v = Number(text);
  return text !== undefined && Number.isInteger(v) && v >= 0 ? v : undefined;
}

function takControlChildren(event: CotEvent, type: string, child: string): Map<string, string>[] | undefined {
  if (event.type !== type) return undefined;
  const element = findDetailElement(event.detail, 'TakControl');
  return element?.children.filter((c) => c.name === child).map((c) => c.attrs) ?? [];
}

/** Recognises a server offer; returns the versions offered (possibly none), or undefined for other events. */
export function readProtocolOffer(event: CotEvent): { uid: string; versions: number[] } | undefined {
  const supports = takControlChildren(event, TAK_PROTOCOL_OFFER, 'TakProtocolSupport');
  if (supports === undefined) return undefined;
  const versions = supports.map((a) => versionOf(a.get('version'))).filter((v) => v !== undefined);
  return { uid: event.uid, versions };
}

/** Recognises a client request; `version` is undefined when the request names none (refuse it). */
export function readProtocolRequest(event: CotEvent): { uid: string; version: number | undefined } | undefined {
  const requests = takControlChildren(event, TAK_PROTOCOL_REQUEST, 'TakRequest');
  if (requests === undefined) return undefined;
  return { uid: event.uid, version: requests.length === 1 ? versionOf(requests[0]?.get('version')) : undefined };
}

/** Recognises a server response. */
export function readProtocolResponse(event: CotEvent): { uid: string; accepted: boolean } | undefined {
  const responses = takControlChildren(event, TAK_PROTOCOL_RESPONSE, 'TakResponse');
  if (responses === undefined) return undefined;
  return { uid: event.uid, accepted: responses[0]?.get('status') === 'true' };
}

/** Whether the event is a client keep-alive ping. */
export function isPing(event: CotEvent): boolean {
  return event.type === PING;
}

/** Client (or simulator): a keep-alive ping from `uid`. */
export function buildPing(options: { uid: string; now?: number }): CotEvent {
  return buildEvent({ uid: `${options.uid}-ping`, type: PING, how: 'm-g', now: options.now, staleAfterMs: 20_000 });
}

/** Server: the answer to a ping. */
export function buildPong(options: { now?: number } = {}): CotEvent {
  return buildEvent({ uid: 'takPong', type: PONG, how: 'h-g-i-g-o', now: options.now, staleAfterMs: 20_000 });
}
