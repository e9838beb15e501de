import type { TTask, TTrainingArea } from '../codes.ts';
import { DEFAULT_READINESS_STANDARD } from './default-readiness-standard.ts';
import type { TReadinessCertificate, TReadinessData, TReadinessEquipment, TReadinessMember } from './prepare-readiness.ts';
import type { TReadinessStandard, TReadinessStandardInput } from './readiness-standard.schema.ts';
import { ZReadinessStandard } from './readiness-standard.schema.ts';

/**
 * Builders for readiness tests: a small standard whose shares are easy to hit exactly, and units of n members with
 * chosen certificates and equipment. Test support only (imported by *.test.ts).
 */

/** Two per-member courses, one radio per member, five METs with one extra course each and no extra equipment. */
export function testStandard(overrides: Partial<TReadinessStandardInput> = {}): TReadinessStandard {
  const met = (course: TTrainingArea, name: string): NonNullable<TReadinessStandardInput['mets']['tasks'][TTask]> => ({
    name: { es: name, en: name },
    courses: [course],
    equipment: [],
    ref: 'met',
  });
  return ZReadinessStandard.parse({
    ...DEFAULT_READINESS_STANDARD,
    standardId: 'TEST',
    version: 'test-1',
    personnel: { countedStatuses: ['available', 'deployed'], courses: ['DERECHOS_HUMANOS', 'MARCO_LEGAL_USO_FUERZA'], ref: 'cssu' },
    equipment: [{ category: 'RADIO', perMember: 1, ref: 'cssu' }],
    mets: {
      ...DEFAULT_READINESS_STANDARD.mets,
      defaultTasks: ['PATRULLAJE_CONJUNTO', 'PUESTO_CONTROL', 'PROTECCION_INSTALACION_ESTRATEGICA', 'SEGURIDAD_PERIMETRICA', 'TRANSPORTE_APOYO'],
      tasks: {
        PATRULLAJE_CONJUNTO: met('PRIMEROS_AUXILIOS', 'patrol'),
        PUESTO_CONTROL: met('PERSUASION_NEGOCIACION', 'checkpoint'),
        PROTECCION_INSTALACION_ESTRATEGICA: met('SEGURIDAD_DE_LA_FUERZA', 'facility'),
        SEGURIDAD_PERIMETRICA: met('ANALISIS_LEGAL_OPERACIONES', 'perimeter'),
        TRANSPORTE_APOYO: met('INTELIGENCIA_POLICIAL', 'transport'),
      },
    },
    ...overrides,
  });
}

export const BASE: TTrainingArea[] = ['DERECHOS_HUMANOS', 'MARCO_LEGAL_USO_FUERZA'];
export const AS_OF = '2026-11-28';

/** A unit "U" with `n` available members m1..mn, no certificates and no equipment. */
export function unitOf(n: number, extra: Partial<TReadinessData['units'][number]> = {}): TReadinessData & {
  members: TReadinessMember[];
  certificates: TReadinessCertificate[];
  equipment: TReadinessEquipment[];
} {
  return {
    units: [{ unitId: 'U', ...extra }],
    members: Array.from({ length: n }, (_, i) => ({ id: `m${i + 1}`, unitId: 'U', status: 'available' as const })),
    certificates: [],
    equipment: [],
  };
}

/** Certificates of `courses` for members m(from)..m(to), valid through `validUntil`. */
export function certify(
  data: { certificates: TReadinessCertificate[] },
  from: number,
  to: number,
  courses: readonly TTrainingArea[],
  validUntil = '2027-12-31',
): void {
  for (let i = from; i <= to; i++) for (const course of courses) data.certificates.push({ memberId: `m${i}`, course, validUntil });
}
