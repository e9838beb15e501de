import { z } from 'zod';
import type { TForceGroup } from '../codes.ts';
import type { TLocalizedText } from '../rule-set/rule-set.schema.ts';

/** A level of DL 1186 art. 7: 1 to 6. */
export const ZLadderLevel = z.number().int().min(1).max(6);
export type TLadderLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface TResistanceLevel {
  readonly level: TLadderLevel;
  readonly code: string;
  readonly group: 'PASIVA' | 'ACTIVA';
  readonly name: TLocalizedText;
}

export interface TForceLevel {
  readonly level: TLadderLevel;
  readonly code: string;
  readonly group: 'PREVENTIVO' | 'REACTIVO';
  readonly name: TLocalizedText;
}

/** Resistance of the person, DL 1186 art. 7.1. The nominal pairing is force level n for resistance level n. */
export const RESISTANCE_LEVELS: readonly TResistanceLevel[] = [
  { level: 1, code: 'RIESGO_LATENTE', group: 'PASIVA', name: { es: 'Riesgo latente', en: 'Latent risk' } },
  { level: 2, code: 'COOPERADOR', group: 'PASIVA', name: { es: 'Cooperador', en: 'Cooperative' } },
  { level: 3, code: 'NO_COOPERADOR', group: 'PASIVA', name: { es: 'No cooperador', en: 'Non-cooperative' } },
  { level: 4, code: 'RESISTENCIA_FISICA', group: 'ACTIVA', name: { es: 'Resistencia física', en: 'Physical resistance' } },
  { level: 5, code: 'AGRESION_NO_LETAL', group: 'ACTIVA', name: { es: 'Agresión no letal', en: 'Non-lethal aggression' } },
  { level: 6, code: 'AGRESION_LETAL', group: 'ACTIVA', name: { es: 'Agresión letal', en: 'Lethal aggression' } },
];

/** Force levels, DL 1186 art. 7.2 (adopted for the FF.AA. by the 2023 RUF). */
export const FORCE_LEVELS: readonly TForceLevel[] = [
  { level: 1, code: 'PRESENCIA_POLICIAL', group: 'PREVENTIVO', name: { es: 'Presencia policial', en: 'Police presence' } },
  { level: 2, code: 'VERBALIZACION', group: 'PREVENTIVO', name: { es: 'Verbalización', en: 'Verbalisation' } },
  { level: 3, code: 'CONTROL_DE_CONTACTO', group: 'PREVENTIVO', name: { es: 'Control de contacto', en: 'Contact control' } },
  { level: 4, code: 'CONTROL_FISICO', group: 'REACTIVO', name: { es: 'Control físico', en: 'Physical control' } },
  { level: 5, code: 'TACTICAS_DEFENSIVAS_NO_LETALES', group: 'REACTIVO', name: { es: 'Tácticas defensivas no letales', en: 'Non-lethal defensive tactics' } },
  { level: 6, code: 'FUERZA_LETAL', group: 'REACTIVO', name: { es: 'Fuerza letal', en: 'Lethal force' } },
];

export const FFAA_FORCE_STEPS = [
  'PRESENCIA_PREVENTIVA',
  'CONTACTO_VISUAL',
  'COMUNICACION_VERBAL',
  'FUERZA_CORPORAL',
  'MEDIOS_NO_LETALES',
  'ARMA_DE_FUEGO',
] as const;
export const ZFfaaForceStep = z.enum(FFAA_FORCE_STEPS);
export type TFfaaForceStep = z.infer<typeof ZFfaaForceStep>;

/**
 * The FF.AA. ladder under DL 1095 (DIDH scenarios) mapped onto the six PNP force levels for joint reports. The
 * mapping is Enlace's reading, not a legal text: visual contact is part of presence (1); reactive bodily force is
 * physical control (4), since the PNP's contact control (3) is still preventive; firearms are the exception (6).
 */
export const FFAA_FORCE_LADDER: readonly { readonly step: TFfaaForceStep; readonly group: 'PREVENTIVO' | 'REACTIVO'; readonly pnpLevel: TLadderLevel; readonly name: TLocalizedText }[] = [
  { step: 'PRESENCIA_PREVENTIVA', group: 'PREVENTIVO', pnpLevel: 1, name: { es: 'Presencia preventiva', en: 'Preventive presence' } },
  { step: 'CONTACTO_VISUAL', group: 'PREVENTIVO', pnpLevel: 1, name: { es: 'Contacto visual', en: 'Visual contact' } },
  { step: 'COMUNICACION_VERBAL', group: 'PREVENTIVO', pnpLevel: 2, name: { es: 'Comunicación verbal', en: 'Verbal communication' } },
  { step: 'FUERZA_CORPORAL', group: 'REACTIVO', pnpLevel: 4, name: { es: 'Fuerza corporal', en: 'Bodily force' } },
  { step: 'MEDIOS_NO_LETALES', group: 'REACTIVO', pnpLevel: 5, name: { es: 'Medios no letales', en: 'Non-lethal means' } },
  { step: 'ARMA_DE_FUEGO', group: 'REACTIVO', pnpLevel: 6, name: { es: 'Arma de fuego (excepcional)', en: 'Firearm (exceptional)' } },
];

/** The PNP force level of an FF.AA. ladder step. */
export function forceLevelOfFfaaStep(step: TFfaaForceStep): TLadderLevel {
  const found = FFAA_FORCE_LADDER.find((s) => s.step === step);
  if (!found) throw new RangeError(`unknown FF.AA. force step ${step}`);
  return found.pnpLevel;
}

/** The lawful grounds for lethal force (legal-framework note). Ley 32291 added one for the PNP only (unverified). */
export const LETHAL_GROUNDS = [
  'DEFENSA_PROPIA_O_DE_TERCEROS',
  'PREVENIR_DELITO_GRAVE_CONTRA_LA_VIDA',
  'PELIGRO_INMINENTE_RESISTENCIA_DETENCION',
  'FUGA_CON_RIESGO_INMINENTE',
  'MOTIN_VIOLENTO_PELIGRO_MUERTE',
  'FLAGRANCIA_AGRESOR_ARMADO',
] as const;
export const ZLethalGround = z.enum(LETHAL_GROUNDS);
export type TLethalGround = z.infer<typeof ZLethalGround>;

/** Who may invoke each ground. */
export const LETHAL_GROUND_FORCES: Readonly<Record<TLethalGround, readonly TForceGroup[]>> = {
  DEFENSA_PROPIA_O_DE_TERCEROS: ['PNP', 'FFAA'],
  PREVENIR_DELITO_GRAVE_CONTRA_LA_VIDA: ['PNP', 'FFAA'],
  PELIGRO_INMINENTE_RESISTENCIA_DETENCION: ['PNP', 'FFAA'],
  FUGA_CON_RIESGO_INMINENTE: ['PNP', 'FFAA'],
  MOTIN_VIOLENTO_PELIGRO_MUERTE: ['PNP', 'FFAA'],
  FLAGRANCIA_AGRESOR_ARMADO: ['PNP'],
};
