import { authorize } from '@enlace/access';
import {
  CLASSIFICATIONS,
  DOCUMENT_TYPES,
  EQUIPMENT_CONDITIONS,
  EQUIPMENT_REQUIRED_DETAILS,
  FORCES_EQUIPMENT_CATEGORIES,
  RADIO_MODES,
  SERIAL_ONLY_CATEGORIES,
  equipmentDetailsProblem,
} from '@enlace/contracts';
import type { TForcesEquipmentCategory } from '@enlace/contracts';
import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import type { ImportIssue, ImportKind, ImportRow } from '../../../platform/import/import-kind.ts';
import { csvBool, csvEnum, csvInt, csvMatch, csvText } from '../../../platform/import/import-values.ts';
import { personsByDocuments, serialItems, upsertLotEquipment, upsertSerialEquipment } from '../forces-import.repository.ts';
import type { EquipmentValues } from '../forces-import.repository.ts';
import { DOCUMENT_NUMBER, resolveUnits } from './unit-refs.ts';

const CATEGORY_ALIASES = {
  escudo: 'ESCUDO', shield: 'ESCUDO', casco: 'CASCO', helmet: 'CASCO', chaleco: 'CHALECO', vest: 'CHALECO',
  'mascara antigas': 'MASCARA_ANTIGAS', 'gas mask': 'MASCARA_ANTIGAS', baston: 'BASTON', vara: 'BASTON', baton: 'BASTON',
  'gas pimienta': 'GAS_PIMIENTA', 'oc spray': 'GAS_PIMIENTA', lanzador: 'LANZADOR_MENOS_LETAL', taser: 'TASER',
  fusil: 'FUSIL', rifle: 'FUSIL', pistola: 'PISTOLA', pistol: 'PISTOLA', radio: 'RADIO', dron: 'DRON', drone: 'DRON',
  vehiculo: 'VEHICULO', vehicle: 'VEHICULO',
} as const;

const schema = z
  .object({
    unit: csvText(80),
    category: csvEnum(FORCES_EQUIPMENT_CATEGORIES, CATEGORY_ALIASES),
    item: csvText(200),
    serial: csvMatch(/^[A-Za-z0-9./-]{1,60}$/, 'IMPORT_SERIAL_FORMAT').optional(),
    quantity: csvInt(1, 1_000_000).optional(),
    condition: csvEnum(EQUIPMENT_CONDITIONS, {
      operativo: 'serviceable', bueno: 'serviceable', 'en reparacion': 'in_repair', reparacion: 'in_repair',
      inoperativo: 'unserviceable', baja: 'unserviceable',
    }).optional(),
    holderDocumentType: csvEnum(DOCUMENT_TYPES).optional(),
    holderDocumentNumber: csvMatch(DOCUMENT_NUMBER, 'IMPORT_DOCUMENT_FORMAT').optional(),
    radioModes: z.string().max(100).optional(),
    talkgroups: z.string().max(2000).optional(),
    droneModel: csvText(120).optional(),
    droneCamera: csvText(120).optional(),
    droneVideoLink: csvText(120).optional(),
    vehiclePlate: csvText(20).optional(),
    vehicleKind: csvText(60).optional(),
    vehicleHasRadio: csvBool().optional(),
    classification: csvEnum(CLASSIFICATIONS).optional(),
    exercise: csvBool().optional(),
  })
  .superRefine((e, ctx) => {
    const need = (path: string): void => {
      ctx.addIssue({ code: 'custom', path: [path], message: 'required', params: { code: 'IMPORT_VALUE_REQUIRED' } });
    };
    if (SERIAL_ONLY_CATEGORIES.includes(e.category)) {
      if (!e.serial) need('serial');
      if (!e.holderDocumentNumber) need('holderDocumentNumber');
    }
    if (e.serial && (e.quantity ?? 1) !== 1) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: '1', params: { code: 'IMPORT_VALUE_OUT_OF_RANGE', range: '= 1' } });
    }
    if ((e.holderDocumentType === undefined) !== (e.holderDocumentNumber === undefined)) {
      need(e.holderDocumentType === undefined ? 'holderDocumentType' : 'holderDocumentNumber');
    }
    const modes = radioModesOf(e);
    const bad = modes.filter((m) => !RADIO_MODES.some((r) => r.toLowerCase() === m.toLowerCase()));
    if (e.category === 'RADIO' && bad.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['radioModes'], message: 'modes', params: { code: 'IMPORT_VALUE_NOT_ALLOWED', allowed: RADIO_MODES.join(', ') } });
    }
    // The API's rule (a radio, drone or vehicle carries its details), reported on the empty columns.
    if (equipmentDetailsProblem({ category: e.category, ...detailsOf(e) })?.code === 'EQUIPMENT_DETAILS_REQUIRED') {
      const { columns } = EQUIPMENT_REQUIRED_DETAILS[e.category as keyof typeof EQUIPMENT_REQUIRED_DETAILS];
      for (const c of columns) if (c === 'radioModes' ? modes.length === 0 : !e[c]) need(c);
    }
  });
type EquipmentRow = z.infer<typeof schema>;

/** The columns of a row that hold the detail blocks (declared apart from the schema, which uses them). */
interface DetailColumns {
  category: TForcesEquipmentCategory;
  radioModes?: string | undefined;
  talkgroups?: string | undefined;
  droneModel?: string | undefined;
  droneCamera?: string | undefined;
  droneVideoLink?: string | undefined;
  vehiclePlate?: string | undefined;
  vehicleKind?: string | undefined;
  vehicleHasRadio?: boolean | undefined;
}

/** The radio modes a row names, as written. */
function radioModesOf(r: DetailColumns): string[] {
  return (r.radioModes ?? '').split(/[|,;/]/).map((m) => m.trim()).filter(Boolean);
}

/** The detail blocks a row fills for its own category (columns of other categories are ignored); null when incomplete. */
function detailsOf(r: DetailColumns): { radio: object | null; drone: object | null; vehicle: object | null } {
  const modes = radioModesOf(r);
  return {
    radio:
      r.category === 'RADIO' && modes.length > 0
        ? {
            modes: modes.map((m) => RADIO_MODES.find((x) => x.toLowerCase() === m.toLowerCase())),
            talkgroups: (r.talkgroups ?? '').split(/[|;]/).map((t) => t.trim()).filter(Boolean),
          }
        : null,
    drone: r.category === 'DRON' && r.droneModel && r.droneCamera && r.droneVideoLink
      ? { model: r.droneModel, camera: r.droneCamera, videoLink: r.droneVideoLink }
      : null,
    vehicle: r.category === 'VEHICULO' && r.vehiclePlate && r.vehicleKind
      ? { plate: r.vehiclePlate, kind: r.vehicleKind, hasRadio: r.vehicleHasRadio ?? false }
      : null,
  };
}

const holderKey = (e: EquipmentRow): string | null =>
  e.holderDocumentType && e.holderDocumentNumber ? `${e.holderDocumentType}:${e.holderDocumentNumber}` : null;

async function resolveBatch(db: Queryable, rows: readonly ImportRow<EquipmentRow>[], actor: Actor) {
  const units = await resolveUnits(db, actor, 'equipment:write', rows.map((r) => r.value.unit));
  const docs = rows
    .filter((r) => holderKey(r.value) !== null)
    .map((r) => ({ type: r.value.holderDocumentType!, number: r.value.holderDocumentNumber! }));
  const holders = new Map((await personsByDocuments(db, docs)).map((p) => [`${p.documentType}:${p.documentNumber}`, p]));
  return { units, holders };
}

function toValues(r: EquipmentRow, unit: { id: string; agency: string }, holderId: string | null): EquipmentValues {
  const details = detailsOf(r);
  const json = (v: object | null): string | null => (v === null ? null : JSON.stringify(v));
  return {
    unitId: unit.id,
    agency: unit.agency,
    category: r.category,
    item: r.item,
    serial: r.serial ?? null,
    quantity: r.quantity ?? 1,
    condition: r.condition ?? 'serviceable',
    assignedTo: holderId,
    radio: json(details.radio),
    drone: json(details.drone),
    vehicle: json(details.vehicle),
    classification: r.classification ?? 'CONFIDENCIAL',
    exercise: r.exercise ?? false,
  };
}

/**
 * Equipment (issue 4 item 3): serial items (lethal weapons always, with their holder) keyed by category and
 * serial; lots keyed by unit, category, item, condition and holder, whose quantity a re-import replaces.
 */
export const equipmentImport: ImportKind<EquipmentRow> = {
  name: 'equipment',
  tables: ['equipment_item'],
  title: { es: 'Equipamiento', en: 'Equipment' },
  description: {
    es: 'Un lote o un artículo con serie por fila; las armas letales van por serie y asignadas a un efectivo.',
    en: 'One lot or one serial item per row; lethal weapons by serial and assigned to a member.',
  },
  permission: 'equipment:write',
  fields: [
    { name: 'unit', required: true, label: { es: 'Unidad', en: 'Unit' }, hint: { es: 'Nombre corto o UUID', en: 'Short name or UUID' }, aliases: ['unidad'] },
    { name: 'category', required: true, label: { es: 'Categoría', en: 'Category' }, hint: { es: FORCES_EQUIPMENT_CATEGORIES.join(', '), en: FORCES_EQUIPMENT_CATEGORIES.join(', ') }, aliases: ['categoria', 'tipo'] },
    { name: 'item', required: true, label: { es: 'Artículo / modelo', en: 'Item / model' }, aliases: ['articulo', 'modelo', 'descripcion', 'model'] },
    { name: 'serial', required: false, label: { es: 'N.º de serie', en: 'Serial' }, aliases: ['serie', 'numero_serie', 'nro_serie'] },
    { name: 'quantity', required: false, label: { es: 'Cantidad', en: 'Quantity' }, aliases: ['cantidad', 'qty'] },
    { name: 'condition', required: false, label: { es: 'Estado', en: 'Condition' }, hint: { es: 'operativo, en reparación, inoperativo', en: 'serviceable, in_repair, unserviceable' }, aliases: ['estado', 'condicion'] },
    { name: 'holderDocumentType', required: false, label: { es: 'Tipo doc. del asignado', en: 'Holder document type' }, aliases: ['tipo_documento_asignado'] },
    { name: 'holderDocumentNumber', required: false, label: { es: 'N.º doc. del asignado', en: 'Holder document number' }, aliases: ['documento_asignado', 'dni_asignado'] },
    { name: 'radioModes', required: false, label: { es: 'Modos de radio', en: 'Radio modes' }, hint: { es: 'analog|P25|TETRA|DMR', en: 'analog|P25|TETRA|DMR' }, aliases: ['modos', 'modos_radio'] },
    { name: 'talkgroups', required: false, label: { es: 'Grupos de conversación', en: 'Talkgroups' }, hint: { es: 'separados por |', en: 'separated by |' }, aliases: ['grupos'] },
    { name: 'droneModel', required: false, label: { es: 'Modelo de dron', en: 'Drone model' }, aliases: ['modelo_dron'] },
    { name: 'droneCamera', required: false, label: { es: 'Cámara del dron', en: 'Drone camera' }, aliases: ['camara'] },
    { name: 'droneVideoLink', required: false, label: { es: 'Enlace de video', en: 'Video link' }, aliases: ['enlace_video'] },
    { name: 'vehiclePlate', required: false, label: { es: 'Placa', en: 'Plate' }, aliases: ['placa'] },
    { name: 'vehicleKind', required: false, label: { es: 'Tipo de vehículo', en: 'Vehicle kind' }, aliases: ['tipo_vehiculo'] },
    { name: 'vehicleHasRadio', required: false, label: { es: 'Vehículo con radio', en: 'Vehicle has radio' }, aliases: ['con_radio'] },
    { name: 'classification', required: false, label: { es: 'Clasificación', en: 'Classification' }, aliases: ['clasificacion'] },
    { name: 'exercise', required: false, label: { es: 'Ejercicio', en: 'Exercise' }, aliases: ['ejercicio'] },
  ],
  schema,
  naturalKey: (e) =>
    e.serial ? `S:${e.category}:${e.serial}` : `L:${e.unit}:${e.category}:${e.item}:${e.condition ?? 'serviceable'}:${holderKey(e) ?? '-'}`,

  async check(db, rows, ctx) {
    const { units, holders } = await resolveBatch(db, rows, ctx.actor);
    const serials = await serialItems(db, rows.filter((r) => r.value.serial).map((r) => ({ category: r.value.category, serial: r.value.serial! })));
    const issues: ImportIssue[] = [];
    rows.forEach((r, index) => {
      const u = units.get(r.value.unit);
      if (u && !u.ok) issues.push({ index, field: 'unit', code: u.code, params: { unit: r.value.unit } });
      if (u?.ok && !authorize(ctx.actor, 'equipment:write', { agency: u.unit.agency, classification: r.value.classification ?? 'CONFIDENCIAL' }).allow) {
        issues.push({ index, field: 'classification', code: 'CLASSIFICATION_ABOVE_CLEARANCE', params: { clearance: ctx.actor.clearance } });
      }
      const hk = holderKey(r.value);
      if (hk) {
        const h = holders.get(hk);
        if (!h || !authorize(ctx.actor, 'personnel:read', h).allow) {
          issues.push({ index, field: 'holderDocumentNumber', code: 'IMPORT_PERSON_NOT_FOUND', params: { document: hk } });
        }
      }
      if (r.value.serial) {
        const before = serials.find((s) => s.category === r.value.category && s.serial === r.value.serial);
        if (before && !authorize(ctx.actor, 'equipment:write', before).allow) {
          issues.push({ index, field: 'serial', code: 'IMPORT_RECORD_FORBIDDEN', params: { key: r.key } });
        }
      }
    });
    return issues;
  },

  async apply(tx, audit, rows, ctx) {
    const { units, holders } = await resolveBatch(tx, rows, ctx.actor);
    const values = rows.map((r) => {
      const u = units.get(r.value.unit);
      if (!u?.ok) throw new Error(`unit ${r.value.unit} was checked but is not resolvable`);
      const hk = holderKey(r.value);
      return toValues(r.value, u.unit, hk ? (holders.get(hk)?.id ?? null) : null);
    });
    const changed = [
      ...(await upsertSerialEquipment(tx, values.filter((v) => v.serial !== null))),
      ...(await upsertLotEquipment(tx, values.filter((v) => v.serial === null))),
    ];
    const created = changed.filter((c) => c.inserted).length;
    audit.record('import.equipment', 'import_run', ctx.runId, { sha256: ctx.sha256, lines: [rows[0]?.line, rows.at(-1)?.line], changed });
    return { created, updated: changed.length - created, unchanged: rows.length - changed.length };
  },
};
