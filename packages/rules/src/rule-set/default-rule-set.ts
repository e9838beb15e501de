import type { TTask } from '../codes.ts';
import { DEFAULT_FORCE_RULES } from './default-force-rules.ts';
import { DEFAULT_INSTRUMENT_RULES } from './default-instrument-rules.ts';
import { DEFAULT_READINESS_RULES } from './default-readiness-rules.ts';
import { DEFAULT_TASKING_RULES } from './default-tasking-rules.ts';
import { DEFAULT_PROTOCOL_RULES } from '../protocols/default-protocol-rules.ts';
import type { TReadinessThresholds, TRuleSet, TTaskProfile } from './rule-set.schema.ts';
import { ZRuleSet } from './rule-set.schema.ts';

/**
 * The thresholds of the scenario format's default rule set. None but the 60 days is fixed in law: the 20 % lethal
 * share, one radio per member and the required courses are Enlace defaults that an admin replaces as data.
 */
const READINESS: TReadinessThresholds = {
  maxLethalShare: 0.2,
  lethalRequiresDesignation: true,
  radiosPerMember: 1,
  baseTraining: ['DERECHOS_HUMANOS', 'MARCO_LEGAL_USO_FUERZA'],
};

const task = (ffaaMayPerform: boolean, training: TTaskProfile['training'], crowdTask = false): TTaskProfile => ({
  ffaaMayPerform,
  training,
  crowdTask,
  dronesRequired: 0,
});

/** Tasks where detentions may occur need PROCEDIMIENTOS_DETENCION; the crowd task needs CONTROL_MULTITUDES. */
const TASK_PROFILES: Record<TTask, TTaskProfile> = {
  PATRULLAJE_CONJUNTO: task(true, ['PROCEDIMIENTOS_DETENCION']),
  PUESTO_CONTROL: task(true, ['PROCEDIMIENTOS_DETENCION']),
  PROTECCION_INSTALACION_ESTRATEGICA: task(true, []),
  PROTECCION_SERVICIO_ESENCIAL: task(true, []),
  CONTROL_MULTITUDES_APOYO: task(true, ['CONTROL_MULTITUDES', 'PROCEDIMIENTOS_DETENCION'], true),
  SEGURIDAD_PERIMETRICA: task(true, []),
  TRANSPORTE_APOYO: task(true, []),
  INVESTIGACION_CRIMINAL: task(false, ['PROCEDIMIENTOS_DETENCION']),
};

const PROTECTION: TTask[] = ['PROTECCION_INSTALACION_ESTRATEGICA', 'SEGURIDAD_PERIMETRICA', 'PUESTO_CONTROL', 'TRANSPORTE_APOYO'];
const SECURITY: TTask[] = ['PATRULLAJE_CONJUNTO', 'PUESTO_CONTROL', 'PROTECCION_INSTALACION_ESTRATEGICA', 'SEGURIDAD_PERIMETRICA', 'TRANSPORTE_APOYO'];

/** The default rule set. `ruleSetVersion` changes whenever any rule or threshold changes. */
export const DEFAULT_RULE_SET: TRuleSet = deepFreeze(ZRuleSet.parse({
  ruleSetVersion: 'enlace-default-2025.11.3',
  description:
    'Default rules from the legal-framework note (Constitution art. 137, DL 1095, DL 1186, Inter-American Court) and the ' +
    'default thresholds of the scenario format. References marked "(unverified)" await a lawyer.',
  thresholds: {
    maxEmergencyDays: 60,
    typicalRsDays: 30,
    expiryAlertDays: 15,
    readiness: { FFAA: READINESS, PNP: READINESS },
    crowdControlSet: ['ESCUDO', 'CASCO', 'CHALECO'],
    tasks: TASK_PROFILES,
    groundTasks: {
      TID: SECURITY,
      TERRORISMO: SECURITY,
      INSTALACION_ESTRATEGICA: PROTECTION,
      ACTIVO_CRITICO_NACIONAL: PROTECTION,
      SERVICIO_PUBLICO_ESENCIAL: ['PROTECCION_SERVICIO_ESENCIAL', 'SEGURIDAD_PERIMETRICA', 'PUESTO_CONTROL', 'TRANSPORTE_APOYO'],
      OTRO_CONSTITUCIONALMENTE_JUSTIFICADO: [
        'PATRULLAJE_CONJUNTO',
        'PUESTO_CONTROL',
        'PROTECCION_INSTALACION_ESTRATEGICA',
        'PROTECCION_SERVICIO_ESENCIAL',
        'CONTROL_MULTITUDES_APOYO',
        'SEGURIDAD_PERIMETRICA',
        'TRANSPORTE_APOYO',
      ],
    },
  },
  rules: [...DEFAULT_INSTRUMENT_RULES, ...DEFAULT_TASKING_RULES, ...DEFAULT_READINESS_RULES, ...DEFAULT_FORCE_RULES, ...DEFAULT_PROTOCOL_RULES],
}));

/** Freezes the shared default so that no caller can change it for every other evaluation. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
