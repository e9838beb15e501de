import type { TForce } from './enums.ts';
import { FORCE_ECHELONS } from './forces.ts';
import type { TForcesEquipmentCategory } from './forces.ts';

/**
 * Pure rules of the forces' records, shared by the API's use-cases and the CSV import so that both refuse the same
 * records for the same reason.
 */

/** The detail block each category must carry, and the fields of that block the CSV import maps to columns. */
export const EQUIPMENT_REQUIRED_DETAILS = {
  RADIO: { details: 'radio', columns: ['radioModes'] },
  DRON: { details: 'drone', columns: ['droneModel', 'droneCamera', 'droneVideoLink'] },
  VEHICULO: { details: 'vehicle', columns: ['vehiclePlate', 'vehicleKind'] },
} as const satisfies Partial<Record<TForcesEquipmentCategory, { details: string; columns: readonly string[] }>>;

export type TEquipmentDetailsKey = 'radio' | 'drone' | 'vehicle';

/** What a record says about its detail blocks: present (any value) or absent (null / undefined). */
export type EquipmentDetailsShape = { category: TForcesEquipmentCategory } & Partial<Record<TEquipmentDetailsKey, unknown>>;

/** Why a record's detail blocks do not fit its category, or null when they do. */
export type EquipmentDetailsProblem =
  | { code: 'EQUIPMENT_DETAILS_REQUIRED'; details: TEquipmentDetailsKey; category: TForcesEquipmentCategory }
  | { code: 'EQUIPMENT_DETAILS_MISMATCH'; details: TEquipmentDetailsKey; category: TForcesEquipmentCategory };

const DETAIL_CATEGORY: Readonly<Record<TEquipmentDetailsKey, TForcesEquipmentCategory>> = { radio: 'RADIO', drone: 'DRON', vehicle: 'VEHICULO' };

/**
 * A radio carries its modes (analog, P25, TETRA, DMR) and talkgroups, a drone its model, camera and video link, a
 * vehicle its plate and kind; no other category carries those blocks. The block's own fields are checked by the
 * schemas (`ZRadioDetails` needs at least one mode); this rule decides which block a category needs.
 */
export function equipmentDetailsProblem(e: EquipmentDetailsShape): EquipmentDetailsProblem | null {
  const required = (EQUIPMENT_REQUIRED_DETAILS as Partial<Record<TForcesEquipmentCategory, { details: TEquipmentDetailsKey }>>)[e.category];
  if (required && (e[required.details] === null || e[required.details] === undefined)) {
    return { code: 'EQUIPMENT_DETAILS_REQUIRED', details: required.details, category: e.category };
  }
  for (const [details, category] of Object.entries(DETAIL_CATEGORY) as [TEquipmentDetailsKey, TForcesEquipmentCategory][]) {
    if (e[details] !== null && e[details] !== undefined && e.category !== category) {
      return { code: 'EQUIPMENT_DETAILS_MISMATCH', details, category };
    }
  }
  return null;
}

/** The FF.AA. services whose commands may report to the Comando Conjunto. */
const JOINT_SUBORDINATE_FORCES: readonly TForce[] = ['EP', 'MGP', 'FAP'];

/** A unit's place in the organisation, as its parent rule sees it. */
export interface UnitEchelon {
  force: TForce;
  echelon: string;
}

/** Why a unit may not hang from a parent, or null when it may. */
export type UnitParentProblem =
  | { code: 'UNIT_PARENT_OTHER_FORCE'; force: TForce; parentForce: TForce }
  | { code: 'UNIT_PARENT_NOT_HIGHER'; echelon: string; parentEchelon: string; higher: string };

/**
 * A unit hangs from a unit of a higher echelon of its own force (FORCE_ECHELONS, top down). The one crossing between
 * hierarchies is the Comando Conjunto (CCFFAA) over the services of the armed forces (EP, MGP, FAP): a CCFFAA unit
 * may be the parent of a service unit whose echelon is not above the CCFFAA unit's own (the CCFFAA command over the
 * services' commands, an operational command over the units assigned to it). The PNP and the armed forces do not
 * share a unit hierarchy: when they work together, that is a command relationship of an operation (OPCON, TACON,
 * support) with its legal basis, not a parent.
 */
export function unitParentProblem(unit: UnitEchelon, parent: UnitEchelon): UnitParentProblem | null {
  const joint = parent.force === 'CCFFAA' && JOINT_SUBORDINATE_FORCES.includes(unit.force);
  if (parent.force !== unit.force && !joint) return { code: 'UNIT_PARENT_OTHER_FORCE', force: unit.force, parentForce: parent.force };
  const own = FORCE_ECHELONS[unit.force];
  const unitRank = own.indexOf(unit.echelon);
  const parentRank = FORCE_ECHELONS[parent.force].indexOf(parent.echelon);
  const higher = joint ? parentRank <= unitRank : parentRank < unitRank;
  if (unitRank < 0 || parentRank < 0 || !higher) {
    const above = own.slice(0, Math.max(unitRank, 0));
    return { code: 'UNIT_PARENT_NOT_HIGHER', echelon: unit.echelon, parentEchelon: parent.echelon, higher: above.join(', ') || '—' };
  }
  return null;
}
