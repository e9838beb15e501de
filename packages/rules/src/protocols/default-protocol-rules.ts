import { defineRule as r } from '../rule-set/define-rule.ts';
import { REF } from '../rule-set/legal-refs.ts';
import type { TRule } from '../rule-set/rule-set.schema.ts';

/**
 * Rules of the tasking evaluator about the joint protocol in force for the task (Alvarado Espinoza v. México: the
 * use of force by the military in public security is regulated by protocols with matching training). Severities are
 * data: an admin may make PROTOCOL_NOT_IN_FORCE blocking.
 */
export const DEFAULT_PROTOCOL_RULES: readonly TRule[] = [
  r('PROTOCOL_NOT_IN_FORCE', REF.alvaradoEspinoza, 'warning',
    ['No hay un protocolo conjunto aprobado y vigente para {task} en su versión {force}.', 'No approved joint protocol is in force for {task} in its {force} version.'],
    ['Apruebe el protocolo de la tarea (una autoridad de la PNP y una de las FF.AA.) antes del despliegue.', 'Have the task\'s protocol approved (one PNP and one FF.AA. authority) before deployment.']),
  r('PROTOCOL_APPLIED', REF.alvaradoEspinoza, 'info',
    ['Protocolo vigente aplicado: {protocols}.', 'Protocol in force applied: {protocols}.'],
    ['Instruya a la unidad en los pasos del protocolo y sus niveles de fuerza.', 'Brief the unit on the protocol\'s steps and force levels.']),
  r('PROTOCOL_TRAINING_MISSING', REF.monteroAranguren, 'blocking',
    ['El protocolo {protocol} exige capacitación en {area}; sin ella vigente: {members}.', 'Protocol {protocol} requires {area} training; without it current: {members}.'],
    ['Capacite a esos integrantes o retírelos de la tarea.', 'Train those members or take them off the task.']),
  r('PROTOCOL_EQUIPMENT_MISSING', REF.ruf, 'blocking',
    ['El protocolo {protocol} exige {item} ({required}); la unidad tiene {available}. {members}', 'Protocol {protocol} requires {item} ({required}); the unit has {available}. {members}'],
    ['Complete el equipo que exige el protocolo antes del despliegue.', 'Complete the equipment the protocol requires before deployment.']),
  r('PROTOCOL_LETHAL_NOT_PROVIDED', REF.ruf, 'blocking',
    ['La unidad lleva {armed} arma(s) letal(es), pero ningún paso del protocolo {protocols} llega a la fuerza letal (nivel 6).', 'The unit carries {armed} lethal weapon(s), but no step of protocol {protocols} reaches lethal force (level 6).'],
    ['Retire las armas letales: el protocolo de la tarea no las prevé.', 'Withdraw the lethal weapons: the task\'s protocol does not provide for them.']),
];
