/**
 * @enlace/rules: the pure legal rules of Enlace (no I/O, no clock). Instruments and their validation, the tasking
 * evaluator, scenario files and the DL 1186 force ladder; every threshold and text lives in a versioned rule set.
 * See README.md for the model and one example per function.
 */

// Vocabulary (codes of the public scenario format)
export * from './codes.ts';

// Rule sets: rules as data, thresholds, versions
export { RULE_CODES, INSTRUMENT_RULE_CODES, TASKING_RULE_CODES, READINESS_RULE_CODES, FORCE_RULE_CODES, ZRuleCode } from './rule-set/rule-codes.ts';
export type { TRuleCode, TInstrumentRuleCode, TTaskingRuleCode, TReadinessRuleCode, TForceRuleCode } from './rule-set/rule-codes.ts';
export { ZRuleSet, ZRule, ZLegalRef, ZLocalizedText, ZThresholds, ZTaskProfile, ZReadinessThresholds } from './rule-set/rule-set.schema.ts';
export type { TRuleSet, TRule, TLegalRef, TLocalizedText, TThresholds, TTaskProfile, TReadinessThresholds } from './rule-set/rule-set.schema.ts';
export { DEFAULT_RULE_SET } from './rule-set/default-rule-set.ts';
export { deriveRuleSet } from './rule-set/derive-rule-set.ts';
export type { TRuleSetChange } from './rule-set/derive-rule-set.ts';

// Findings and decisions
export { ZFinding, ZFindingDetails, decide, formatLegalRef, makeFinding } from './findings.ts';
export type { TFinding, TFindingDetails } from './findings.ts';

// Dates in America/Lima
export { ZIsoDate, ZIsoDateOrDateTime, addDays, limaDayOf, periodDays } from './dates.ts';
export type { TPeriodDays } from './dates.ts';

// Instruments
export { ZArea, ZInstrument, ZOversight } from './instruments/instrument.schema.ts';
export type { TArea, TInstrument, TOversight } from './instruments/instrument.schema.ts';
export { validateInstrument, validateInstruments } from './instruments/validate-instruments.ts';
export type { TInstrumentFinding, TInstrumentValidation, TSchemaError } from './instruments/validate-instruments.ts';
export { expiringInstruments } from './instruments/expiring-instruments.ts';
export type { TExpiringInstrument } from './instruments/expiring-instruments.ts';

// Area coverage
export { ZCoverageHint, ubigeoCovers } from './area/area-coverage.ts';
export type { TCoverageHint } from './area/area-coverage.ts';
export { createCoverageEngine } from './area/coverage-engine.ts';
export type { TCoverageEngine, TDistrictGeometries } from './area/coverage-engine.ts';
export { areaContainsPoint, areaCovers, polygonsOf, prepareArea } from './area/polygon-coverage.ts';
export type { TAreaGeometry, TMultiPolygonCoords, TPreparedArea } from './area/polygon-coverage.ts';

// Tasking evaluator
export { ZMember, ZRequestArea, ZTaskingInput, ZTaskingResult, ZTaskingUnit, ZTraining, ZUnitEquipment } from './tasking/tasking.schema.ts';
export type { TMember, TTaskingInput, TTaskingResult, TTaskingUnit, TUnitEquipment } from './tasking/tasking.schema.ts';
export { evaluateTasking } from './tasking/evaluate-tasking.ts';
export type { TTaskingContext } from './tasking/evaluate-tasking.ts';

// Differentiated force (DL 1186 art. 7)
export {
  FFAA_FORCE_LADDER,
  FFAA_FORCE_STEPS,
  FORCE_LEVELS,
  LETHAL_GROUNDS,
  LETHAL_GROUND_FORCES,
  RESISTANCE_LEVELS,
  ZFfaaForceStep,
  ZLadderLevel,
  ZLethalGround,
  forceLevelOfFfaaStep,
} from './force/force-ladder.ts';
export type { TFfaaForceStep, TForceLevel, TLadderLevel, TLethalGround, TResistanceLevel } from './force/force-ladder.ts';
export { checkForceProportionality } from './force/check-force-proportionality.ts';
export type { TForceCheckOptions, TForceJustification } from './force/check-force-proportionality.ts';

// Assessment of one incident of use of force (DL 1186 art. 7 and 8; DL 1095 ladder for the FF.AA.)
export { FORCE_PROCEDURE_RULE_CODES } from './rule-set/rule-codes.ts';
export type { TForceProcedureRuleCode } from './rule-set/rule-codes.ts';
export { ZAssessForceInput, ZAssessForceResult, ZForceStep, ZResistanceStep, ZStepPosition, ZWarningsGiven } from './force/assess-force.schema.ts';
export type { TAssessForceInput, TAssessForceResult, TForceStep, TResistanceStep, TStepPosition, TWarningsGiven } from './force/assess-force.schema.ts';
export { assessForce } from './force/assess-force.ts';
export type { TAssessForceOptions } from './force/assess-force.ts';

// Scenario files
export { ZScenarioFile, ZScenarioRequest, ZScenarioResult, ZScenarioUnit } from './scenario/scenario.schema.ts';
export type { TScenarioFile, TScenarioRequest, TScenarioResult, TScenarioUnit } from './scenario/scenario.schema.ts';
export { FILE_ERROR_CODES, FILE_ERROR_MESSAGES } from './scenario/file-errors.ts';
export type { TFileErrorCode, TScenarioFileError } from './scenario/file-errors.ts';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, parseScenarioText } from './scenario/parse-scenario-text.ts';
export type { TTextLimits } from './scenario/parse-scenario-text.ts';
export { SIMULABLE_IN_SCENARIOS, parseScenarioFile } from './scenario/parse-scenario-file.ts';
export type { TParseScenarioOptions, TParsedScenario } from './scenario/parse-scenario-file.ts';
export { evaluateScenario } from './scenario/evaluate-scenario.ts';
export type { TEvaluateScenarioOptions, TScenarioEvaluation } from './scenario/evaluate-scenario.ts';
export { SCENARIO_FILE_JSON_SCHEMA } from './scenario/scenario-json-schema.ts';

// Joint protocols (PNP and FF.AA. versions of a procedure, two-force approval, step-by-step comparison)
export { PROTOCOL_RULE_CODES } from './rule-set/rule-codes.ts';
export type { TProtocolRuleCode } from './rule-set/rule-codes.ts';
export {
  PROTOCOL_FORCES,
  PROTOCOL_PROCEDURES,
  PROTOCOL_STATUSES,
  ZProtocolApproval,
  ZProtocolDraft,
  ZProtocolEquipment,
  ZProtocolForce,
  ZProtocolProcedure,
  ZProtocolStatus,
  ZProtocolStep,
  ZProtocolVersion,
} from './protocols/protocol.schema.ts';
export type {
  TProtocolApproval,
  TProtocolDraft,
  TProtocolDraftInput,
  TProtocolEquipment,
  TProtocolForce,
  TProtocolInForce,
  TProtocolProcedure,
  TProtocolStatus,
  TProtocolStep,
  TProtocolVersion,
} from './protocols/protocol.schema.ts';
export { PROTOCOL_APPROVAL_POLICY, approvalSideOf, checkApproval } from './protocols/approval.ts';
export type { TApprovalCheck, TApprovalRefusal } from './protocols/approval.ts';
export { compareProtocols } from './protocols/compare-protocols.ts';
export type { TFieldChange, TProtocolComparison, TStepComparison } from './protocols/compare-protocols.ts';
export { checkProtocols, protocolsForTask } from './protocols/check-protocol.ts';
export { SAMPLE_PROTOCOLS } from './protocols/sample-protocols.ts';

// Readiness: standard, P/S/R/T and C-level, MET ratings, gaps, override validator, least-cost training plan
export * from './readiness/index.ts';
