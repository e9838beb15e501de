/**
 * Readiness: the configurable standard (versioned data with references), the P/S/R/T and C-level computation with
 * MET ratings and gap lists, the commander's override validator and the least-cost training plan. Pure, no I/O.
 */
export {
  READINESS_PILLARS,
  MET_RATINGS,
  READINESS_TASKS,
  READINESS_COURSES,
  ZReadinessPillar,
  ZReadinessLevel,
  ZMetRating,
  ZStandardRef,
  ZLevelBoundaries,
  ZEquipmentRequirement,
  ZMetStandard,
  ZReadinessStandard,
} from './readiness-standard.schema.ts';
export type {
  TReadinessPillar,
  TReadinessLevel,
  TMetRating,
  TStandardRef,
  TLevelBoundaries,
  TEquipmentRequirement,
  TMetStandard,
  TReadinessStandard,
  TReadinessStandardInput,
} from './readiness-standard.schema.ts';
export { DEFAULT_READINESS_STANDARD } from './default-readiness-standard.ts';
export { ZPillarScore, ZMetScore, ZGapItem, ZGapSummary, ZReadinessComputation } from './readiness-result.schema.ts';
export type { TPillarScore, TMetScore, TGapItem, TGapSummary, TReadinessComputation } from './readiness-result.schema.ts';
export type {
  TReadinessData,
  TReadinessUnitSpec,
  TReadinessMember,
  TReadinessCertificate,
  TReadinessEquipment,
} from './prepare-readiness.ts';
export { requiredQuantity, personnelStrength, unitTasks } from './prepare-readiness.ts';
export type { TStrengthBase, TTasksBase } from './prepare-readiness.ts';
export { validateUnitTasks } from './validate-unit-tasks.ts';
export type { TUnitTasksValidation } from './validate-unit-tasks.ts';
export { computeReadiness, computeUnitReadiness, levelOf } from './compute-readiness.ts';
export type { TComputeReadinessOptions } from './compute-readiness.ts';
export { validateOverride, ZOverrideRequest, OVERRIDE_ERROR_CODES, OVERRIDE_REMARK_MIN, OVERRIDE_REMARK_MAX } from './validate-override.ts';
export type { TOverrideRequest, TOverrideValidation, TOverrideErrorCode } from './validate-override.ts';
export { planTraining } from './plan-training.ts';
export { validateReadinessStandard, standardRef, STANDARD_ERROR_CODES } from './validate-standard.ts';
export { ZStandardVersionInfo, ZStandardVersion, ZStandardChange } from './standard-version.schema.ts';
export type { TStandardVersionInfo, TStandardVersion, TStandardChange } from './standard-version.schema.ts';
export type { TStandardValidation, TStandardIssue, TStandardErrorCode } from './validate-standard.ts';
export type { TSeatPlan, TUnitSeatPlan, TTrainingSeat, TSeatPlanOptions } from './plan-training.ts';
