import { defineRule as r } from './define-rule.ts';
import { REF } from './legal-refs.ts';
import type { TRule } from './rule-set.schema.ts';

/** Rules of the differentiated use of force (DL 1186 art. 7, adopted for the FF.AA. by the 2023 RUF). */
export const DEFAULT_FORCE_RULES: readonly TRule[] = [
  r('FORCE_ABOVE_RESISTANCE', REF.dl1186Art7, 'blocking',
    ['Se usó fuerza de nivel {force} ({forceName}) ante resistencia de nivel {resistance} ({resistanceName}) sin justificación registrada.', 'Force level {force} ({forceName}) was used against resistance level {resistance} ({resistanceName}) with no recorded justification.'],
    ['Registre por qué fue necesaria una fuerza mayor que la resistencia encontrada.', 'Record why force above the resistance met was necessary.']),
  r('FORCE_ABOVE_RESISTANCE_JUSTIFIED', REF.dl1186Art7, 'info',
    ['Fuerza de nivel {force} ante resistencia de nivel {resistance}, con justificación registrada: {justification}', 'Force level {force} against resistance level {resistance}, with a recorded justification: {justification}'],
    ['El superior revisa la justificación en el informe de uso de la fuerza.', 'The superior reviews the justification in the use-of-force report.']),
  r('LETHAL_FORCE_WITHOUT_GROUND', REF.dl1186Art8, 'blocking',
    ['Se usó fuerza letal sin uno de los supuestos legales.', 'Lethal force was used without one of the lawful grounds.'],
    ['La fuerza letal solo procede ante peligro real e inminente de muerte o lesiones graves y en los demás supuestos legales; registre el supuesto o trate el hecho como posible infracción.', 'Lethal force is lawful only against a real and imminent danger of death or serious injury and the other listed grounds; record the ground or treat the event as a possible breach.']),
  r('LETHAL_GROUND_NOT_AVAILABLE', REF.ley32291, 'blocking',
    ['El supuesto {ground} no está disponible para {force}.', 'The ground {ground} is not available to {force}.'],
    ['Ese supuesto (reforma de 2025) rige solo para la PNP; indique otro supuesto legal.', 'That ground (2025 reform) applies to the PNP only; give another lawful ground.']),
  r('WARNING_NOT_GIVEN', REF.advertencia, 'blocking',
    ['Se usó fuerza letal sin el procedimiento previo (falta: {missing}) y sin registrar por qué no era posible.', 'Lethal force was used without the prior procedure (missing: {missing}) and with no record of why it was not possible.'],
    ['Antes de la fuerza letal el efectivo se identifica y da una advertencia clara con tiempo para acatarla, salvo que ello cree un riesgo indebido; registre el procedimiento o el motivo de omitirlo.', 'Before lethal force the officer identifies themself and gives a clear warning with time to comply, unless that creates undue risk; record the procedure or why it was omitted.']),
  r('WARNING_OMITTED_UNDUE_RISK', REF.advertencia, 'info',
    ['Se omitió parte del procedimiento previo a la fuerza letal ({missing}) por este motivo registrado: {reason}', 'Part of the procedure before lethal force was omitted ({missing}) for this recorded reason: {reason}'],
    ['El superior revisa que la advertencia habría creado un riesgo indebido o sido inútil.', 'The superior reviews that the warning would have created undue risk or been pointless.']),
];
