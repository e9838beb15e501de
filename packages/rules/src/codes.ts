import { z } from 'zod';

/**
 * The vocabulary of the legal model. These codes are the public codes of the scenario file format
 * (/work/shared/domain/scenario-format.md): they may be extended but never renamed. Legal terms keep their Spanish
 * names because they are the words lawyers use.
 */

/** Kinds of legal instrument. */
export const INSTRUMENT_KINDS = [
  'DS_ESTADO_EMERGENCIA',
  'DS_PRORROGA',
  'RESOLUCION_SUPREMA',
  'RUF',
  'DIRECTIVA_MINDEF',
  'DIRECTIVA_CCFFAA',
  'PLAN_CCO',
] as const;
export const ZInstrumentKind = z.enum(INSTRUMENT_KINDS);
export type TInstrumentKind = z.infer<typeof ZInstrumentKind>;

/** Instruments that can be the legal basis of a military tasking (an emergency decree, its extension, an RS). */
export const BASIS_KINDS = ['DS_ESTADO_EMERGENCIA', 'DS_PRORROGA', 'RESOLUCION_SUPREMA'] as const satisfies readonly TInstrumentKind[];
/** Instruments that apply to a basis through `appliesTo`. */
export const SUPPORTING_KINDS = ['RUF', 'DIRECTIVA_MINDEF', 'DIRECTIVA_CCFFAA', 'PLAN_CCO'] as const satisfies readonly TInstrumentKind[];

/** Legal scenarios of DL 1095: S1 to S4. */
export const LEGAL_SCENARIOS = ['FFAA_CONTROL_GRUPO_HOSTIL', 'FFAA_CONTROL_OSV', 'APOYO_PNP_CON_EE', 'APOYO_PNP_SIN_EE'] as const;
export const ZLegalScenario = z.enum(LEGAL_SCENARIOS);
export type TLegalScenario = z.infer<typeof ZLegalScenario>;

/** Short names S1-S4 of the scenarios, for messages. */
export const SCENARIO_SHORT: Readonly<Record<TLegalScenario, string>> = {
  FFAA_CONTROL_GRUPO_HOSTIL: 'S1',
  FFAA_CONTROL_OSV: 'S2',
  APOYO_PNP_CON_EE: 'S3',
  APOYO_PNP_SIN_EE: 'S4',
};

/** Grounds of an S4 supreme resolution. */
export const S4_GROUNDS = [
  'TID',
  'TERRORISMO',
  'INSTALACION_ESTRATEGICA',
  'ACTIVO_CRITICO_NACIONAL',
  'SERVICIO_PUBLICO_ESENCIAL',
  'OTRO_CONSTITUCIONALMENTE_JUSTIFICADO',
] as const;
export const ZS4Ground = z.enum(S4_GROUNDS);
export type TS4Ground = z.infer<typeof ZS4Ground>;

/** The overwhelm condition of the PNP: overwhelmed, foreseeably overwhelmed, at risk of being overwhelmed. */
export const PNP_CAPACITIES = ['SOBREPASADA', 'PREVISIBLE', 'PELIGRO'] as const;
export const ZPnpCapacity = z.enum(PNP_CAPACITIES);
export type TPnpCapacity = z.infer<typeof ZPnpCapacity>;

/** The only rights an emergency may restrict (Constitution art. 137; art. 2 incs. 24.f, 9, 12, 11). */
export const RESTRICTABLE_RIGHTS = [
  'LIBERTAD_SEGURIDAD_PERSONAL',
  'INVIOLABILIDAD_DOMICILIO',
  'LIBERTAD_REUNION',
  'LIBERTAD_TRANSITO',
] as const;
export const ZRestrictableRight = z.enum(RESTRICTABLE_RIGHTS);
export type TRestrictableRight = z.infer<typeof ZRestrictableRight>;

/** Who controls internal order. */
export const CONTROL_AUTHORITIES = ['PNP', 'FFAA'] as const;
export const ZControlAuthority = z.enum(CONTROL_AUTHORITIES);
export type TControlAuthority = z.infer<typeof ZControlAuthority>;

/**
 * The force a unit belongs to, as the scenario format writes it. Note: @enlace/contracts spells the armed forces
 * EP / MGP / FAP (agency codes); `FORCE_FROM_CONTRACT` maps them.
 */
export const UNIT_FORCES = ['PNP', 'EJERCITO', 'MARINA', 'FAP'] as const;
export const ZUnitForce = z.enum(UNIT_FORCES);
export type TUnitForce = z.infer<typeof ZUnitForce>;

/** The scenario-format force of a unit whose force is written with the contract codes (CCFFAA has no units of its own). */
export const FORCE_FROM_CONTRACT: Readonly<Record<'PNP' | 'EP' | 'MGP' | 'FAP', TUnitForce>> = {
  PNP: 'PNP',
  EP: 'EJERCITO',
  MGP: 'MARINA',
  FAP: 'FAP',
};

/** Whether a unit belongs to the PNP (own mandate) or the armed forces (needs a legal basis). */
export type TForceGroup = 'PNP' | 'FFAA';
export const forceGroupOf = (force: TUnitForce): TForceGroup => (force === 'PNP' ? 'PNP' : 'FFAA');

/** Training areas of a member's certificates. */
export const TRAINING_AREAS = [
  'CONTROL_MULTITUDES',
  'PERSUASION_NEGOCIACION',
  'INTELIGENCIA_POLICIAL',
  'NORMAS_LEGALES',
  'DERECHOS_HUMANOS',
  'ANALISIS_CRISIS_ORDEN_PUBLICO',
  'PLANEAMIENTO_MILITAR_POLICIAL',
  'PROCEDIMIENTOS_DETENCION',
  'SEGURIDAD_DE_LA_FUERZA',
  'ANALISIS_LEGAL_OPERACIONES',
  'MARCO_LEGAL_USO_FUERZA',
  'PRIMEROS_AUXILIOS',
] as const;
export const ZTrainingArea = z.enum(TRAINING_AREAS);
export type TTrainingArea = z.infer<typeof ZTrainingArea>;

/** Equipment categories. */
export const EQUIPMENT_CATEGORIES = [
  'RADIO',
  'BASTON',
  'ESCUDO',
  'CASCO',
  'CHALECO',
  'MASCARA_ANTIGAS',
  'GAS_PIMIENTA',
  'LANZADOR_MENOS_LETAL',
  'TASER',
  'FUSIL',
  'PISTOLA',
  'DRON',
  'VEHICULO',
] as const;
export const ZEquipmentCategory = z.enum(EQUIPMENT_CATEGORIES);
export type TEquipmentCategory = z.infer<typeof ZEquipmentCategory>;

/** Non-lethal means: what lets a member climb the force ladder without a firearm. */
export const NON_LETHAL_MEANS: readonly TEquipmentCategory[] = ['BASTON', 'GAS_PIMIENTA', 'LANZADOR_MENOS_LETAL', 'TASER'];
/** Lethal weapons. */
export const LETHAL_WEAPONS: readonly TEquipmentCategory[] = ['FUSIL', 'PISTOLA'];

/** The task catalogue. */
export const TASKS = [
  'PATRULLAJE_CONJUNTO',
  'PUESTO_CONTROL',
  'PROTECCION_INSTALACION_ESTRATEGICA',
  'PROTECCION_SERVICIO_ESENCIAL',
  'CONTROL_MULTITUDES_APOYO',
  'SEGURIDAD_PERIMETRICA',
  'TRANSPORTE_APOYO',
  'INVESTIGACION_CRIMINAL',
] as const;
export const ZTask = z.enum(TASKS);
export type TTask = z.infer<typeof ZTask>;

/** Severity of a finding: blocking denies, warning makes the decision conditional, info only informs. */
export const SEVERITIES = ['blocking', 'warning', 'info'] as const;
export const ZSeverity = z.enum(SEVERITIES);
export type TSeverity = z.infer<typeof ZSeverity>;

/** The decision of an evaluation. */
export const DECISIONS = ['allowed', 'conditional', 'denied'] as const;
export const ZDecision = z.enum(DECISIONS);
export type TDecision = z.infer<typeof ZDecision>;
