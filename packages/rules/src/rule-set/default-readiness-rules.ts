import { defineRule as r } from './define-rule.ts';
import { REF } from './legal-refs.ts';
import type { TRule } from './rule-set.schema.ts';

/** Rules on the members of a unit: current training and the equipment that lets them apply the force ladder. */
export const DEFAULT_READINESS_RULES: readonly TRule[] = [
  r('MEMBERS_NOT_LISTED', REF.monteroAranguren, 'warning',
    ['{unit}: no se indicaron los integrantes; no se verificó su capacitación ni su equipo.', '{unit}: no members were given; their training and equipment were not checked.'],
    ['Indique los integrantes con sus certificados y equipo.', 'List the members with their certificates and equipment.']),
  r('TRAINING_MISSING', REF.monteroAranguren, 'blocking',
    ['{count} integrante(s) sin capacitación en {area}: {members}.', '{count} member(s) without {area} training: {members}.'],
    ['Retire a esos integrantes de la tarea o capacítelos antes de desplegarlos.', 'Take those members off the task or train them before deploying them.']),
  r('TRAINING_EXPIRED', REF.monteroAranguren, 'blocking',
    ['{count} integrante(s) con la capacitación en {area} vencida al {asOf}: {members}.', '{count} member(s) whose {area} training had expired on {asOf}: {members}.'],
    ['Renueve la certificación o reemplace a esos integrantes.', 'Renew the certification or replace those members.']),
  r('TRAINING_LAPSES_DURING_PERIOD', REF.monteroAranguren, 'blocking',
    ['{count} integrante(s) pierden la vigencia de {area} antes de terminar la tarea ({lastDay}): {members}.', '{count} member(s) lose their {area} certification before the task ends ({lastDay}): {members}.'],
    ['Renueve la certificación antes del despliegue o acorte el periodo.', 'Renew the certification before deployment or shorten the period.']),
  r('NON_LETHAL_MEANS_MISSING', REF.dl1186Art7, 'blocking',
    ['{count} integrante(s) sin un medio no letal (bastón, gas pimienta, lanzador menos letal o táser): {members}.', '{count} member(s) without a non-lethal means (baton, pepper spray, less-lethal launcher or taser): {members}.'],
    ['Dote a cada integrante de al menos un medio no letal para aplicar la escala del uso de la fuerza.', 'Give every member at least one non-lethal means so the force ladder can be applied.']),
  r('LETHAL_WEAPON_NOT_DESIGNATED', REF.ruf, 'blocking',
    ['Portan arma letal sin estar designados: {members}.', 'Carrying a lethal weapon without being designated: {members}.'],
    ['Retire el arma letal o designe al integrante conforme al protocolo.', 'Withdraw the lethal weapon or designate the member under the protocol.']),
  r('LETHAL_SHARE_EXCEEDED', REF.ruf, 'blocking',
    ['{armed} de {total} integrantes portan arma letal; se permiten {allowed} ({share} del total).', '{armed} of {total} members carry a lethal weapon; {allowed} are allowed ({share} of the total).'],
    ['Reduzca las armas letales al número mínimo que permite el protocolo.', 'Reduce lethal weapons to the minimal number the protocol allows.']),
  r('RADIO_MISSING', REF.ruf, 'blocking',
    ['Faltan radios: hay {available} para {required} requeridas; sin radio: {members}.', 'Radios short: {available} for {required} required; without a radio: {members}.'],
    ['Dote de radio a cada integrante de la patrulla.', 'Give every patrol member a radio.']),
  r('CROWD_CONTROL_SET_MISSING', REF.ruf, 'blocking',
    ['Tarea de multitudes: {count} integrante(s) sin {item}: {members}.', 'Crowd task: {count} member(s) without {item}: {members}.'],
    ['Complete el equipo de control de multitudes de cada integrante.', 'Complete every member\'s crowd-control set.']),
  r('DRONE_MISSING', REF.ruf, 'warning',
    ['El protocolo de {task} requiere {required} dron(es); la unidad tiene {available}.', 'The {task} protocol requires {required} drone(s); the unit has {available}.'],
    ['Asigne los drones que exige el protocolo.', 'Assign the drones the protocol requires.']),
];
