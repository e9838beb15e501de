import { z } from 'zod';

/** Reasons an instrument is rejected on entry (or, for warnings, flagged). */
export const INSTRUMENT_RULE_CODES = [
  'INSTRUMENT_ID_DUPLICATE',
  'INSTRUMENT_VALIDITY_REVERSED',
  'DECREE_TOO_LONG',
  'RS_LONGER_THAN_TYPICAL',
  'EXTENSION_NOT_NEW_DECREE',
  'EXTENSION_PARENT_UNKNOWN',
  'EXTENSION_GAP',
  'EXTENSION_OVERLAP',
  'EXTENSION_CYCLE',
  'EXTENSION_DUPLICATE',
  'RIGHT_NOT_RESTRICTABLE',
  'S4_RIGHTS_RESTRICTED',
  'S4_GROUND_MISSING',
  'S4_CAPACITY_MISSING',
  'SCENARIO_MISSING',
  'SCENARIO_KIND_MISMATCH',
  'AREA_MISSING',
  'CONTROL_AUTHORITY_MISSING',
  'CONTROL_AUTHORITY_MISMATCH',
  'APPLIES_TO_MISSING',
  'APPLIES_TO_UNKNOWN',
] as const;

/** Findings of the tasking evaluator about the legal basis, command, scope and oversight. */
export const TASKING_RULE_CODES = [
  'NO_LEGAL_BASIS',
  'BASIS_AREA_NOT_COVERED',
  'BASIS_PERIOD_NOT_COVERED',
  'BASIS_AREA_UNVERIFIED',
  'BASIS_CONTROL_CONFLICT',
  'PNP_COORDINATOR_MISSING',
  'PNP_ZONE_UNVERIFIED',
  'FFAA_CONTROL_ORDER_UNVERIFIED',
  'RUF_NOT_IN_FORCE',
  'DIRECTIVE_NOT_IN_FORCE',
  'TASK_FORBIDDEN_FOR_FFAA',
  'TASK_OUTSIDE_GROUND',
  'OVERSIGHT_UNRECORDED',
  'PNP_OWN_MANDATE',
] as const;

/** Findings of the tasking evaluator about the members: training and equipment. */
export const READINESS_RULE_CODES = [
  'MEMBERS_NOT_LISTED',
  'TRAINING_MISSING',
  'TRAINING_EXPIRED',
  'TRAINING_LAPSES_DURING_PERIOD',
  'NON_LETHAL_MEANS_MISSING',
  'LETHAL_WEAPON_NOT_DESIGNATED',
  'LETHAL_SHARE_EXCEEDED',
  'RADIO_MISSING',
  'CROWD_CONTROL_SET_MISSING',
  'DRONE_MISSING',
] as const;

/** Findings of the differentiated-force check (DL 1186 art. 7). */
export const FORCE_RULE_CODES = [
  'FORCE_ABOVE_RESISTANCE',
  'FORCE_ABOVE_RESISTANCE_JUSTIFIED',
  'LETHAL_FORCE_WITHOUT_GROUND',
  'LETHAL_GROUND_NOT_AVAILABLE',
] as const;

/** Findings of the use-of-force procedure: identification and warning before lethal force (DL 1186 art. 8). */
export const FORCE_PROCEDURE_RULE_CODES = ['WARNING_NOT_GIVEN', 'WARNING_OMITTED_UNDUE_RISK'] as const;

/** Findings of the tasking evaluator about the joint protocol in force for the task (issue 3 item 6). */
export const PROTOCOL_RULE_CODES = [
  'PROTOCOL_NOT_IN_FORCE',
  'PROTOCOL_APPLIED',
  'PROTOCOL_TRAINING_MISSING',
  'PROTOCOL_EQUIPMENT_MISSING',
  'PROTOCOL_LETHAL_NOT_PROVIDED',
] as const;

/** Every rule id. A rule set must define each exactly once. */
export const RULE_CODES = [
  ...INSTRUMENT_RULE_CODES,
  ...TASKING_RULE_CODES,
  ...READINESS_RULE_CODES,
  ...FORCE_RULE_CODES,
  ...FORCE_PROCEDURE_RULE_CODES,
  ...PROTOCOL_RULE_CODES,
] as const;
export const ZRuleCode = z.enum(RULE_CODES);
export type TRuleCode = z.infer<typeof ZRuleCode>;
export type TInstrumentRuleCode = (typeof INSTRUMENT_RULE_CODES)[number];
export type TTaskingRuleCode = (typeof TASKING_RULE_CODES)[number];
export type TReadinessRuleCode = (typeof READINESS_RULE_CODES)[number];
export type TForceRuleCode = (typeof FORCE_RULE_CODES)[number];
export type TForceProcedureRuleCode = (typeof FORCE_PROCEDURE_RULE_CODES)[number];
export type TProtocolRuleCode = (typeof PROTOCOL_RULE_CODES)[number];
