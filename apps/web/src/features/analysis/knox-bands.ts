/** Pure logic of the editable Knox bands: parse and check break points, send them, label them. */

/** Why a list of break points was refused (message keys under `analysis.knox.bandErrors`). */
export type BandError = 'tooFew' | 'tooMany' | 'notNumber' | 'negative' | 'notIncreasing' | 'infinityNotLast' | 'infinityNotAllowed';

/** The API accepts at most this many break points per dimension. */
export const MAX_BREAKS = 20;

/** Defaults after Ratcliffe's Near Repeat Calculator: same place (0–1 m), then 100 m steps; weeks up to four. */
export const DEFAULT_SPACE_BREAKS = '0, 1, 100, 200, 400, 800';
export const DEFAULT_TIME_BREAKS = '0, 7, 14, 21, 28, ∞';

const INFINITY = /^(∞|inf|infinity|infinito)$/i;

/**
 * Parses right-open break points ("0, 7, 14, ∞" makes [0,7), [7,14), [14,∞)): non-negative, strictly increasing,
 * at least two, ∞ only as the last one and only where `allowInfinity`.
 */
export function parseBreaks(text: string, allowInfinity: boolean): { breaks: number[] } | { error: BandError; token?: string } {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  const breaks: number[] = [];
  for (const [i, token] of tokens.entries()) {
    if (INFINITY.test(token)) {
      if (!allowInfinity) return { error: 'infinityNotAllowed', token };
      if (i !== tokens.length - 1) return { error: 'infinityNotLast', token };
      breaks.push(Infinity);
      continue;
    }
    if (!/^-?\d+(\.\d+)?$/.test(token)) return { error: 'notNumber', token };
    const value = Number(token);
    if (value < 0) return { error: 'negative', token };
    if (breaks.length > 0 && value <= breaks[breaks.length - 1]!) return { error: 'notIncreasing', token };
    breaks.push(value);
  }
  if (breaks.length < 2) return { error: 'tooFew' };
  if (breaks.length > MAX_BREAKS) return { error: 'tooMany' };
  return { breaks };
}

/** Breaks as the API takes them: JSON has no ∞, so an open last band is sent as `null`. */
export function breaksForApi(breaks: readonly number[]): (number | null)[] {
  return breaks.map((b) => (Number.isFinite(b) ? b : null));
}

/** The label of band i of right-open breaks: "0–7 días", open-ended ("≥ 28 días") when the upper break is ∞ or missing. */
export function bandLabel(bands: readonly (number | null)[], i: number, unit: string): string {
  const lo = bands[i];
  const hi = bands[i + 1];
  if (lo === null || lo === undefined || !Number.isFinite(lo)) return '—';
  return hi === null || hi === undefined || !Number.isFinite(hi) ? `≥ ${lo} ${unit}` : `${lo}–${hi} ${unit}`;
}

/** A Knox cell is significant when its pseudo p-value is at most alpha and more pairs were seen than expected. */
export function knoxSignificant(ratio: number | null, p: number | null, alpha = 0.05): boolean {
  return ratio !== null && p !== null && ratio > 1 && p <= alpha;
}
