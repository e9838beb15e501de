import { check } from './errors.ts';

/** Result of {@link benjaminiHochberg}. */
export interface FdrResult {
  /** The p-value cut-off k* alpha / m (0 when nothing is significant). */
  threshold: number;
  significant: boolean[];
}

/**
 * Benjamini-Hochberg false discovery rate control: sort the m finite p-values ascending, k* = max{k : p(k) <= k
 * alpha / m}, and call significant every p <= k* alpha / m. Ties are all in or all out. NaN p-values (undefined
 * statistics) are never significant and do not count in m.
 */
export function benjaminiHochberg(p: ArrayLike<number>, alpha: number): FdrResult {
  check(alpha > 0 && alpha < 1, 'alpha must be between 0 and 1');
  const finite: number[] = [];
  for (let i = 0; i < p.length; i++) if (Number.isFinite(p[i])) finite.push(p[i]!);
  finite.sort((a, b) => a - b);
  const m = finite.length;
  let kStar = 0;
  for (let k = m; k >= 1; k--) {
    // The relative slack absorbs rounding in k * alpha / m, so that a p equal to its rank's bound on paper counts.
    if (finite[k - 1]! <= ((k * alpha) / m) * (1 + 1e-12)) {
      kStar = k;
      break;
    }
  }
  const threshold = (kStar * alpha) / Math.max(m, 1);
  const significant = Array.from({ length: p.length }, (_, i) => kStar > 0 && p[i]! <= threshold * (1 + 1e-12));
  return { threshold, significant };
}

/** Options of {@link hotspotBins}. */
export interface HotspotBinOptions {
  /** Apply the false discovery rate at each confidence level (as ArcGIS's "Apply FDR correction"). */
  fdr?: boolean;
}

/**
 * ArcGIS-style confidence bins for z-scores and two-sided p-values: +3/+2/+1 for hot spots at 99/95/90 %
 * confidence, -3/-2/-1 for cold spots, 0 for not significant. With `fdr`, each level's cut-off is the
 * Benjamini-Hochberg threshold at alpha 0.01, 0.05 and 0.10 instead of the alpha itself.
 */
export function hotspotBins(z: ArrayLike<number>, p: ArrayLike<number>, options: HotspotBinOptions = {}): Int8Array {
  check(z.length === p.length, 'z and p must have the same length');
  const levels = [0.1, 0.05, 0.01].map((alpha) => (options.fdr ? benjaminiHochberg(p, alpha).threshold : alpha));
  const bins = new Int8Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const pi = p[i]!;
    if (!Number.isFinite(pi) || !Number.isFinite(z[i])) continue;
    let level = 0;
    levels.forEach((cut, k) => {
      // Without FDR a p-value must be below alpha; the FDR threshold is itself attained (p <= k* alpha / m).
      if (options.fdr ? pi <= cut * (1 + 1e-12) && cut > 0 : pi < cut) level = k + 1;
    });
    bins[i] = Math.sign(z[i]!) * level;
  }
  return bins;
}
