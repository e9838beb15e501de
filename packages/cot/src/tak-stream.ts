import { ByteQueue } from './byte-queue.ts';
import { decodeTakMessage, encodeTakMessage } from './tak-message.ts';
import type { TakMessage } from './tak-message.ts';
import { parseEvent } from './parse-event.ts';
import type { CotError, CotEvent, TakControl } from './types.ts';

/** The TAK Protocol magic byte. */
export const TAK_MAGIC = 0xbf;

/** Appends `value` (a non-negative safe integer) as an unsigned protobuf varint. */
export function encodeVarint(value: number): number[] {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint out of range: ${value}`);
  const bytes: number[] = [];
  let v = value;
  while (v >= 0x80) {
    bytes.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  bytes.push(v);
  return bytes;
}

function frame(header: number[], payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(header.length + payload.length);
  out.set(header);
  out.set(payload, header.length);
  return out;
}

/** Encodes one streaming frame: `0xBF <varint length> <TakMessage>`. */
export function encodeTakStreamFrame(message: TakMessage): Uint8Array {
  const payload = encodeTakMessage(message);
  return frame([TAK_MAGIC, ...encodeVarint(payload.length)], payload);
}

/** Encodes one mesh (UDP) packet: `0xBF 0x01 0xBF <TakMessage>`. */
export function encodeMeshPacket(message: TakMessage): Uint8Array {
  return frame([TAK_MAGIC, 1, TAK_MAGIC], encodeTakMessage(message));
}

/**
 * Decodes one mesh datagram: TAK Protocol (`0xBF <version> 0xBF <TakMessage>`, version 1 only) or, for legacy
 * clients, one XML event.
 */
export function decodeMeshPacket(
  packet: Uint8Array,
): { ok: true; message: TakMessage } | { ok: false; error: CotError } {
  if (packet[0] !== TAK_MAGIC) {
    let xml: string;
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(packet);
    } catch {
      return { ok: false, error: { code: 'BAD_UTF8', message: 'datagram is neither TAK protocol nor UTF-8 XML' } };
    }
    const parsed = parseEvent(xml);
    return parsed.ok ? { ok: true, message: { event: parsed.event } } : parsed;
  }
  let version = 0;
  let i = 1;
  for (let scale = 1; i < packet.length && i <= 10; i++, scale *= 0x80) {
    const b = packet[i]!;
    version += (b & 0x7f) * scale;
    if (b < 0x80) break;
  }
  if (packet[i + 1] !== TAK_MAGIC) return { ok: false, error: { code: 'BAD_MAGIC', message: 'bad mesh header' } };
  if (version !== 1) {
    return { ok: false, error: { code: 'UNSUPPORTED_VERSION', message: `TAK protocol version ${version}` } };
  }
  return decodeTakMessage(packet.subarray(i + 2));
}

/** What {@link TakStreamDecoder.read} returns. `malformed` is skippable; after `fatal` drop the connection. */
export type TakStreamItem =
  | { kind: 'event'; event: CotEvent; control?: TakControl }
  | { kind: 'control'; control: TakControl }
  | { kind: 'malformed'; error: CotError }
  | { kind: 'fatal'; error: CotError };

/** Limits for {@link TakStreamDecoder}. */
export interface TakStreamOptions {
  /** Largest accepted payload (default 64 KiB); a length prefix above it is a fatal `OVERSIZE` at once. */
  maxMessageBytes?: number;
}

/**
 * Splits a TAK Protocol v1 stream (after negotiation) into messages: `0xBF <varint length> <TakMessage>` back to
 * back, split anywhere across chunks. A wrong magic byte, a varint over 10 bytes or a length above the limit is
 * fatal; a payload that is not a valid TakMessage is `malformed` and the stream goes on.
 */
export class TakStreamDecoder {
  private readonly queue = new ByteQueue();
  private readonly maxMessageBytes: number;
  private failed: CotError | undefined;
  private reported = false;

  constructor(options: TakStreamOptions = {}) {
    this.maxMessageBytes = options.maxMessageBytes ?? 65536;
  }

  /** Appends bytes received from the socket. */
  push(chunk: Uint8Array): void {
    if (!this.failed) this.queue.push(chunk);
  }

  /** The next complete message, or undefined when more bytes are needed (or after a fatal error was returned). */
  read(): TakStreamItem | undefined {
    if (!this.failed) {
      const item = this.next();
      if (item) return item;
    }
    if (this.failed && !this.reported) {
      this.reported = true;
      return { kind: 'fatal', error: this.failed };
    }
    return undefined;
  }

  private next(): TakStreamItem | undefined {
    const q = this.queue;
    if (q.length === 0) return undefined;
    if (q.data[q.head] !== TAK_MAGIC) {
      this.failed = { code: 'BAD_MAGIC', message: `expected 0xbf, got 0x${(q.data[q.head] ?? 0).toString(16)}` };
      return undefined;
    }
    let length = 0;
    let i = 1;
    for (let scale = 1; ; i++, scale *= 0x80) {
      if (i > 10) {
        this.failed = { code: 'BAD_LENGTH', message: 'length varint longer than 10 bytes' };
        return undefined;
      }
      if (i >= q.length) return undefined; // the varint continues in a later chunk
      const b = q.data[q.head + i]!;
      length += (b & 0x7f) * scale;
      if (length > this.maxMessageBytes) {
        this.failed = { code: 'OVERSIZE', message: `message claims more than ${this.maxMessageBytes} bytes` };
        return undefined;
      }
      if (b < 0x80) break;
    }
    const start = i + 1;
    if (q.length < start + length) return undefined;
    const payload = q.copy(start, start + length);
    q.consume(start + length);
    const decoded = decodeTakMessage(payload);
    if (!decoded.ok) return { kind: 'malformed', error: decoded.error };
    const { event, control } = decoded.message;
    if (event) return control ? { kind: 'event', event, control } : { kind: 'event', event };
    return control ? { kind: 'control', control } : { kind: 'malformed', error: { code: 'EMPTY_MESSAGE', message: 'empty' } };
  }
}
