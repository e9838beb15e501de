import { READINESS_PILLARS, validateReadinessStandard } from '@enlace/rules';
import type { TEquipmentRequirement, TReadinessPillar, TReadinessStandard, TStandardErrorCode, TStandardIssue } from '@enlace/rules';

/**
 * The thresholds an admin edits on the standard page, as typed (percentages as text), and how they become the next
 * version: the version in force with these numbers replaced, checked by the same validation as the server's.
 */
export interface ThresholdDraft {
  version: string;
  remark: string;
  /** Level 1, 2 and 3 boundaries per pillar, in percent. */
  levels: Record<TReadinessPillar, [string, string, string]>;
  lethalMaxShare: string;
  trainedShare: string;
  ratingYes: string;
  ratingQualified: string;
}

/** Percent text of a share (0.85 -> "85"). */
const pct = (share: number): string => String(Math.round(share * 10_000) / 100);

/** A share from percent text; NaN when the text is not a number (the validation then names the field). */
const share = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')) / 100);

/** The draft of the next version, starting from the standard in force. */
export function draftOf(s: TReadinessStandard): ThresholdDraft {
  const levels = Object.fromEntries(READINESS_PILLARS.map((p) => [p, s.levels[p].min.map(pct)])) as ThresholdDraft['levels'];
  return {
    version: '',
    remark: '',
    levels,
    lethalMaxShare: pct(s.lethal.maxShare),
    trainedShare: pct(s.mets.trainedShare),
    ratingYes: pct(s.mets.rating.yes),
    ratingQualified: pct(s.mets.rating.qualified),
  };
}

/** The standard in force with the draft's version and thresholds (not yet checked). */
export function applyDraft(s: TReadinessStandard, d: ThresholdDraft): unknown {
  const levels = Object.fromEntries(
    READINESS_PILLARS.map((p) => [p, { ...s.levels[p], min: d.levels[p].map(share) }]),
  ) as unknown as TReadinessStandard['levels'];
  return {
    ...s,
    version: d.version.trim(),
    levels,
    lethal: { ...s.lethal, maxShare: share(d.lethalMaxShare) },
    mets: { ...s.mets, trainedShare: share(d.trainedShare), rating: { yes: share(d.ratingYes), qualified: share(d.ratingQualified) } },
  };
}

/** The next version checked against the one in force: the standard to send, or every problem. */
export function checkDraft(s: TReadinessStandard, d: ThresholdDraft): { ok: true; standard: TReadinessStandard } | { ok: false; issues: readonly TStandardIssue[] } {
  return validateReadinessStandard(applyDraft(s, d), s);
}

/** The i18n key of a validation code (the message in the screen's language). */
export const issueKey = (code: TStandardErrorCode) => `forces.standard.error.${code}` as const;

/**
 * Which field of the form a problem belongs to (its path in the standard), so the message is shown beside it:
 * `levels.P.min.1` and `levels.P.min` -> `levels.P`; others by their path.
 */
export function fieldOf(path: string): string {
  if (path.startsWith('levels.')) return path.split('.').slice(0, 2).join('.');
  if (path.startsWith('mets.rating')) return 'mets.rating';
  return path;
}

/** How much of a category a requirement asks for, as numbers a sentence can be made of. */
export function requirementParts(r: TEquipmentRequirement): { kind: 'perMember' | 'perMembers' | 'perUnit'; n: number; minimum: number } {
  if (r.perMembers !== null) return { kind: 'perMembers', n: r.perMembers, minimum: r.minimum };
  if (r.perMember > 0) return { kind: 'perMember', n: r.perMember, minimum: r.minimum };
  return { kind: 'perUnit', n: r.perUnit, minimum: r.minimum };
}
