import { z } from 'zod';
import { ZUnitForce } from '../codes.ts';
import { ZFinding } from '../findings.ts';
import { ZFfaaForceStep, ZLadderLevel, ZLethalGround } from './force-ladder.ts';

/**
 * When a step happened: its index in the incident (0, 1, 2 …) or an ISO date-time with offset. Both sequences of one
 * assessment use the same kind, so that resistance and force can be set side by side.
 */
export const ZStepPosition = z.union([z.number().int().min(0).max(1_000_000), z.iso.datetime({ offset: true })]);
export type TStepPosition = z.infer<typeof ZStepPosition>;

/** The resistance met from `at` until the next step (DL 1186 art. 7.1, levels 1-6). */
export const ZResistanceStep = z.object({ at: ZStepPosition, level: ZLadderLevel }).strict();
export type TResistanceStep = z.infer<typeof ZResistanceStep>;

/**
 * Force used at `at`: a PNP level (`level`, DL 1186 art. 7.2) when the force is the PNP, an FF.AA. ladder step
 * (`step`, DL 1095) otherwise. `justification` records why force above the resistance met was necessary.
 */
export const ZForceStep = z
  .object({
    at: ZStepPosition,
    level: ZLadderLevel.optional(),
    step: ZFfaaForceStep.optional(),
    justification: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export type TForceStep = z.infer<typeof ZForceStep>;

/**
 * The procedure before lethal force: identify oneself, give a clear warning, leave time to comply. `omissionReason`
 * records why a missing part was not possible (it would have created undue risk, or been pointless).
 */
export const ZWarningsGiven = z
  .object({
    identification: z.boolean(),
    warning: z.boolean(),
    timeToComply: z.boolean(),
    omissionReason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export type TWarningsGiven = z.infer<typeof ZWarningsGiven>;

const MAX_STEPS = 500;

const positionKind = (p: TStepPosition): 'index' | 'time' => (typeof p === 'number' ? 'index' : 'time');
const positionValue = (p: TStepPosition): number => (typeof p === 'number' ? p : Date.parse(p));

/** Orders two positions of the same kind (negative when `a` is earlier). */
export function comparePositions(a: TStepPosition, b: TStepPosition): number {
  return positionValue(a) - positionValue(b);
}

/** The input of `assessForce`: one incident, its sequences in order. */
export const ZAssessForceInput = z
  .object({
    force: ZUnitForce,
    resistanceSequence: z.array(ZResistanceStep).min(1).max(MAX_STEPS),
    forceSequence: z.array(ZForceStep).min(1).max(MAX_STEPS),
    lethalGround: ZLethalGround.optional(),
    warningsGiven: ZWarningsGiven,
  })
  .strict()
  .superRefine((input, ctx) => {
    // Zod runs this after non-fatal issues too (an empty sequence): check only what is there.
    const firstResistance = input.resistanceSequence[0];
    const first = input.forceSequence[0];
    if (!firstResistance) return;
    const kind = positionKind(firstResistance.at);
    const sequences = [
      ['resistanceSequence', input.resistanceSequence],
      ['forceSequence', input.forceSequence],
    ] as const;
    for (const [name, steps] of sequences) {
      steps.forEach((s, i) => {
        if (positionKind(s.at) !== kind) {
          ctx.addIssue({ code: 'custom', path: [name, i, 'at'], message: `every step must give its position as ${kind === 'index' ? 'an index' : 'a date-time'}, like the first resistance step` });
        } else if (i > 0 && comparePositions(s.at, steps[i - 1]?.at ?? s.at) < 0) {
          ctx.addIssue({ code: 'custom', path: [name, i, 'at'], message: 'steps must be in order: this one is earlier than the step before it' });
        }
      });
    }
    if (first && positionKind(first.at) === kind && comparePositions(first.at, firstResistance.at) < 0) {
      ctx.addIssue({ code: 'custom', path: ['forceSequence', 0, 'at'], message: 'force was used before any resistance was recorded; record the resistance met first' });
    }
    const pnp = input.force === 'PNP';
    input.forceSequence.forEach((s, i) => {
      if (pnp && (s.level === undefined || s.step !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['forceSequence', i, s.step === undefined ? 'level' : 'step'], message: 'a PNP force step gives its DL 1186 `level` (1-6), not an FF.AA. `step`' });
      }
      if (!pnp && (s.step === undefined || s.level !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['forceSequence', i, s.level === undefined ? 'step' : 'level'], message: 'an FF.AA. force step gives its DL 1095 ladder `step`, not a PNP `level`' });
      }
    });
  });
export type TAssessForceInput = z.infer<typeof ZAssessForceInput>;

/** The assessment: compliant when no finding blocks; findings name the force step they concern in `details`. */
export const ZAssessForceResult = z.object({
  compliant: z.boolean(),
  ruleSetVersion: z.string(),
  findings: z.array(ZFinding),
});
export type TAssessForceResult = z.infer<typeof ZAssessForceResult>;
