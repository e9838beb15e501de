/**
 * Reads the header row of a CSV file in the browser from its first bytes only (the file itself is never read
 * whole): detects `,` `;` or tab, honours quotes, drops a BOM. Used to propose the column mapping before upload.
 */
export function parseHeaderLine(text: string): string[] {
  const clean = text.replace(/^\uFEFF/, '');
  const line = firstRecord(clean);
  const delimiter = detectDelimiter(line);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  while (cells.length > 0 && cells.at(-1) === '') cells.pop();
  return cells;
}

/** The first record of the text (a quoted newline does not end it). */
function firstRecord(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return text.slice(0, i);
  }
  return text;
}

function detectDelimiter(line: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/** Reads the first 64 KiB of a file as text (UTF-8 or Windows-1252) and parses its header. */
export async function readHeader(file: File, encoding: 'utf-8' | 'windows-1252'): Promise<string[]> {
  const bytes = await file.slice(0, 64 * 1024).arrayBuffer();
  return parseHeaderLine(new TextDecoder(encoding).decode(bytes));
}
