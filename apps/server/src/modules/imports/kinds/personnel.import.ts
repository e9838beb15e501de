import { authorize } from '@enlace/access';
import { CLASSIFICATIONS, DOCUMENT_TYPES, PERSON_STATUSES } from '@enlace/contracts';
import { z } from 'zod';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import type { ImportIssue, ImportKind, ImportRow } from '../../../platform/import/import-kind.ts';
import { csvBool, csvDate, csvEnum, csvMatch, csvText } from '../../../platform/import/import-values.ts';
import { DOCUMENT_NUMBER } from './unit-refs.ts';
import { personsByDocuments, upsertPersons } from '../forces-import.repository.ts';
import type { PersonValues } from '../forces-import.repository.ts';
import { resolveUnits } from './unit-refs.ts';

const schema = z
  .object({
    unit: csvText(80),
    documentType: csvEnum(DOCUMENT_TYPES, { 'carne de extranjeria': 'CE', pasaporte: 'PASAPORTE', passport: 'PASAPORTE' }),
    documentNumber: csvMatch(DOCUMENT_NUMBER, 'IMPORT_DOCUMENT_FORMAT'),
    givenNames: csvText(120),
    familyNames: csvText(120),
    rank: csvText(60),
    specialty: csvText(120).optional(),
    status: csvEnum(PERSON_STATUSES, {
      disponible: 'available',
      activo: 'available',
      licencia: 'on_leave',
      'de licencia': 'on_leave',
      vacaciones: 'on_leave',
      desplegado: 'deployed',
    }).optional(),
    designatedLethal: csvBool().optional(),
    birthDate: csvDate().optional(),
    phone: csvMatch(/^\+?[0-9 ()-]{6,20}$/, 'IMPORT_PHONE_FORMAT').optional(),
    email: z.email().max(200).optional(),
    classification: csvEnum(CLASSIFICATIONS, { publico: 'PUBLICO', confidencial: 'CONFIDENCIAL' }).optional(),
    exercise: csvBool().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.documentType === 'DNI' && !/^\d{8}$/.test(p.documentNumber)) {
      ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: 'DNI', params: { code: 'IMPORT_DOCUMENT_FORMAT' } });
    }
  });
type PersonRow = z.infer<typeof schema>;

type Resolved = Awaited<ReturnType<typeof resolveBatch>>;
/** The lookups `check` made for a batch, reused by `apply` on the same batch in the same transaction. */
const checkedBatches = new WeakMap<readonly ImportRow<PersonRow>[], Resolved>();

/** Looks up units and existing members of a batch: what `check` reports and `apply` writes with. */
async function resolveBatch(db: Queryable, rows: readonly ImportRow<PersonRow>[], actor: Actor) {
  const units = await resolveUnits(db, actor, 'personnel:write', rows.map((r) => r.value.unit));
  const existing = await personsByDocuments(db, rows.map((r) => ({ type: r.value.documentType, number: r.value.documentNumber })));
  const byKey = new Map(existing.map((p) => [`${p.documentType}:${p.documentNumber}`, p]));
  return { units, byKey };
}

/**
 * Personnel (issue 4 item 2): one member per row, keyed by identity document (type + number). A re-import
 * updates the member in place; a member of a unit the importer may not write is refused row by row.
 */
export const personnelImport: ImportKind<PersonRow> = {
  name: 'personnel',
  tables: ['person'],
  title: { es: 'Personal', en: 'Personnel' },
  description: {
    es: 'Un efectivo por fila, identificado por su documento; al reimportar se actualiza, no se duplica.',
    en: 'One member per row, identified by identity document; re-importing updates, never duplicates.',
  },
  permission: 'personnel:write',
  fields: [
    { name: 'unit', required: true, label: { es: 'Unidad', en: 'Unit' }, hint: { es: 'Nombre corto o UUID', en: 'Short name or UUID' }, aliases: ['unidad', 'unit_short_name', 'unidad_codigo'] },
    { name: 'documentType', required: true, label: { es: 'Tipo de documento', en: 'Document type' }, hint: { es: 'DNI, CE, PASAPORTE, CIP, CIM', en: 'DNI, CE, PASAPORTE, CIP, CIM' }, aliases: ['tipo_documento', 'tipo_doc', 'doc_type'] },
    { name: 'documentNumber', required: true, label: { es: 'N.º de documento', en: 'Document number' }, aliases: ['numero_documento', 'nro_documento', 'documento', 'dni', 'doc_number'] },
    { name: 'givenNames', required: true, label: { es: 'Nombres', en: 'Given names' }, aliases: ['nombres', 'nombre', 'first_name'] },
    { name: 'familyNames', required: true, label: { es: 'Apellidos', en: 'Family names' }, aliases: ['apellidos', 'last_name', 'surname'] },
    { name: 'rank', required: true, label: { es: 'Grado', en: 'Rank' }, aliases: ['grado', 'jerarquia'] },
    { name: 'specialty', required: false, label: { es: 'Especialidad', en: 'Specialty' }, aliases: ['especialidad'] },
    { name: 'status', required: false, label: { es: 'Situación', en: 'Status' }, hint: { es: 'disponible, licencia, desplegado', en: 'available, on_leave, deployed' }, aliases: ['situacion', 'estado'] },
    { name: 'designatedLethal', required: false, label: { es: 'Designado arma letal', en: 'Designated lethal' }, hint: { es: 'sí/no', en: 'yes/no' }, aliases: ['designado_letal', 'arma_letal'] },
    { name: 'birthDate', required: false, label: { es: 'Fecha de nacimiento', en: 'Birth date' }, hint: { es: 'AAAA-MM-DD o DD/MM/AAAA', en: 'YYYY-MM-DD or DD/MM/YYYY' }, aliases: ['fecha_nacimiento', 'nacimiento'] },
    { name: 'phone', required: false, label: { es: 'Teléfono', en: 'Phone' }, aliases: ['telefono', 'celular'] },
    { name: 'email', required: false, label: { es: 'Correo', en: 'E-mail' }, aliases: ['correo', 'mail'] },
    { name: 'classification', required: false, label: { es: 'Clasificación', en: 'Classification' }, hint: { es: 'por defecto CONFIDENCIAL', en: 'CONFIDENCIAL by default' }, aliases: ['clasificacion'] },
    { name: 'exercise', required: false, label: { es: 'Ejercicio', en: 'Exercise' }, hint: { es: 'sí para datos de entrenamiento', en: 'yes for training data' }, aliases: ['ejercicio'] },
  ],
  schema,
  naturalKey: (r) => `${r.documentType}:${r.documentNumber}`,

  async check(db, rows, ctx) {
    const resolved = await resolveBatch(db, rows, ctx.actor);
    checkedBatches.set(rows, resolved);
    const { units, byKey } = resolved;
    const issues: ImportIssue[] = [];
    rows.forEach((r, index) => {
      const u = units.get(r.value.unit);
      if (u && !u.ok) issues.push({ index, field: 'unit', code: u.code, params: { unit: r.value.unit } });
      const classification = r.value.classification ?? 'CONFIDENCIAL';
      if (u?.ok && !authorize(ctx.actor, 'personnel:write', { agency: u.unit.agency, classification }).allow) {
        issues.push({ index, field: 'classification', code: 'CLASSIFICATION_ABOVE_CLEARANCE', params: { clearance: ctx.actor.clearance } });
      }
      const before = byKey.get(r.key);
      if (before && !authorize(ctx.actor, 'personnel:write', before).allow) {
        issues.push({ index, field: 'documentNumber', code: 'IMPORT_RECORD_FORBIDDEN', params: { key: r.key } });
      }
    });
    return issues;
  },

  async apply(tx, audit, rows, ctx) {
    const { units } = checkedBatches.get(rows) ?? (await resolveBatch(tx, rows, ctx.actor));
    const values: PersonValues[] = rows.map((r) => {
      const u = units.get(r.value.unit);
      if (!u?.ok) throw new Error(`unit ${r.value.unit} was checked but is not resolvable`);
      return {
        unitId: u.unit.id,
        agency: u.unit.agency,
        givenNames: r.value.givenNames,
        familyNames: r.value.familyNames,
        rank: r.value.rank,
        specialty: r.value.specialty ?? null,
        status: r.value.status ?? 'available',
        designatedLethal: r.value.designatedLethal ?? false,
        documentType: r.value.documentType,
        documentNumber: r.value.documentNumber,
        birthDate: r.value.birthDate ?? null,
        phone: r.value.phone ?? null,
        email: r.value.email ?? null,
        classification: r.value.classification ?? 'CONFIDENCIAL',
        exercise: r.value.exercise ?? false,
      };
    });
    const changed = await upsertPersons(tx, values);
    const created = changed.filter((c) => c.inserted).length;
    // One audit entry per batch: its state is what the batch wrote (ids and keys), so the chain proves it.
    audit.record('import.personnel', 'import_run', ctx.runId, { sha256: ctx.sha256, lines: [rows[0]?.line, rows.at(-1)?.line], changed });
    return { created, updated: changed.length - created, unchanged: rows.length - changed.length };
  },
};
