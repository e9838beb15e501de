import { AnalyticsError } from './errors.ts';
import type { Weights } from './weights.ts';
import { weightsFromLists } from './weights.ts';

const bad = (message: string): AnalyticsError => new AnalyticsError('BAD_WEIGHTS_FILE', message);

/** Lines without trailing carriage returns, and the header's tokens. */
function splitFile(text: string): { header: string[]; body: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw bad('the weights file is empty');
  return { header: lines[first]!.trim().split(/\s+/), body: lines.slice(first + 1) };
}

/** GeoDa headers are either `n` or `0 n layer idVariable`; returns n. */
function headerCount(header: string[]): number {
  const raw = header.length === 1 ? header[0] : header[1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw bad(`the header "${header.join(' ')}" does not give the number of observations`);
  return n;
}

/**
 * Reads a GeoDa/PySAL `.gal` contiguity file: a header (`n`, or `0 n layer idVariable`) then, per observation, a
 * line `id k` followed by a line with its k neighbour ids. Observations keep the file's order (`ids`); weights are 1.
 */
export function readGal(text: string): Weights {
  const { header, body } = splitFile(text);
  const n = headerCount(header);
  const tokens = body.join(' ').split(/\s+/).filter((t) => t !== '');
  const ids: string[] = [];
  const raw: string[][] = [];
  let at = 0;
  while (at < tokens.length) {
    const id = tokens[at++]!;
    const k = Number(tokens[at++]);
    if (!Number.isInteger(k) || k < 0) throw bad(`observation ${id}: "${tokens[at - 1] ?? ''}" is not a neighbour count`);
    if (at + k > tokens.length) throw bad(`observation ${id}: ${k} neighbours announced, fewer listed`);
    ids.push(id);
    raw.push(tokens.slice(at, at + k));
    at += k;
  }
  if (ids.length !== n) throw bad(`the header announces ${n} observations but the file lists ${ids.length}`);
  const index = indexIds(ids);
  const neighbours = raw.map((row, i) => row.map((id) => lookup(index, id, `observation ${ids[i]!}`)));
  return weightsFromLists(neighbours, undefined, ids);
}

/** Options for {@link readGwt}. */
export interface ReadGwtOptions {
  /**
   * The observation ids in the order of the values array. Needed to keep islands (a GWT file lists links only) and
   * to impose an order. Without it: integer ids 1..n (or 0..n-1) where the header's n allows, islands included;
   * otherwise numeric order for integer ids, else order of first appearance.
   */
  ids?: readonly string[];
}

/**
 * Reads a GeoDa `.gwt` file: a header (`0 n layer idVariable`, or `n`) then one link per line, `origin destination
 * weight` (e.g. a distance or inverse distance). Weights are used as written.
 */
export function readGwt(text: string, options: ReadGwtOptions = {}): Weights {
  const { header, body } = splitFile(text);
  const n = headerCount(header);
  const links: [string, string, number][] = [];
  body.forEach((line, k) => {
    const t = line.trim();
    if (t === '') return;
    const [a, b, w, ...rest] = t.split(/\s+/);
    const weight = Number(w);
    if (a === undefined || b === undefined || w === undefined || rest.length > 0 || !Number.isFinite(weight)) {
      throw bad(`line ${k + 2}: expected "origin destination weight", got "${t}"`);
    }
    links.push([a, b, weight]);
  });
  const ids = options.ids ? [...options.ids] : inferGwtIds(links, n);
  const index = indexIds(ids);
  const neighbours: number[][] = ids.map(() => []);
  const weights: number[][] = ids.map(() => []);
  for (const [a, b, weight] of links) {
    const i = lookup(index, a, 'a link');
    neighbours[i]!.push(lookup(index, b, `observation ${a}`));
    weights[i]!.push(weight);
  }
  return weightsFromLists(neighbours, weights, ids);
}

function inferGwtIds(links: readonly [string, string, number][], n: number): string[] {
  const seen = new Set<string>();
  for (const [a, b] of links) {
    seen.add(a);
    seen.add(b);
  }
  const all = [...seen];
  if (!all.every((id) => /^-?\d+$/.test(id))) return all;
  let min = Infinity;
  let max = -Infinity;
  for (const id of all) {
    min = Math.min(min, Number(id));
    max = Math.max(max, Number(id));
  }
  const canonical = all.every((id) => String(Number(id)) === id);
  for (const base of [1, 0]) {
    if (canonical && all.length > 0 && min >= base && max <= n - 1 + base) return Array.from({ length: n }, (_, i) => String(i + base));
  }
  return all.sort((p, q) => Number(p) - Number(q));
}

function indexIds(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw bad(`observation id ${id} appears twice`);
    index.set(id, i);
  });
  return index;
}

function lookup(index: Map<string, number>, id: string, where: string): number {
  const i = index.get(id);
  if (i === undefined) throw bad(`${where} refers to id ${id}, which is not an observation of the file`);
  return i;
}
