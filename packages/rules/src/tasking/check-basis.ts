import type { TAreaPart, TCoverageHint } from '../area/area-coverage.ts';
import { areaParts, partCoverage } from '../area/area-coverage.ts';
import type { TControlAuthority } from '../codes.ts';
import { dateOf } from '../dates.ts';
import type { TDayInterval } from '../day-intervals.ts';
import { formatIntervals, intersectInterval, mergeIntervals, subtractIntervals } from '../day-intervals.ts';
import type { TFinding } from '../findings.ts';
import { makeFinding } from '../findings.ts';
import type { TEffectiveInstrument, TInstrumentIndex } from '../instruments/index-instruments.ts';
import type { TArea } from '../instruments/instrument.schema.ts';
import type { TRuleSet } from '../rule-set/rule-set.schema.ts';

/** Which basis instruments cover one part of the area, and on which days of the period. */
export interface TPartBasis {
  readonly part: TAreaPart;
  readonly coveredBy: readonly TEffectiveInstrument[];
  readonly coveredDays: readonly TDayInterval[];
}

export interface TBasisAssessment {
  readonly findings: readonly TFinding[];
  readonly parts: readonly TPartBasis[];
  /** Basis instruments that cover some part on some day, earliest first. */
  readonly bases: readonly TEffectiveInstrument[];
  readonly controlAuthority: TControlAuthority | null;
}

/**
 * A department or province asked for as a whole, under bases declared over its provinces or districts, is judged
 * subdivision by subdivision (when the caller knows the subdivisions): Callao (07) is covered by a basis over its
 * only province 0701, and for Lima (15) under a basis over 1501 the provinces outside are named.
 */
function splitParts(
  parts: readonly TAreaPart[],
  index: TInstrumentIndex,
  subdivisions: ((code: string) => readonly string[]) | undefined,
): TAreaPart[] {
  if (!subdivisions || parts.every((p) => p.ubigeo === null || p.ubigeo.length >= 6)) return [...parts];
  const basisCodes = basisCodesOf(index);
  const split = (part: TAreaPart): TAreaPart[] => {
    const code = part.ubigeo;
    if (code === null || code.length >= 6) return [part];
    const coveredWhole = basisCodes.some((b) => code.startsWith(b));
    const narrowerBasis = basisCodes.some((b) => b.length > code.length && b.startsWith(code));
    const children = coveredWhole || !narrowerBasis ? [] : subdivisions(code);
    if (children.length === 0) return [part];
    return children.flatMap((c) => split({ label: c, ubigeo: c }));
  };
  return parts.flatMap(split);
}

const basisCodesCache = new WeakMap<TInstrumentIndex, readonly string[]>();

/** Every UBIGEO code the bases of a registry name, once per index. */
function basisCodesOf(index: TInstrumentIndex): readonly string[] {
  let codes = basisCodesCache.get(index);
  if (!codes) {
    codes = [...new Set(index.bases.flatMap((b) => b.area?.ubigeo ?? []))];
    basisCodesCache.set(index, codes);
  }
  return codes;
}

/**
 * The bases the request actually relies on: when emergency decrees alone cover every part on every day, an
 * overlapping S4 resolution is not needed and its ground does not limit the task.
 */
export function basesReliedOn(assessment: TBasisAssessment, period: TDayInterval): readonly TEffectiveInstrument[] {
  const isResolution = (b: TEffectiveInstrument): boolean => b.scenario === 'APOYO_PNP_SIN_EE';
  const decreesSuffice =
    assessment.parts.length > 0 &&
    assessment.parts.every((p) => {
      const days = p.coveredBy.filter((b) => !isResolution(b)).map((b) => daysInForce(b, period)).filter((d) => d !== null);
      return subtractIntervals(period, mergeIntervals(days)).length === 0;
    });
  return decreesSuffice ? assessment.bases.filter((b) => !isResolution(b)) : assessment.bases;
}

/** The days of the period an instrument is in force. */
export const daysInForce = (i: TEffectiveInstrument, period: TDayInterval): TDayInterval | null =>
  intersectInterval({ from: i.fromDay, to: i.toDay }, period);

/** A basis that is not part of a cycle, names a scenario and is in force on some day of the period. */
const usable = (b: TEffectiveInstrument, period: TDayInterval): boolean =>
  !b.inCycle && b.scenario !== undefined && b.fromDay <= b.toDay && b.fromDay <= period.to && b.toDay >= period.from;

/**
 * The bases that may cover one part of the area over the period, in a fixed order (the order findings list them):
 * for a code, the bases named by it or by a code above it, then the bases with a polygon; for the request's polygon,
 * the hinted instruments, or every basis when there are no hints. With hints (a complete list), a basis with a
 * polygon and no hint cannot cover a code its own codes do not cover, so only the hinted ones are taken.
 */
function candidatesFor(
  index: TInstrumentIndex,
  part: TAreaPart,
  hints: readonly TCoverageHint[] | undefined,
  period: TDayInterval,
): TEffectiveInstrument[] {
  if (part.ubigeo === null && !hints) return index.bases.filter((b) => usable(b, period));
  const found = new Set<TEffectiveInstrument>();
  if (part.ubigeo === null) {
    for (const h of hints ?? []) {
      const b = index.byId.get(h.instrumentId);
      if (b && usable(b, period)) found.add(b);
    }
    return [...found];
  }
  for (let len = 2; len <= part.ubigeo.length; len += 2) {
    for (const b of index.basesByUbigeo.get(part.ubigeo.slice(0, len)) ?? []) if (usable(b, period)) found.add(b);
  }
  if (!hints) {
    for (const b of index.basesWithGeometry) if (usable(b, period)) found.add(b);
    return [...found];
  }
  const hinted: TEffectiveInstrument[] = [];
  for (const h of hints) {
    const b = index.byId.get(h.instrumentId);
    if (b && index.geometryRank.has(b) && usable(b, period)) hinted.push(b);
  }
  if (hinted.length > 1) hinted.sort((a, b) => (index.geometryRank.get(a) ?? 0) - (index.geometryRank.get(b) ?? 0));
  for (const b of hinted) found.add(b);
  return [...found];
}

/**
 * Condition 1: a basis in force for ALL of the area and ALL of the period. Each part of the area (UBIGEO code or
 * polygon) must be covered on every day by some emergency decree, extension or S4 resolution; extensions take their
 * area from the decree they extend, so a period that runs from a decree into its extension is covered and a period
 * that runs into a gap between them is not.
 */
export function checkBasis(
  index: TInstrumentIndex,
  area: TArea,
  period: TDayInterval,
  hints: readonly TCoverageHint[] | undefined,
  ruleSet: TRuleSet,
  subdivisions?: (code: string) => readonly string[],
): TBasisAssessment {
  const hintOf = new Map((hints ?? []).map((h) => [h.instrumentId, h]));
  const parts: TPartBasis[] = [];
  const outside: string[] = [];
  const gaps = new Map<string, string[]>();
  const unverified: { label: string; ids: string[] }[] = [];
  for (const part of splitParts(areaParts(area), index, subdivisions)) {
    const coveredBy: TEffectiveInstrument[] = [];
    const unknown: TEffectiveInstrument[] = [];
    for (const b of candidatesFor(index, part, hints, period)) {
      const c = partCoverage(part, b.area, hintOf.get(b.id), hints !== undefined);
      if (c === 'covered') coveredBy.push(b);
      else if (c === 'unknown') unknown.push(b);
    }
    const coveredDays = mergeIntervals(coveredBy.map((b) => daysInForce(b, period)).filter((i) => i !== null));
    parts.push({ part, coveredBy, coveredDays });
    const missing = subtractIntervals(period, coveredDays);
    if (missing.length === 0) continue;
    const couldCover = unknown.filter((b) => missing.some((m) => daysInForce(b, m) !== null));
    if (couldCover.length > 0) unverified.push({ label: part.label, ids: couldCover.map((b) => b.id) });
    else if (coveredDays.length === 0) outside.push(part.label);
    else {
      const days = formatIntervals(missing);
      gaps.set(days, [...(gaps.get(days) ?? []), part.label]);
    }
  }

  const findings: TFinding[] = [];
  const nothing = parts.every((p) => p.coveredBy.length === 0) && unverified.length === 0;
  if (nothing) {
    findings.push(makeFinding(ruleSet, 'NO_LEGAL_BASIS', { areas: outside, from: dateOf(period.from), to: dateOf(period.to) }));
  } else if (outside.length > 0) {
    findings.push(makeFinding(ruleSet, 'BASIS_AREA_NOT_COVERED', { areas: outside }));
  }
  for (const [days, labels] of gaps) findings.push(makeFinding(ruleSet, 'BASIS_PERIOD_NOT_COVERED', { areas: labels, days }));
  for (const u of unverified) findings.push(makeFinding(ruleSet, 'BASIS_AREA_UNVERIFIED', { areas: u.label, instruments: u.ids }));

  const bases = [...new Set(parts.flatMap((p) => p.coveredBy))].sort((a, b) => a.fromDay - b.fromDay || a.id.localeCompare(b.id));
  const authorities = [...new Set(bases.map((b) => b.controlAuthority).filter((a) => a !== undefined))];
  let controlAuthority: TControlAuthority | null = authorities.length === 1 ? (authorities[0] ?? null) : null;
  if (authorities.length > 1) {
    controlAuthority = null;
    findings.push(
      makeFinding(ruleSet, 'BASIS_CONTROL_CONFLICT', { instruments: bases.map((b) => `${b.id} (${b.controlAuthority ?? '?'})`) }),
    );
  }
  return { findings, parts, bases, controlAuthority };
}
