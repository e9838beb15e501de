import type { TTrainingArea } from '../codes.ts';
import type { TInstrument } from '../instruments/instrument.schema.ts';
import type { TMember, TTaskingInput, TTaskingUnit } from '../tasking/tasking.schema.ts';

/**
 * Builders for tests: each test states only what it is about and takes the rest from a lawful, complete default
 * (an S3 emergency over Lima province with RUF, directive, CCO plan and oversight, and a ready five-member squad).
 */

const ALL_TRAINING: readonly TTrainingArea[] = ['DERECHOS_HUMANOS', 'MARCO_LEGAL_USO_FUERZA', 'PROCEDIMIENTOS_DETENCION', 'CONTROL_MULTITUDES'];

export function aMember(id: string, overrides: Partial<TMember> = {}): TMember {
  return {
    id,
    trainings: ALL_TRAINING.map((area) => ({ area, validUntil: '2026-06-30' })),
    equipment: ['RADIO', 'BASTON', 'ESCUDO', 'CASCO', 'CHALECO'],
    ...overrides,
  };
}

/** `n` ready members; the first is designated and carries a rifle (1 of 5 = the 20 % allowed). */
export function aSquad(n = 5, prefix = 'M'): TMember[] {
  return Array.from({ length: n }, (_, i) =>
    i === 0
      ? aMember(`${prefix}01`, { designatedLethal: true, equipment: ['RADIO', 'BASTON', 'ESCUDO', 'CASCO', 'CHALECO', 'FUSIL'] })
      : aMember(`${prefix}${String(i + 1).padStart(2, '0')}`),
  );
}

export function aUnit(overrides: Partial<TTaskingUnit> = {}): TTaskingUnit {
  return { id: 'CIA-1', force: 'EJERCITO', name: 'Compañía 1', members: aSquad(), ...overrides };
}

export const OVERSIGHT = {
  congressNotifiedOn: '2025-10-23',
  defensoriaContact: 'Defensoría Lima',
  ministerioPublicoContact: 'Fiscalía Lima',
  reportingSchedule: 'diario',
} as const;

/** An S3 emergency decree over Lima province (1501), 2025-10-22 to 2025-11-20 (30 days). */
export function aDecree(overrides: Partial<TInstrument> = {}): TInstrument {
  return {
    id: 'DS-124-2025-PCM',
    kind: 'DS_ESTADO_EMERGENCIA',
    number: '124-2025-PCM',
    scenario: 'APOYO_PNP_CON_EE',
    area: { ubigeo: ['1501'] },
    validFrom: '2025-10-22',
    validTo: '2025-11-20',
    restrictedRights: ['LIBERTAD_TRANSITO'],
    controlAuthority: 'PNP',
    extends: null,
    oversight: { ...OVERSIGHT },
    ...overrides,
  };
}

export function anExtension(overrides: Partial<TInstrument> = {}): TInstrument {
  return {
    id: 'DS-140-2025-PCM',
    kind: 'DS_PRORROGA',
    number: '140-2025-PCM',
    extends: 'DS-124-2025-PCM',
    validFrom: '2025-11-21',
    validTo: '2025-12-20',
    oversight: { congressNotifiedOn: '2025-11-21' },
    ...overrides,
  };
}

export function aSupporting(kind: TInstrument['kind'], id: string, overrides: Partial<TInstrument> = {}): TInstrument {
  return { id, kind, appliesTo: ['DS-124-2025-PCM'], validFrom: '2025-10-22', validTo: '2025-12-20', ...overrides };
}

/** Decree, extension, RUF, directive and CCO plan: a complete, lawful basis from 2025-10-22 to 2025-12-20. */
export function aLawfulBasis(): TInstrument[] {
  return [
    aDecree(),
    anExtension(),
    aSupporting('RUF', 'RUF-1'),
    aSupporting('DIRECTIVA_CCFFAA', 'DIR-1'),
    aSupporting('PLAN_CCO', 'PLAN-1'),
  ];
}

/** An S4 resolution protecting a strategic installation in Pariñas (200701), with its RUF, directive and plan. */
export function anS4Basis(overrides: Partial<TInstrument> = {}): TInstrument[] {
  const rs: TInstrument = {
    id: 'RS-010-2025-IN',
    kind: 'RESOLUCION_SUPREMA',
    scenario: 'APOYO_PNP_SIN_EE',
    ground: 'INSTALACION_ESTRATEGICA',
    pnpCapacity: 'SOBREPASADA',
    area: { ubigeo: ['200701'] },
    validFrom: '2025-11-01',
    validTo: '2025-11-30',
    controlAuthority: 'PNP',
    oversight: { ...OVERSIGHT },
    ...overrides,
  };
  const to = { appliesTo: [rs.id], validFrom: rs.validFrom, validTo: rs.validTo };
  return [rs, aSupporting('RUF', 'RUF-S4', to), aSupporting('DIRECTIVA_MINDEF', 'DIR-S4', to), aSupporting('PLAN_CCO', 'PLAN-S4', to)];
}

/** A joint patrol in Lima Cercado on 2025-11-05, with a PNP coordinator. */
export function aRequest(overrides: Partial<TTaskingInput> = {}): TTaskingInput {
  return {
    unit: aUnit(),
    task: 'PATRULLAJE_CONJUNTO',
    area: { ubigeo: ['150101'] },
    start: '2025-11-05T08:00:00-05:00',
    end: '2025-11-05T20:00:00-05:00',
    pnpCoordinator: 'COMISARIA-ALFONSO-UGARTE',
    ...overrides,
  };
}

/** The moment most tests evaluate at. */
export const AS_OF = '2025-11-05T07:00:00-05:00';
