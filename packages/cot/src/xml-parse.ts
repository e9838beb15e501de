import type { CotError, CotErrorCode } from './types.ts';
import { decodeXmlText } from './xml-entities.ts';

/**
 * A small, strict, non-validating XML reader for one CoT message.
 *
 * Why not fast-xml-parser: its parser plus validator cost about 110 µs for a 600-byte ATAK position on this machine,
 * over a core at the 10,000 reports/s the server must sustain; this reader does the same checks in a few µs and
 * also returns each element's exact source range, which is what lets unknown detail elements be relayed byte for
 * byte. fast-xml-parser's validator stays as the test oracle (xml-parse.test.ts).
 *
 * Checks: one root element, matching end tags, quoted and unique attributes, no `<` in attribute values, depth limit.
 * Refuses any `<!DOCTYPE`/`<!ENTITY`/... declaration. Decodes only predefined and numeric references.
 */

/** One parsed element with its source range `[start, end)`. */
export interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  /** Decoded text and CDATA directly inside the element, concatenated. */
  text: string;
  start: number;
  end: number;
}

/** Result of {@link parseXml}. */
export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; error: CotError };

/** Nesting deeper than this is refused (real CoT is 4 or 5 levels deep). */
export const DEFAULT_MAX_DEPTH = 32;

class XmlSyntaxError extends Error {
  constructor(
    readonly code: CotErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0xc0;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0xb7;
}

/** Parses one XML document (declaration, comments and processing instructions around the root are allowed). */
export function parseXml(source: string, maxDepth = DEFAULT_MAX_DEPTH): XmlParseResult {
  try {
    return { ok: true, root: new Reader(source, maxDepth).document() };
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

class Reader {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly maxDepth: number,
  ) {}

  document(): XmlElement {
    if (this.src.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.misc();
    if (this.src[this.pos] !== '<') this.fail('MALFORMED_XML', 'expected the root element');
    const root = this.elementTree();
    this.misc();
    if (this.pos < this.src.length) this.fail('MALFORMED_XML', 'content after the root element');
    return root;
  }

  private fail(code: CotErrorCode, message: string): never {
    throw new XmlSyntaxError(code, `${message} at offset ${this.pos}`);
  }

  /** Skips whitespace, comments and processing instructions outside the root. */
  private misc(): void {
    const src = this.src;
    for (;;) {
      while (this.pos < src.length && isSpace(src.charCodeAt(this.pos))) this.pos++;
      if (src.startsWith('<?', this.pos)) this.skipPast(2, '?>', 'processing instruction');
      else if (src.startsWith('<!--', this.pos)) this.skipPast(4, '-->', 'comment');
      else if (src.startsWith('<!', this.pos)) this.declaration();
      else return;
    }
  }

  private declaration(): never {
    if (/^<!\s*[A-Za-z]/.test(this.src.slice(this.pos, this.pos + 12))) {
      this.fail('DOCTYPE_FORBIDDEN', 'DOCTYPE and entity declarations are not accepted');
    }
    this.fail('MALFORMED_XML', 'unexpected <!');
  }

  /** Skips from `pos` (at a `<`) past `terminator`, searching after the `open` characters that started it. */
  private skipPast(open: number, terminator: string, what: string): string {
    const end = this.src.indexOf(terminator, this.pos + open);
    if (end < 0) this.fail('MALFORMED_XML', `unterminated ${what}`);
    const body = this.src.slice(this.pos, end);
    this.pos = end + terminator.length;
    return body;
  }

  /** Reads the root element and everything inside it, iteratively (no recursion on hostile depth). */
  private elementTree(): XmlElement {
    const src = this.src;
    const stack: XmlElement[] = [];
    for (;;) {
      const element = this.startTag();
      const parent = stack[stack.length - 1];
      parent?.children.push(element);
      if (element.end === element.start) {
        if (stack.length >= this.maxDepth) this.fail('TOO_DEEP', `elements nested deeper than ${this.maxDepth}`);
        stack.push(element);
      } else if (parent === undefined) {
        return element;
      }
      // Content until the next start tag (or the end of the root).
      for (;;) {
        const current = stack[stack.length - 1];
        if (current === undefined) this.fail('MALFORMED_XML', 'internal state');
        const lt = src.indexOf('<', this.pos);
        if (lt < 0) this.fail('MALFORMED_XML', `unclosed <${current.name}>`);
        if (lt > this.pos) current.text += decodeXmlText(src.slice(this.pos, lt));
        this.pos = lt;
        const next = src.charCodeAt(lt + 1);
        if (next === SLASH) {
          this.endTag(current);
          stack.pop();
          if (stack.length === 0) return current;
        } else if (next === BANG) {
          if (src.startsWith('<!--', lt)) this.skipPast(4, '-->', 'comment');
          else if (src.startsWith('<![CDATA[', lt)) current.text += this.skipPast(9, ']]>', 'CDATA section').slice(9);
          else this.declaration();
        } else if (next === QUESTION) {
          this.skipPast(2, '?>', 'processing instruction');
        } else {
          break;
        }
      }
    }
  }

  private name(): string {
    const src = this.src;
    const start = this.pos;
    if (!isNameStart(src.charCodeAt(start))) this.fail('MALFORMED_XML', 'expected a name');
    let i = start + 1;
    while (i < src.length && isNameChar(src.charCodeAt(i))) i++;
    this.pos = i;
    return src.slice(start, i);
  }

  private skipSpace(): boolean {
    const start = this.pos;
    while (this.pos < this.src.length && isSpace(this.src.charCodeAt(this.pos))) this.pos++;
    return this.pos > start;
  }

  /** Reads `<name attr="v" ...>` or `.../>`; leaves `pos` after the `>`. */
  private startTag(): XmlElement {
    const src = this.src;
    const start = this.pos;
    this.pos++;
    const element: XmlElement = { name: this.name(), attrs: new Map(), children: [], text: '', start, end: start };
    for (;;) {
      const spaced = this.skipSpace();
      const c = src.charCodeAt(this.pos);
      if (c === GT) {
        this.pos++;
        return element;
      }
      if (c === SLASH && src.charCodeAt(this.pos + 1) === GT) {
        this.pos += 2;
        element.end = this.pos;
        return element;
      }
      if (!spaced) this.fail('MALFORMED_XML', `bad start tag <${element.name}>`);
      const attribute = this.name();
      this.skipSpace();
      if (src.charCodeAt(this.pos) !== EQUALS) this.fail('MALFORMED_XML', `attribute ${attribute} has no value`);
      this.pos++;
      this.skipSpace();
      const quote = src[this.pos];
      if (quote !== '"' && quote !== "'") this.fail('MALFORMED_XML', `attribute ${attribute} is not quoted`);
      const close = src.indexOf(quote, this.pos + 1);
      if (close < 0) this.fail('MALFORMED_XML', `unterminated attribute ${attribute}`);
      const raw = src.slice(this.pos + 1, close);
      if (raw.includes('<')) this.fail('MALFORMED_XML', `'<' in attribute ${attribute}`);
      if (element.attrs.has(attribute)) this.fail('MALFORMED_XML', `repeated attribute ${attribute}`);
      element.attrs.set(attribute, decodeXmlText(raw));
      this.pos = close + 1;
    }
  }

  /** Reads `</name >` for `element`; leaves `pos` after the `>`. */
  private endTag(element: XmlElement): void {
    this.pos += 2;
    const name = this.name();
    if (name !== element.name) this.fail('MALFORMED_XML', `</${name}> closes <${element.name}>`);
    this.skipSpace();
    if (this.src.charCodeAt(this.pos) !== GT) this.fail('MALFORMED_XML', `bad end tag </${name}>`);
    this.pos++;
    element.end = this.pos;
  }
}
