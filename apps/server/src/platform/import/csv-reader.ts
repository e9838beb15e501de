import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import type { ErrorCode } from '../errors/messages.ts';

/** Longest record accepted (bytes of text): a bigger one is refused instead of growing memory without bound. */
export const MAX_RECORD_BYTES = 64 * 1024;
/** Most columns accepted in a file. */
export const MAX_COLUMNS = 300;

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvDelimiter = 'auto' | ',' | ';' | '\t';

/** A problem that makes the rest of the file unreadable (bad encoding, broken quoting): reading stops there. */
export class CsvFileError extends Error {
  override readonly name = 'CsvFileError';
  constructor(
    readonly code: ErrorCode,
    readonly line: number,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} at line ${line}`);
  }
}

/** One record of the file, with the physical line where it starts (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvReadOptions {
  path: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Called as bytes of the file are consumed. */
  onBytes?: (bytesRead: number) => void;
}

/**
 * Decodes bytes as UTF-8 (strictly: an invalid byte stops the file with its line, so that a Latin-1 file is not
 * silently stored with replacement characters) or as Windows-1252 (what Excel in Spanish saves by default).
 */
class Decode extends Transform {
  private readonly decoder: TextDecoder;
  private line = 1;
  private bytes = 0;
  constructor(
    private readonly encoding: CsvEncoding,
    private readonly onBytes?: (n: number) => void,
  ) {
    super({ decodeStrings: true, readableObjectMode: false });
    this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      done(new CsvFileError('IMPORT_ENCODING_INVALID', this.line + newlinesBeforeInvalidUtf8(chunk), { encoding: this.encoding }));
      return;
    }
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 0x0a) this.line++;
    this.bytes += chunk.length;
    this.onBytes?.(this.bytes);
    done(null, text);
  }
  override _flush(done: TransformCallback): void {
    try {
      done(null, this.decoder.decode());
    } catch {
      done(new CsvFileError('IMPORT_ENCODING_INVALID', this.line, { encoding: this.encoding }));
    }
  }
}

/** Newlines before the first byte that is not valid UTF-8 in a chunk (to report the line of a bad byte). */
function newlinesBeforeInvalidUtf8(buf: Buffer): number {
  let lines = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b === 0x0a) lines++;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return lines;
    for (let k = 1; k <= need; k++) {
      if (i + k >= buf.length) return lines; // cut at the chunk's end: the error is the next chunk's
      if ((buf[i + k]! & 0xc0) !== 0x80) return lines;
    }
    i += need + 1;
  }
  return lines;
}

/** Picks `,`, `;` or tab from a header line: the one that occurs most outside quotes. */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** Reads the first line of the file (up to 64 KiB) to detect the delimiter. */
async function firstLine(path: string, encoding: CsvEncoding): Promise<string> {
  const stream = createReadStream(path, { start: 0, end: MAX_RECORD_BYTES - 1 });
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  const text = new TextDecoder(encoding).decode(Buffer.concat(parts));
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

const CSV_ERROR_CODES: Record<string, ErrorCode> = {
  CSV_QUOTE_NOT_CLOSED: 'IMPORT_CSV_QUOTE_NOT_CLOSED',
  CSV_INVALID_CLOSING_QUOTE: 'IMPORT_CSV_INVALID_QUOTE',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'IMPORT_CSV_INVALID_QUOTE',
  CSV_MAX_RECORD_SIZE: 'IMPORT_CSV_RECORD_TOO_LARGE',
  INVALID_OPENING_QUOTE: 'IMPORT_CSV_INVALID_QUOTE',
  CSV_INVALID_OPENING_QUOTE: 'IMPORT_CSV_INVALID_QUOTE',
};

/** The line a record starts on, from csv-parse's end line and the record's raw text. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  let inner = 0;
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) inner++;
  return endLine - inner;
}

/**
 * Streams the records of a CSV file, header first, never holding more than one record: decoding, quoting and
 * size limits are enforced as it goes. A broken file ends with a `CsvFileError` naming the line where the
 * broken record starts. Empty lines are skipped; a BOM is dropped.
 */
export async function* readCsv(options: CsvReadOptions): AsyncGenerator<CsvRecord> {
  const delimiter = options.delimiter === 'auto' ? detectDelimiter(await firstLine(options.path, options.encoding)) : options.delimiter;
  const source = createReadStream(options.path, { highWaterMark: 64 * 1024 });
  const decode = new Decode(options.encoding, options.onBytes);
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  // Errors of the source or decoder are forwarded to the parser, whose iterator then throws them.
  source.on('error', (err) => parser.destroy(err));
  decode.on('error', (err) => parser.destroy(err));
  source.pipe(decode).pipe(parser);
  let lastEnd = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      const line = startLine(item.info.lines, item.raw);
      lastEnd = item.info.lines;
      if (item.record.length > MAX_COLUMNS) throw new CsvFileError('IMPORT_CSV_TOO_MANY_COLUMNS', line, { limit: MAX_COLUMNS });
      yield { line, cells: item.record };
    }
  } catch (err) {
    if (err instanceof CsvFileError) throw err;
    const code = (err as { code?: string }).code;
    const mapped = code ? CSV_ERROR_CODES[code] : undefined;
    if (mapped) {
      // The broken record starts right after the last good one (csv-parse reports where it gave up).
      const reported = (err as { lines?: number }).lines ?? lastEnd + 1;
      const line = code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE' ? lastEnd + 1 : reported;
      throw new CsvFileError(mapped, line, { limit: MAX_RECORD_BYTES });
    }
    throw err;
  } finally {
    source.destroy();
    decode.destroy();
    parser.destroy();
  }
}
