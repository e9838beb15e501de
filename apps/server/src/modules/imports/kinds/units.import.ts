import { authorize } from '@enlace/access';
import { CLASSIFICATIONS, ECHELONS, FORCE_ECHELONS, FORCES, unitParentProblem } from '@enlace/contracts';
import { OVERRIDE_REMARK_MIN, validateUnitTasks } from '@enlace/rules';
import type { TReadinessStandard } from '@enlace/rules';
import type { TUnitCreate, UnitEchelon } from '@enlace/contracts';
import { z } from 'zod';
import type { ImportContext, ImportIssue, ImportKind } from '../../../platform/import/import-kind.ts';
import { normalizeHeader } from '../../../platform/import/column-mapping.ts';
import { csvBool, csvEnum, csvInt, csvList, csvMatch, csvNumber, csvText } from '../../../platform/import/import-values.ts';
import { standardInForce } from '../../readiness/standard-in-force.ts';
import { createUnit, updateUnit } from '../../units/save-unit.ts';
import { existingDistricts, unitsByRefs, unitsByShortName } from '../forces-import.repository.ts';

const schema = z
  .object({
    shortName: csvText(40),
    name: csvText(200),
    force: csvEnum(FORCES),
    echelon: csvEnum(ECHELONS, { comisaría: 'comisaria', compañía: 'compania', batallón: 'batallon', pelotón: 'peloton', escuadrón: 'escuadron' }),
    parent: csvText(80).optional(),
    homeUbigeo: csvMatch(/^\d{6}$/, 'IMPORT_UBIGEO_FORMAT').optional(),
    lon: csvNumber(-180, 180).optional(),
    lat: csvNumber(-90, 90).optional(),
    classification: csvEnum(CLASSIFICATIONS).optional(),
    exercise: csvBool().optional(),
    authorizedStrength: csvInt(1, 100_000).optional(),
    missionTasks: csvList(200, 32).optional(),
    directedAction: csvBool().optional(),
    directedRemark: csvText(2000).optional(),
  })
  .superRefine((u, ctx) => {
    if ((u.lon === undefined) !== (u.lat === undefined)) {
      ctx.addIssue({ code: 'custom', path: [u.lon === undefined ? 'lon' : 'lat'], message: 'lon+lat', params: { code: 'IMPORT_VALUE_REQUIRED' } });
    }
    const allowed = FORCE_ECHELONS[u.force];
    if (!allowed.includes(u.echelon)) {
      ctx.addIssue({ code: 'custom', path: ['echelon'], message: 'echelon', params: { code: 'IMPORT_VALUE_NOT_ALLOWED', allowed: allowed.join(', ') } });
    }
  });
type UnitRow = z.infer<typeof schema>;

/**
 * Task types as the standard in force names them: a code, or the task's Spanish or English name there, compared
 * without case, accents or punctuation ("Puesto de control" is PUESTO_CONTROL). An item it does not know is kept as
 * written, for the check to report.
 */
function taskCodes(items: readonly string[], standard: TReadinessStandard): string[] {
  const byWords = new Map<string, string>();
  for (const [code, task] of Object.entries(standard.mets.tasks)) {
    for (const words of [code, task.name.es, task.name.en]) byWords.set(normalizeHeader(words), code);
  }
  return items.map((item) => byWords.get(normalizeHeader(item)) ?? item);
}

/** Short names (with their echelon) defined by earlier rows of the same run, so that a parent may come earlier in the file. */
const definedInFile = new WeakMap<ImportContext, Map<string, UnitEchelon>>();
const defined = (ctx: ImportContext): Map<string, UnitEchelon> => {
  let s = definedInFile.get(ctx);
  if (!s) definedInFile.set(ctx, (s = new Map<string, UnitEchelon>()));
  return s;
};

/**
 * Units (issue 4 item 1) of the importer's agency, keyed by short name within the agency. A parent is named by
 * short name or UUID and may be defined on an earlier row. Units are few, so each row goes through the units
 * context's own use-cases (same checks and one audit entry per unit as the API).
 */
export const unitsImport: ImportKind<UnitRow> = {
  name: 'units',
  tables: ['unit'],
  title: { es: 'Unidades', en: 'Units' },
  description: {
    es: 'Una unidad de su institución por fila, identificada por su nombre corto; al reimportar se actualiza.',
    en: 'One unit of your agency per row, identified by its short name; re-importing updates it.',
  },
  permission: 'unit:write',
  fields: [
    { name: 'shortName', required: true, label: { es: 'Nombre corto', en: 'Short name' }, aliases: ['nombre_corto', 'sigla', 'codigo', 'code'] },
    { name: 'name', required: true, label: { es: 'Nombre', en: 'Name' }, aliases: ['nombre', 'denominacion'] },
    { name: 'force', required: true, label: { es: 'Fuerza', en: 'Force' }, hint: { es: 'PNP, EP, MGP, FAP, CCFFAA', en: 'PNP, EP, MGP, FAP, CCFFAA' }, aliases: ['fuerza', 'institucion'] },
    { name: 'echelon', required: true, label: { es: 'Escalón', en: 'Echelon' }, aliases: ['escalon', 'nivel', 'tipo'] },
    { name: 'parent', required: false, label: { es: 'Unidad superior', en: 'Parent unit' }, hint: { es: 'Nombre corto o UUID', en: 'Short name or UUID' }, aliases: ['superior', 'unidad_superior', 'padre'] },
    { name: 'homeUbigeo', required: false, label: { es: 'UBIGEO de sede', en: 'Home UBIGEO' }, aliases: ['ubigeo', 'ubigeo_sede'] },
    { name: 'lon', required: false, label: { es: 'Longitud', en: 'Longitude' }, aliases: ['longitud', 'longitude', 'x'] },
    { name: 'lat', required: false, label: { es: 'Latitud', en: 'Latitude' }, aliases: ['latitud', 'latitude', 'y'] },
    { name: 'classification', required: false, label: { es: 'Clasificación', en: 'Classification' }, aliases: ['clasificacion'] },
    { name: 'exercise', required: false, label: { es: 'Ejercicio', en: 'Exercise' }, aliases: ['ejercicio'] },
    {
      name: 'authorizedStrength',
      required: false,
      label: { es: 'Efectivo autorizado', en: 'Authorized strength' },
      hint: { es: 'Plazas (cuadro de organización); vacío conserva el valor guardado', en: 'Billets (table of organisation); empty keeps the stored value' },
      aliases: ['efectivo_autorizado', 'plazas', 'fuerza_autorizada', 'authorized_strength'],
    },
    {
      name: 'missionTasks',
      required: false,
      label: { es: 'Tareas de la misión', en: 'Mission tasks' },
      hint: {
        es: 'Tipos de tarea separados por «;», por su código o su nombre en el estándar de alistamiento vigente (cada uno con su tarea esencial, MET); vacío conserva los guardados',
        en: 'Task types separated by ";", by their code or their name in the readiness standard in force (each with its mission-essential task, MET); empty keeps the stored ones',
      },
      aliases: ['tareas', 'tareas_mision', 'tareas_de_la_mision', 'tipos_de_tarea', 'mission_tasks', 'tasks'],
    },
    {
      name: 'directedAction',
      required: false,
      label: { es: 'Acción dirigida de recursos', en: 'Directed resource action' },
      hint: { es: 'Sí: se reporta C5 (reconstitución, reorganización) y pide la observación', en: 'Yes: reported C5 (reconstitution, re-organisation); needs the remark' },
      aliases: ['accion_dirigida', 'c5', 'directed_action'],
    },
    {
      name: 'directedRemark',
      required: false,
      label: { es: 'Observación de la acción dirigida', en: 'Directed action remark' },
      hint: { es: 'La orden y el motivo', en: 'The order and the reason' },
      aliases: ['observacion_accion_dirigida', 'orden', 'directed_remark'],
    },
  ],
  schema,
  naturalKey: (u) => u.shortName,

  async check(db, rows, ctx) {
    const issues: ImportIssue[] = [];
    const agency = ctx.actor.agency;
    const existing = await unitsByShortName(db, agency, rows.map((r) => r.value.shortName));
    const parentRefs = rows.map((r) => r.value.parent).filter((p): p is string => p !== undefined);
    const parents = await unitsByRefs(db, parentRefs);
    const districts = await existingDistricts(db, rows.map((r) => r.value.homeUbigeo).filter((d): d is string => d !== undefined));
    // Task types are checked against the readiness standard in force, as the units API checks them.
    const { standard, ref } = await standardInForce(db);
    const inFile = defined(ctx);
    rows.forEach((r, index) => {
      const v = r.value;
      const same = existing.filter((u) => u.shortName === v.shortName);
      if (same.length > 1) issues.push({ index, field: 'shortName', code: 'IMPORT_UNIT_AMBIGUOUS', params: { unit: v.shortName } });
      else if (same[0] && !authorize(ctx.actor, 'unit:write', same[0]).allow) {
        issues.push({ index, field: 'shortName', code: 'IMPORT_RECORD_FORBIDDEN', params: { key: v.shortName } });
      }
      const label = { agency, classification: v.classification ?? 'CONFIDENCIAL' };
      if (!authorize(ctx.actor, 'unit:write', label).allow) {
        issues.push({ index, field: 'classification', code: 'CLASSIFICATION_ABOVE_CLEARANCE', params: { clearance: ctx.actor.clearance } });
      }
      let parent: UnitEchelon | undefined = v.parent === undefined ? undefined : inFile.get(v.parent);
      if (v.parent !== undefined && !parent) {
        const readable = parents.filter((p) => (p.id === v.parent!.toLowerCase() || p.shortName === v.parent) && authorize(ctx.actor, 'unit:read', p).allow);
        // The same choice apply() makes: a unit of the importer's agency first.
        parent = readable.find((p) => p.agency === agency) ?? readable[0];
        if (!parent) issues.push({ index, field: 'parent', code: 'IMPORT_UNIT_NOT_FOUND', params: { unit: v.parent } });
      }
      const problem = parent && unitParentProblem(v, parent);
      if (problem) {
        const { code, ...params } = problem;
        issues.push({ index, field: 'parent', code, params });
      }
      if (v.homeUbigeo !== undefined && !districts.has(v.homeUbigeo)) {
        issues.push({ index, field: 'homeUbigeo', code: 'REFERENCE_NOT_FOUND', params: { field: 'homeUbigeo' } });
      }
      const tasks = validateUnitTasks(v.missionTasks && taskCodes(v.missionTasks, standard), standard);
      if (!tasks.ok) {
        issues.push({ index, field: 'missionTasks', code: tasks.code, params: { unknown: tasks.unknown.join(', '), known: tasks.known.join(', '), standard: ref } });
      }
      if (v.directedAction === true && (v.directedRemark ?? '').length < OVERRIDE_REMARK_MIN) {
        issues.push({ index, field: 'directedRemark', code: 'UNIT_DIRECTED_ACTION_NEEDS_REMARK', params: { min: OVERRIDE_REMARK_MIN } });
      }
      inFile.set(v.shortName, { force: v.force, echelon: v.echelon });
    });
    return issues;
  },

  async apply(tx, audit, rows, ctx) {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const { standard } = await standardInForce(tx);
    for (const r of rows) {
      const v = r.value;
      let parentId: string | null = null;
      if (v.parent !== undefined) {
        const candidates = (await unitsByRefs(tx, [v.parent])).filter((p) => authorize(ctx.actor, 'unit:read', p).allow);
        parentId = (candidates.find((p) => p.agency === ctx.actor.agency) ?? candidates[0])?.id ?? null;
      }
      const draft: TUnitCreate = {
        name: v.name,
        shortName: v.shortName,
        force: v.force,
        echelon: v.echelon,
        parentId,
        homeUbigeo: v.homeUbigeo ?? null,
        home: v.lon !== undefined && v.lat !== undefined ? { lon: v.lon, lat: v.lat } : null,
        classification: v.classification ?? 'CONFIDENCIAL',
        exercise: v.exercise ?? false,
        // An empty cell keeps the stored strength (a file without the column changes nothing of it).
        ...(v.authorizedStrength !== undefined ? { authorizedStrength: v.authorizedStrength } : {}),
        // Likewise the task types and the directed resource action: only what the file gives changes.
        ...(v.missionTasks !== undefined ? { missionTasks: taskCodes(v.missionTasks, standard) } : {}),
        ...(v.directedAction !== undefined ? { directedResourceAction: v.directedAction } : {}),
        ...(v.directedRemark !== undefined ? { directedResourceRemark: v.directedRemark } : {}),
      };
      const [before] = await unitsByShortName(tx, ctx.actor.agency, [v.shortName]);
      if (before) {
        await updateUnit(tx, audit, ctx.actor, before.id, draft);
        counts.updated++;
      } else {
        await createUnit(tx, audit, ctx.actor, draft);
        counts.created++;
      }
    }
    return counts;
  },
};
