/** Pure layout of the before/after charts: an estimate with its confidence interval against a reference line. */

/** One row of an interval (forest) chart. */
export interface IntervalRow {
  key: string;
  estimate: number;
  low: number;
  high: number;
}

/**
 * x positions (0..width) of each row's estimate and interval and of the reference value (0 for differences, 1 for
 * ratios), on one linear scale that holds all of them with a little margin. Non-finite values are left out of the scale.
 */
export function intervalLayout(rows: readonly IntervalRow[], reference: number, width: number): {
  reference: number;
  rows: { key: string; x: number; low: number; high: number }[];
  min: number;
  max: number;
} {
  const values = [reference, ...rows.flatMap((r) => [r.estimate, r.low, r.high])].filter(Number.isFinite);
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (max === min) { min -= 1; max += 1; }
  const pad = (max - min) * 0.05;
  min -= pad;
  max += pad;
  const x = (v: number) => Math.round(((Math.min(max, Math.max(min, Number.isFinite(v) ? v : reference)) - min) / (max - min)) * width * 10) / 10;
  return { reference: x(reference), rows: rows.map((r) => ({ key: r.key, x: x(r.estimate), low: x(r.low), high: x(r.high) })), min, max };
}

/** Where an interval lies against the reference: wholly below, wholly above, or spanning it (not conclusive). */
export function intervalVerdict(row: IntervalRow, reference: number): 'below' | 'above' | 'spans' {
  if (row.high < reference) return 'below';
  if (row.low > reference) return 'above';
  return 'spans';
}
