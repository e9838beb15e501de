import type { TEquipmentRequirementInput, TReadinessStandard } from './readiness-standard.schema.ts';
import { ZReadinessStandard } from './readiness-standard.schema.ts';

/** Shorthands for the requirement table below. */
const perMember = (category: TEquipmentRequirementInput['category'], ref: string, quantity = 1): TEquipmentRequirementInput => ({
  category,
  perMember: quantity,
  ref,
});
const onePer = (
  category: TEquipmentRequirementInput['category'],
  members: number,
  ref: string,
  extra: Partial<TEquipmentRequirementInput> = {},
): TEquipmentRequirementInput => ({ category, perMembers: members, minimum: 1, ref, ...extra });

/**
 * The default "citizen-security support unit" standard (unidad de apoyo a la seguridad ciudadana), after the
 * conventions of /work/shared/domain/operations.md. Level boundaries follow classic unit status reporting; every
 * quantity is an Enlace default marked unverified until the CCFFAA / PNP training directorates confirm it.
 */
export const DEFAULT_READINESS_STANDARD: TReadinessStandard = deepFreeze(
  ZReadinessStandard.parse({
    standardId: 'APOYO_SEGURIDAD_CIUDADANA',
    version: '2026.11.1',
    name: { es: 'Unidad de apoyo a la seguridad ciudadana', en: 'Citizen-security support unit' },
    description:
      'Per member: current training in the legal framework, human rights, use of force (DL 1095 / RUF), crowd control and ' +
      'detention procedures; a radio and the non-lethal kit (baton, shield, helmet, protective vest, OC spray). Per unit: ' +
      'lethal weapons only for designated members up to 20 %, crowd-control sets, a drone per company and vehicles with ' +
      'communications. Per task type: the mission-essential tasks with their extra courses and equipment.',
    references: {
      // The P/S/R/T boundaries are those of classic unit status reporting (US Army AR 220-1, "Army Unit Status
      // Reporting and Force Registration", and the joint SORTS of CJCSI 3401.02), as publicly summarised:
      // P1 >= 90 %, P2 >= 80 %, P3 >= 70 %; S1 >= 90 %, S2 >= 80 %, S3 >= 65 %; R1 >= 90 %, R2 >= 70 %, R3 >= 60 %.
      // T follows the METL assessment (share of METs trained): 85 / 65 / 50 %, an Enlace reading of the same scheme.
      usr: {
        source: 'US Army AR 220-1, Army Unit Status Reporting; CJCSI 3401.02 (SORTS)',
        section: 'P-, S-, R-level computation',
        unverified: true,
        note: 'Classic readiness reporting adopted as the Enlace default; Peru has no published equivalent in the domain note.',
      },
      usrT: {
        source: 'US Army AR 220-1, Army Unit Status Reporting (METL assessment)',
        section: 'T-level',
        unverified: true,
        note: 'Share of mission-essential tasks trained and current; boundaries are an Enlace default.',
      },
      cssu: {
        source: 'Enlace: estándar de unidad de apoyo a la seguridad ciudadana (operations.md)',
        section: null,
        unverified: true,
        note: 'Per-member training and kit and per-unit means of a citizen-security support unit.',
      },
      dl1095: {
        source: 'Decreto Legislativo 1095 y su reglamento (DS 003-2020-DE); RUF de las FF.AA.',
        section: null,
        unverified: true,
        note: 'Training in the rules for the use of force before any employment in internal order.',
      },
      dl1186: {
        source: 'Decreto Legislativo 1186, uso de la fuerza por la PNP',
        section: 'art. 7',
        unverified: false,
        note: 'Differentiated and progressive force: every member needs non-lethal means.',
      },
      ruf: {
        source: 'Reglas de uso de la fuerza de las FF.AA. (RUF 2023) y protocolo de la tarea',
        section: null,
        unverified: true,
        note: 'Lethal weapons only for designated members, up to a set share.',
      },
      monteroAranguren: {
        source: 'Corte IDH, caso Montero Aranguren y otros (Retén de Catia) vs. Venezuela (2006)',
        section: null,
        unverified: false,
        note: 'Forces employed in internal order must be trained in human rights and the use of force.',
      },
      met: {
        source: 'Enlace: tareas esenciales de la misión por tipo de tarea',
        section: null,
        unverified: true,
        note: 'Extra courses and equipment per task type of the tasking catalogue.',
      },
    },
    levels: {
      P: { min: [0.9, 0.8, 0.7], ref: 'usr' },
      S: { min: [0.9, 0.8, 0.65], ref: 'usr' },
      R: { min: [0.9, 0.7, 0.6], ref: 'usr' },
      T: { min: [0.85, 0.65, 0.5], ref: 'usrT' },
    },
    personnel: {
      countedStatuses: ['available', 'deployed'],
      courses: ['NORMAS_LEGALES', 'DERECHOS_HUMANOS', 'MARCO_LEGAL_USO_FUERZA', 'CONTROL_MULTITUDES', 'PROCEDIMIENTOS_DETENCION'],
      ref: 'monteroAranguren',
    },
    equipment: [
      perMember('RADIO', 'cssu'),
      perMember('BASTON', 'dl1186'),
      perMember('ESCUDO', 'cssu'),
      perMember('CASCO', 'cssu'),
      perMember('CHALECO', 'cssu'),
      perMember('GAS_PIMIENTA', 'dl1186'),
      // A company is about 120 members: one drone per company.
      onePer('DRON', 120, 'cssu'),
      // A squad of ten rides one vehicle, which carries a radio of the net.
      onePer('VEHICULO', 10, 'cssu', { withRadio: true }),
    ],
    onHandConditions: ['serviceable', 'in_repair', 'unserviceable'],
    lethal: { maxShare: 0.2, requiresDesignation: true, ref: 'ruf' },
    mets: {
      trainedShare: 0.85,
      rating: { yes: 0.9, qualified: 0.7 },
      ref: 'met',
      defaultTasks: [
        'PATRULLAJE_CONJUNTO',
        'PUESTO_CONTROL',
        'PROTECCION_INSTALACION_ESTRATEGICA',
        'PROTECCION_SERVICIO_ESENCIAL',
        'CONTROL_MULTITUDES_APOYO',
        'SEGURIDAD_PERIMETRICA',
        'TRANSPORTE_APOYO',
      ],
      tasks: {
        PATRULLAJE_CONJUNTO: {
          name: { es: 'Patrullaje conjunto con la PNP', en: 'Joint patrol with the PNP' },
          courses: ['PRIMEROS_AUXILIOS'],
          equipment: [],
          ref: 'met',
        },
        PUESTO_CONTROL: {
          name: { es: 'Puesto de control', en: 'Checkpoint' },
          courses: ['PERSUASION_NEGOCIACION'],
          equipment: [],
          ref: 'met',
        },
        PROTECCION_INSTALACION_ESTRATEGICA: {
          name: { es: 'Protección de instalación estratégica', en: 'Protection of a strategic facility' },
          courses: ['SEGURIDAD_DE_LA_FUERZA'],
          equipment: [],
          ref: 'met',
        },
        PROTECCION_SERVICIO_ESENCIAL: {
          name: { es: 'Protección de servicio público esencial', en: 'Protection of an essential public service' },
          courses: ['SEGURIDAD_DE_LA_FUERZA'],
          equipment: [],
          ref: 'met',
        },
        CONTROL_MULTITUDES_APOYO: {
          name: { es: 'Apoyo al control de multitudes', en: 'Crowd-control support' },
          courses: ['PERSUASION_NEGOCIACION', 'ANALISIS_CRISIS_ORDEN_PUBLICO'],
          equipment: [perMember('MASCARA_ANTIGAS', 'cssu'), onePer('LANZADOR_MENOS_LETAL', 30, 'dl1186')],
          ref: 'met',
        },
        SEGURIDAD_PERIMETRICA: {
          name: { es: 'Seguridad perimétrica', en: 'Perimeter security' },
          courses: ['SEGURIDAD_DE_LA_FUERZA'],
          equipment: [],
          ref: 'met',
        },
        TRANSPORTE_APOYO: {
          name: { es: 'Transporte de apoyo', en: 'Support transport' },
          courses: ['PRIMEROS_AUXILIOS'],
          equipment: [onePer('VEHICULO', 8, 'met', { withRadio: true })],
          ref: 'met',
        },
      },
    },
  }),
);

/** Freezes the shared default so that no caller can change it for every other computation. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
