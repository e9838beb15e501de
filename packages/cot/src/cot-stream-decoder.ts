import { ByteQueue } from './byte-queue.ts';
import { parseMessage } from './parse-event.ts';
import type { CotAuth, CotError, CotEvent } from './types.ts';

/** What {@link CotStreamDecoder.read} returns. `malformed` is skippable; after `fatal` drop the connection. */
export type CotStreamItem =
  | { kind: 'event'; event: CotEvent; xml: string }
  | { kind: 'auth'; auth: CotAuth }
  | { kind: 'malformed'; error: CotError; xml: string }
  | { kind: 'fatal'; error: CotError };

/** Limits for {@link CotStreamDecoder}. */
export interface CotStreamOptions {
  /** Largest accepted message in bytes (default 64 KiB); a larger one is a fatal `OVERSIZE`. */
  maxEventBytes?: number;
  /** Most bytes held unread (default the larger of 1 MiB and 4 x maxEventBytes); more is a fatal `BUFFER_FULL`. */
  maxBufferBytes?: number;
}

// Scanner states. Top level: between messages. Others: inside a message.
const TOP = 0;
const TOP_LT = 1;
const TOP_BANG = 2;
const TOP_SKIP = 3;
const BOM = 4;
const TAG_NAME = 5;
const TAG = 6;
const QUOTE = 7;
const CONTENT = 8;
const LT = 9;
const END_NAME = 10;
const END_REST = 11;
const BANG = 12;
const SKIP = 13;

const EVENT_OPEN = [0x3c, 0x65, 0x76, 0x65, 0x6e, 0x74]; // "<event"
const EVENT_CLOSE = [0x3c, 0x2f, 0x65, 0x76, 0x65, 0x6e, 0x74, 0x3e]; // "</event>"
const CDATA = [0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b]; // "[CDATA["
const MAX_NAME = 64;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}
function isLetter(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a);
}
function isNameStart(b: number): boolean {
  return isLetter(b) || b === 0x5f || b === 0x3a || b >= 0x80;
}
function isNameChar(b: number): boolean {
  return isNameStart(b) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2e;
}

/**
 * Splits a plain CoT TCP stream into messages. Feed it chunks as they arrive (`push`), then call `read` until it
 * returns undefined. It understands just enough XML (quotes, comments, CDATA, nesting) to find where each top-level
 * element ends whatever the packet boundaries; `<?xml?>` declarations, comments and whitespace between messages are
 * skipped. Fatal (the server drops the connection): a message over `maxEventBytes`, a DOCTYPE or entity
 * declaration, bytes that cannot start a message. A well-framed message that does not parse is `malformed` and the
 * stream goes on.
 */
export class CotStreamDecoder {
  private readonly queue = new ByteQueue();
  private readonly maxEventBytes: number;
  private readonly maxBufferBytes: number;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private state = TOP;
  /** Scan position and message start, relative to the queue head. */
  private pos = 0;
  private start = 0;
  private depth = 0;
  private sub = 0; // progress through a multi-byte token (BOM, "<!--", "[CDATA[", terminator runs)
  private closeByte = 0; // terminator run byte ('-', ']', '?') or quote byte
  private closeRun = 0; // how many closeByte make the terminator before '>'
  private prev = 0;
  private rootName = '';
  private name = '';
  private rootTag = false;
  private failed: CotError | undefined;
  private reported = false;

  constructor(options: CotStreamOptions = {}) {
    this.maxEventBytes = options.maxEventBytes ?? 65536;
    this.maxBufferBytes = options.maxBufferBytes ?? Math.max(1 << 20, 4 * this.maxEventBytes);
  }

  /** Appends bytes received from the socket. */
  push(chunk: Uint8Array): void {
    if (this.failed) return;
    if (this.queue.length + chunk.length > this.maxBufferBytes) {
      this.failed = { code: 'BUFFER_FULL', message: `more than ${this.maxBufferBytes} bytes unread` };
      return;
    }
    this.queue.push(chunk);
  }

  /** The next complete message, or undefined when more bytes are needed (or after a fatal error was returned). */
  read(): CotStreamItem | undefined {
    if (!this.failed) {
      const fast = this.state === TOP && this.pos === 0 ? this.fastEvent() : undefined;
      if (fast) return fast;
      const end = this.scan();
      if (end !== undefined) return this.message(end);
    }
    if (this.failed && !this.reported) {
      this.reported = true;
      return { kind: 'fatal', error: this.failed };
    }
    return undefined;
  }

  /**
   * Takes the bytes after the last message read, e.g. to hand them to a TakStreamDecoder once TAK Protocol v1 has
   * been negotiated. The decoder is empty afterwards.
   */
  remainder(): Uint8Array {
    this.state = TOP;
    this.pos = 0;
    return this.queue.takeAll();
  }

  private message(end: number): CotStreamItem {
    const bytes = this.queue.data.subarray(this.queue.head + this.start, this.queue.head + end);
    this.queue.consume(end);
    this.pos = 0;
    this.state = TOP;
    let xml: string;
    try {
      xml = this.utf8.decode(bytes);
    } catch {
      return { kind: 'malformed', error: { code: 'BAD_UTF8', message: 'message is not valid UTF-8' }, xml: '' };
    }
    const parsed = parseMessage(xml);
    if (!parsed.ok) return { kind: 'malformed', error: parsed.error, xml };
    return parsed.kind === 'auth' ? { kind: 'auth', auth: parsed.auth } : { kind: 'event', event: parsed.event, xml };
  }

  /**
   * The fast path for what nearly every device sends: an `<event ...>` that ends at the first `</event>` in the
   * buffer, found with a native byte search instead of the byte-by-byte scanner. It is taken only when that
   * candidate parses as one complete event, in which case the scanner would have framed exactly the same bytes
   * (it too ends a message at the first end tag named like the root). Anything else (an incomplete message, a
   * comment, an oversize or malformed candidate, a self-closing root) is left untouched for the scanner.
   */
  private fastEvent(): CotStreamItem | undefined {
    const q = this.queue;
    let skip = 0;
    while (skip < q.length && isSpace(q.data[q.head + skip]!)) skip++;
    if (skip > 0) q.consume(skip);
    if (q.length < EVENT_OPEN.length + EVENT_CLOSE.length) return undefined;
    const data = q.data;
    const start = q.head;
    for (let k = 0; k < EVENT_OPEN.length; k++) if (data[start + k] !== EVENT_OPEN[k]) return undefined;
    const after = data[start + EVENT_OPEN.length]!;
    if (!isSpace(after) && after !== 0x3e) return undefined;
    // The first "</event" must be "</event>" and end the candidate: the scanner ends a message at the first end tag
    // named like the root, whatever spaces follow the name.
    const limit = Math.min(q.tail, start + this.maxEventBytes);
    let end = -1;
    for (let i = data.indexOf(0x3c, start + EVENT_OPEN.length); i >= 0 && i + EVENT_CLOSE.length <= limit; i = data.indexOf(0x3c, i + 1)) {
      let k = 1;
      while (k < EVENT_CLOSE.length - 1 && data[i + k] === EVENT_CLOSE[k]) k++;
      if (k < EVENT_CLOSE.length - 1) continue;
      if (data[i + k] !== 0x3e) return undefined;
      end = i + EVENT_CLOSE.length;
      break;
    }
    if (end < 0 || end > q.tail) return undefined;
    let xml: string;
    try {
      xml = this.utf8.decode(data.subarray(start, end));
    } catch {
      return undefined;
    }
    const parsed = parseMessage(xml);
    if (!parsed.ok || parsed.kind !== 'event') return undefined;
    q.consume(end - start);
    return { kind: 'event', event: parsed.event, xml };
  }

  private fatal(code: CotError['code'], message: string): undefined {
    this.failed = { code, message };
    return undefined;
  }

  /** Scans new bytes; returns the end offset of a complete message, or undefined. */
  private scan(): number | undefined {
    const q = this.queue;
    const data = q.data;
    const base = q.head;
    const length = q.length;
    let i = this.pos;
    for (; i < length; i++) {
      const b = data[base + i]!;
      const s = this.state;
      if (s >= TAG_NAME && i - this.start >= this.maxEventBytes) {
        return this.fatal('OVERSIZE', `message longer than ${this.maxEventBytes} bytes`);
      }
      if (s === CONTENT) {
        if (b === 0x3c) this.state = LT;
      } else if (s === QUOTE) {
        if (b === this.closeByte) this.state = TAG;
      } else if (s === TAG || s === TAG_NAME) {
        if (s === TAG_NAME && isNameChar(b)) {
          if (this.rootTag && this.name.length < MAX_NAME) this.name += String.fromCharCode(b);
          continue;
        }
        if (s === TAG_NAME && this.rootTag) this.rootName = this.name;
        this.state = TAG;
        if (b === 0x22 || b === 0x27) {
          this.state = QUOTE;
          this.closeByte = b;
        } else if (b === 0x3e) {
          if (this.prev !== 0x2f) this.depth++;
          else if (this.depth === 0) return this.done(i);
          this.state = CONTENT;
        }
      } else if (s === LT) {
        if (b === 0x2f) {
          this.state = END_NAME;
          this.name = '';
        } else if (b === 0x21) {
          this.state = BANG;
          this.sub = 0;
        } else if (b === 0x3f) {
          this.skip(0x3f, 1);
        } else if (isNameStart(b)) {
          this.state = TAG_NAME;
          this.rootTag = false;
        } else {
          this.state = CONTENT; // "<" in text: not our problem, the parser will report it
        }
      } else if (s === END_NAME || s === END_REST) {
        if (s === END_NAME && isNameChar(b)) {
          if (this.name.length <= MAX_NAME) this.name += String.fromCharCode(b);
        } else if (b === 0x3e) {
          this.depth--;
          if (this.depth <= 0 || this.name === this.rootName) return this.done(i);
          this.state = CONTENT;
        } else {
          this.state = END_REST;
        }
      } else if (s === SKIP || s === TOP_SKIP) {
        if (b === this.closeByte) this.closeRun++;
        else if (b === 0x3e && this.closeRun >= this.sub) this.state = s === SKIP ? CONTENT : TOP;
        else this.closeRun = 0;
        if (s === TOP_SKIP && i - this.start >= this.maxEventBytes) {
          return this.fatal('OVERSIZE', `declaration or comment longer than ${this.maxEventBytes} bytes`);
        }
      } else if (s === BANG) {
        // sub: 0 just after "<!", -1 after "<!-", n >= 1 after n bytes of "[CDATA[".
        if (this.sub === 0 && isLetter(b)) return this.fatal('DOCTYPE_FORBIDDEN', 'DOCTYPE or entity declaration');
        if (this.sub <= 0 && b === 0x2d) {
          if (this.sub === -1) this.skip(0x2d, 2);
          else this.sub = -1;
        } else if (this.sub >= 0 && b === CDATA[this.sub]) {
          this.sub++;
          if (this.sub === CDATA.length) this.skip(0x5d, 2);
        } else {
          this.state = CONTENT;
        }
      } else if (this.top(b, i) === false) {
        return undefined;
      }
      if (this.state === TAG || this.state === TAG_NAME) this.prev = b;
    }
    this.pos = i;
    if (this.state === TOP || this.state === BOM || this.state === TOP_SKIP) {
      // Nothing between messages is kept; the skip state only needs its counters.
      q.consume(i);
      this.pos = 0;
      this.start -= i;
    }
    return undefined;
  }

  /** Handles one byte between messages; false after a fatal error. */
  private top(b: number, i: number): boolean {
    const s = this.state;
    if (s === TOP) {
      if (b === 0x3c) {
        this.state = TOP_LT;
        this.start = i;
      } else if (b === 0xef) {
        this.state = BOM;
        this.sub = 1;
      } else if (!isSpace(b)) {
        const hint = b === 0xbf ? ' (a TAK protocol frame before negotiation?)' : '';
        this.fatal('UNEXPECTED_DATA', `byte 0x${b.toString(16)} between messages${hint}`);
        return false;
      }
    } else if (s === BOM) {
      if (b !== (this.sub === 1 ? 0xbb : 0xbf)) {
        this.fatal('UNEXPECTED_DATA', 'bytes between messages');
        return false;
      }
      this.sub++;
      if (this.sub === 3) this.state = TOP;
    } else if (s === TOP_LT) {
      if (b === 0x3f) {
        this.skip(0x3f, 1, TOP_SKIP);
      } else if (b === 0x21) {
        this.state = TOP_BANG;
        this.sub = 0;
      } else if (isNameStart(b)) {
        this.state = TAG_NAME;
        this.rootTag = true;
        this.name = String.fromCharCode(b);
        this.depth = 0;
      } else {
        this.fatal('UNEXPECTED_DATA', `"<" followed by 0x${b.toString(16)} between messages`);
        return false;
      }
    } else if (s === TOP_BANG) {
      if (b === 0x2d && this.sub === 0) {
        this.sub = 1;
      } else if (b === 0x2d) {
        this.skip(0x2d, 2, TOP_SKIP);
      } else {
        const doctype = this.sub === 0 && isLetter(b);
        this.fatal(doctype ? 'DOCTYPE_FORBIDDEN' : 'UNEXPECTED_DATA', doctype ? 'DOCTYPE declaration' : 'bad "<!"');
        return false;
      }
    }
    return true;
  }

  /** Enters a skip state that ends at `run` x `byte` followed by '>'. */
  private skip(byte: number, run: number, state = SKIP): void {
    this.state = state;
    this.closeByte = byte;
    this.sub = run;
    this.closeRun = 0;
  }

  private done(i: number): number {
    this.depth = 0;
    return i + 1;
  }
}
