import { z } from 'zod';
import { ZRecordLabels } from './common.ts';
import { ZClassification, ZForce } from './enums.ts';
import type { TForce } from './enums.ts';
import { ZUbigeo } from './geography.ts';

/**
 * Forces: the organisation of both forces (unit kinds per force, areas of responsibility), their people
 * (personnel, secondments) and their equipment. Training lives in training.ts, readiness in readiness.ts.
 */

// ---------------------------------------------------------------------------------------------------------------
// Units: kinds per force and area of responsibility (the unit record itself is in units.ts)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The echelons each force uses, from the top down. Data, not code: the unit use-cases refuse an echelon its force
 * does not use. PNP: Comandancia General → regiones / frentes policiales → divisiones → comisarías, plus
 * specialised units (e.g. USE). FF.AA.: CCFFAA → comandos operacionales → divisiones / brigadas / batallones /
 * compañías / pelotones / escuadras (FAP: alas, grupos, escuadrones). Specialised PNP units form companies and
 * platoons too.
 */
export const FORCE_ECHELONS: Readonly<Record<TForce, readonly string[]>> = {
  PNP: ['comando', 'region', 'frente_policial', 'division', 'comisaria', 'unidad_especializada', 'compania', 'peloton', 'escuadra'],
  CCFFAA: ['comando', 'comando_operacional'],
  EP: ['comando', 'comando_operacional', 'division', 'brigada', 'batallon', 'compania', 'peloton', 'escuadra'],
  MGP: ['comando', 'comando_operacional', 'division', 'brigada', 'batallon', 'compania', 'peloton', 'escuadra'],
  FAP: ['comando', 'comando_operacional', 'ala', 'grupo', 'escuadron', 'compania', 'peloton', 'escuadra'],
};

/** A polygon area of responsibility (GeoJSON, WGS 84). PostGIS checks that it is valid. */
export const ZAorGeometry = z
  .object({
    type: z.enum(['Polygon', 'MultiPolygon']),
    coordinates: z.array(z.unknown()).min(1).max(10_000),
  })
  .strict();
export type TAorGeometry = z.infer<typeof ZAorGeometry>;

/** A unit's area of responsibility: UBIGEO codes (any level) and/or a polygon. */
export const ZAreaOfResponsibility = z
  .object({
    ubigeo: z.array(ZUbigeo).max(2000).default([]),
    geometry: ZAorGeometry.nullable().default(null),
  })
  .strict();
export type TAreaOfResponsibility = z.infer<typeof ZAreaOfResponsibility>;

/** A node of the unit tree: the unit's id, names and children (only units the reader may see). */
export interface TUnitTreeNode {
  id: string;
  name: string;
  shortName: string;
  force: TForce;
  echelon: string;
  parentId: string | null;
  homeUbigeo: string | null;
  children: TUnitTreeNode[];
}
export const ZUnitTreeNode: z.ZodType<TUnitTreeNode> = z.lazy(() =>
  z.object({
    id: z.uuid(),
    name: z.string(),
    shortName: z.string(),
    force: ZForce,
    echelon: z.string(),
    parentId: z.uuid().nullable(),
    homeUbigeo: z.string().nullable(),
    children: z.array(ZUnitTreeNode),
  }),
);

/** A unit without its children, as listed among ancestors. */
export const ZUnitSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string(),
  force: ZForce,
  echelon: z.string(),
  parentId: z.uuid().nullable(),
  homeUbigeo: z.string().nullable(),
});
export type TUnitSummary = z.infer<typeof ZUnitSummary>;

/** `GET /units/:id/hierarchy`: the chain of command above (nearest first) and the readable tree below. */
export const ZUnitHierarchy = z.object({
  unit: ZUnitSummary,
  /** From the direct parent up to the top; an ancestor the reader may not see ends the chain. */
  ancestors: z.array(ZUnitSummary),
  /** The unit with its readable subordinates, to any depth. */
  tree: ZUnitTreeNode,
  /** Number of readable subordinates at every depth. */
  subordinateCount: z.number().int(),
});
export type TUnitHierarchy = z.infer<typeof ZUnitHierarchy>;

export const ZUnitTreeQuery = z
  .object({ force: ZForce.optional(), exercise: z.enum(['true', 'false']).optional() })
  .strict();

// ---------------------------------------------------------------------------------------------------------------
// Personnel
// ---------------------------------------------------------------------------------------------------------------

/** Availability of a member. */
export const PERSON_STATUSES = ['available', 'on_leave', 'deployed'] as const;
export const ZPersonStatus = z.enum(PERSON_STATUSES);
export type TPersonStatus = z.infer<typeof ZPersonStatus>;

/**
 * Identity documents: DNI (RENIEC, 8 digits), carné de extranjería, passport, carné de identidad policial (CIP) and
 * carné de identidad militar (CIM). Together with the number, the natural key of a member (re-imports match on it).
 */
export const DOCUMENT_TYPES = ['DNI', 'CE', 'PASAPORTE', 'CIP', 'CIM'] as const;
export const ZDocumentType = z.enum(DOCUMENT_TYPES);
export type TDocumentType = z.infer<typeof ZDocumentType>;

export const ZDocumentNumber = z.string().trim().regex(/^[A-Za-z0-9-]{5,20}$/, '5 to 20 letters, digits or dashes');

/**
 * Personal data (Ley 29733, protección de datos personales): shown only to roles with `personnel:read-personal`
 * and treated as at least CONFIDENCIAL whatever the record's classification.
 */
export const ZPersonalData = z.object({
  documentNumber: z.string(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type TPersonalData = z.infer<typeof ZPersonalData>;

/** A member of a unit. `personal` is null when the reader may not see personal data. */
export const ZPerson = z.object({
  id: z.uuid(),
  /** The home unit (the roster the member belongs to). */
  unitId: z.uuid(),
  /** The unit the member serves in today under an approved secondment, else null. */
  secondedToUnitId: z.uuid().nullable(),
  givenNames: z.string(),
  familyNames: z.string(),
  rank: z.string(),
  specialty: z.string().nullable(),
  status: ZPersonStatus,
  /** Designated to carry a lethal weapon (the standard allows it only for designated members up to a share). */
  designatedLethal: z.boolean(),
  documentType: ZDocumentType,
  personal: ZPersonalData.nullable(),
  ...ZRecordLabels.shape,
});
export type TPerson = z.infer<typeof ZPerson>;

const ZIsoDay = z.iso.date();
const ZPhone = z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'a phone number');

/** A new member. The owning agency is the unit's; the classification defaults to CONFIDENCIAL. */
export const ZPersonCreate = z
  .object({
    unitId: z.uuid(),
    givenNames: z.string().trim().min(1).max(120),
    familyNames: z.string().trim().min(1).max(120),
    rank: z.string().trim().min(1).max(60),
    specialty: z.string().trim().min(1).max(120).nullable().optional(),
    status: ZPersonStatus.default('available'),
    designatedLethal: z.boolean().default(false),
    documentType: ZDocumentType,
    documentNumber: ZDocumentNumber,
    birthDate: ZIsoDay.nullable().optional(),
    phone: ZPhone.nullable().optional(),
    email: z.email().max(200).nullable().optional(),
    classification: ZClassification.default('CONFIDENCIAL'),
    exercise: z.boolean().default(false),
  })
  .strict()
  .refine((p) => p.documentType !== 'DNI' || /^\d{8}$/.test(p.documentNumber), {
    path: ['documentNumber'],
    message: 'a DNI has 8 digits',
  });
export type TPersonCreate = z.infer<typeof ZPersonCreate>;

export const ZPersonUpdate = z
  .object({
    unitId: z.uuid(),
    givenNames: z.string().trim().min(1).max(120),
    familyNames: z.string().trim().min(1).max(120),
    rank: z.string().trim().min(1).max(60),
    specialty: z.string().trim().min(1).max(120).nullable(),
    status: ZPersonStatus,
    designatedLethal: z.boolean(),
    birthDate: ZIsoDay.nullable(),
    phone: ZPhone.nullable(),
    email: z.email().max(200).nullable(),
    classification: ZClassification,
  })
  .partial()
  .strict();
export type TPersonUpdate = z.infer<typeof ZPersonUpdate>;

export const ZPersonListQuery = z
  .object({
    unitId: z.uuid().optional(),
    /** With unitId: also the members of every subordinate unit. */
    subordinates: z.enum(['true', 'false']).optional(),
    status: ZPersonStatus.optional(),
    /** Part of a name or rank. */
    q: z.string().trim().min(1).max(100).optional(),
    exercise: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type TPersonListQuery = z.infer<typeof ZPersonListQuery>;

// ---------------------------------------------------------------------------------------------------------------
// Secondments
// ---------------------------------------------------------------------------------------------------------------

export const SECONDMENT_STATUSES = ['requested', 'approved', 'rejected', 'cancelled'] as const;
export const ZSecondmentStatus = z.enum(SECONDMENT_STATUSES);

/** A member lent from the home unit to another for a period; effective only once the lending side approves. */
export const ZSecondment = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  fromUnitId: z.uuid(),
  toUnitId: z.uuid(),
  startsOn: z.string(),
  endsOn: z.string(),
  reason: z.string(),
  status: ZSecondmentStatus,
  requestedBy: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionRemark: z.string().nullable(),
  ...ZRecordLabels.shape,
});
export type TSecondment = z.infer<typeof ZSecondment>;

export const ZSecondmentCreate = z
  .object({
    personId: z.uuid(),
    toUnitId: z.uuid(),
    startsOn: ZIsoDay,
    endsOn: ZIsoDay,
    reason: z.string().trim().min(3).max(2000),
  })
  .strict()
  .refine((s) => s.endsOn >= s.startsOn, { path: ['endsOn'], message: 'ends before it starts' });
export type TSecondmentCreate = z.infer<typeof ZSecondmentCreate>;

export const ZSecondmentDecision = z
  .object({ decision: z.enum(['approve', 'reject', 'cancel']), remark: z.string().trim().max(2000).optional() })
  .strict();
export type TSecondmentDecision = z.infer<typeof ZSecondmentDecision>;

export const ZSecondmentListQuery = z
  .object({
    unitId: z.uuid().optional(),
    personId: z.uuid().optional(),
    status: ZSecondmentStatus.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------------
// Equipment
// ---------------------------------------------------------------------------------------------------------------

/**
 * Equipment categories, with the same codes as the legal evaluator's (`@enlace/rules` EQUIPMENT_CATEGORIES), so
 * records feed the tasking evaluator unchanged.
 */
export const FORCES_EQUIPMENT_CATEGORIES = [
  'ESCUDO',
  'CASCO',
  'CHALECO',
  'MASCARA_ANTIGAS',
  'BASTON',
  'GAS_PIMIENTA',
  'LANZADOR_MENOS_LETAL',
  'TASER',
  'FUSIL',
  'PISTOLA',
  'RADIO',
  'DRON',
  'VEHICULO',
] as const;
export const ZForcesEquipmentCategory = z.enum(FORCES_EQUIPMENT_CATEGORIES);
export type TForcesEquipmentCategory = z.infer<typeof ZForcesEquipmentCategory>;

/** Groups shown on the national map and in tables. */
export const EQUIPMENT_GROUPS = ['crowd_control', 'non_lethal', 'lethal', 'communications', 'drones', 'vehicles'] as const;
export const ZEquipmentGroup = z.enum(EQUIPMENT_GROUPS);
export type TEquipmentGroup = z.infer<typeof ZEquipmentGroup>;

export const EQUIPMENT_GROUP_OF: Readonly<Record<TForcesEquipmentCategory, TEquipmentGroup>> = {
  ESCUDO: 'crowd_control',
  CASCO: 'crowd_control',
  CHALECO: 'crowd_control',
  MASCARA_ANTIGAS: 'crowd_control',
  BASTON: 'non_lethal',
  GAS_PIMIENTA: 'non_lethal',
  LANZADOR_MENOS_LETAL: 'non_lethal',
  TASER: 'non_lethal',
  FUSIL: 'lethal',
  PISTOLA: 'lethal',
  RADIO: 'communications',
  DRON: 'drones',
  VEHICULO: 'vehicles',
};

/** Categories that are always held by serial, one item per record, assigned to a member. */
export const SERIAL_ONLY_CATEGORIES: readonly TForcesEquipmentCategory[] = ['FUSIL', 'PISTOLA'];

export const EQUIPMENT_CONDITIONS = ['serviceable', 'in_repair', 'unserviceable'] as const;
export const ZEquipmentCondition = z.enum(EQUIPMENT_CONDITIONS);
export type TEquipmentCondition = z.infer<typeof ZEquipmentCondition>;

export const RADIO_MODES = ['analog', 'P25', 'TETRA', 'DMR'] as const;
export const ZRadioMode = z.enum(RADIO_MODES);
export type TRadioMode = z.infer<typeof ZRadioMode>;

export const ZRadioDetails = z
  .object({
    modes: z.array(ZRadioMode).min(1).max(4),
    talkgroups: z.array(z.string().trim().min(1).max(60)).max(200).default([]),
  })
  .strict();
export const ZDroneDetails = z
  .object({
    model: z.string().trim().min(1).max(120),
    camera: z.string().trim().min(1).max(120),
    videoLink: z.string().trim().min(1).max(120),
  })
  .strict();
export const ZVehicleDetails = z
  .object({
    plate: z.string().trim().min(1).max(20),
    kind: z.string().trim().min(1).max(60),
    /** Carries a radio of the force's net (the standard counts vehicles with communications). */
    hasRadio: z.boolean(),
  })
  .strict();

/** An equipment record: either a quantity of identical items, or one item by serial (lethal weapons always). */
export const ZEquipment = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  category: ZForcesEquipmentCategory,
  group: ZEquipmentGroup,
  /** Model or description, e.g. "Escudo antimotines policarbonato". */
  item: z.string(),
  serial: z.string().nullable(),
  quantity: z.number().int(),
  condition: ZEquipmentCondition,
  /** The member it is assigned to (required for lethal weapons). */
  assignedTo: z.uuid().nullable(),
  radio: ZRadioDetails.nullable(),
  drone: ZDroneDetails.nullable(),
  vehicle: ZVehicleDetails.nullable(),
  ...ZRecordLabels.shape,
});
export type TEquipment = z.infer<typeof ZEquipment>;

export const ZEquipmentCreate = z
  .object({
    unitId: z.uuid(),
    category: ZForcesEquipmentCategory,
    item: z.string().trim().min(1).max(200),
    serial: z.string().trim().regex(/^[A-Za-z0-9./-]{1,60}$/, '1 to 60 letters, digits, dots, slashes or dashes').nullable().optional(),
    quantity: z.number().int().min(1).max(1_000_000).default(1),
    condition: ZEquipmentCondition.default('serviceable'),
    assignedTo: z.uuid().nullable().optional(),
    radio: ZRadioDetails.nullable().optional(),
    drone: ZDroneDetails.nullable().optional(),
    vehicle: ZVehicleDetails.nullable().optional(),
    classification: ZClassification.default('CONFIDENCIAL'),
    exercise: z.boolean().default(false),
  })
  .strict();
export type TEquipmentCreate = z.infer<typeof ZEquipmentCreate>;

export const ZEquipmentUpdate = z
  .object({
    unitId: z.uuid(),
    item: z.string().trim().min(1).max(200),
    quantity: z.number().int().min(1).max(1_000_000),
    condition: ZEquipmentCondition,
    assignedTo: z.uuid().nullable(),
    radio: ZRadioDetails.nullable(),
    drone: ZDroneDetails.nullable(),
    vehicle: ZVehicleDetails.nullable(),
    classification: ZClassification,
  })
  .partial()
  .strict();
export type TEquipmentUpdate = z.infer<typeof ZEquipmentUpdate>;

export const ZEquipmentListQuery = z
  .object({
    unitId: z.uuid().optional(),
    category: ZForcesEquipmentCategory.optional(),
    group: ZEquipmentGroup.optional(),
    condition: ZEquipmentCondition.optional(),
    assignedTo: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type TEquipmentListQuery = z.infer<typeof ZEquipmentListQuery>;

/** Per category and condition, the quantity a unit holds (the unit page's summary). */
export const ZEquipmentSummaryRow = z.object({
  category: ZForcesEquipmentCategory,
  group: ZEquipmentGroup,
  serviceable: z.number().int(),
  inRepair: z.number().int(),
  unserviceable: z.number().int(),
});
export type TEquipmentSummaryRow = z.infer<typeof ZEquipmentSummaryRow>;
