import { authorize } from '@enlace/access';
import { FORCE_ECHELONS, unitParentProblem } from '@enlace/contracts';
import { OVERRIDE_REMARK_MIN, validateUnitTasks } from '@enlace/rules';
import type { TUnit, TUnitCreate, TUnitUpdate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { standardInForce } from '../readiness/standard-in-force.ts';
import { assertUnitAccess } from './unit-access.ts';
import type { UnitValues } from './units.repository.ts';
import { areaGeometryProblem, childEchelons, districtExists, findUnit, insertUnit, updateUnitRow, wouldCycle } from './units.repository.ts';

/**
 * Checks a unit's echelon, area, parent and home. `placed` says whether the unit is new or changes its place
 * (parent, force or echelon): only then must the parent be a higher echelon of an allowed hierarchy, so that
 * renaming a unit recorded before the rule existed is not refused. `tasksGiven`: the unit's task types are being set
 * (only then are they checked against the standard in force).
 */
async function checkReferences(tx: Queryable, actor: Actor, v: UnitValues, selfId: string | null, placed: boolean, tasksGiven = true): Promise<void> {
  const allowed = FORCE_ECHELONS[v.force];
  if (!allowed.includes(v.echelon)) {
    throw new AppError('UNIT_ECHELON_NOT_OF_FORCE', { echelon: v.echelon, force: v.force, allowed: allowed.join(', ') });
  }
  if (v.area?.geometry) {
    const problem = await areaGeometryProblem(tx, v.area.geometry);
    if (problem) throw new AppError('UNIT_AREA_INVALID', { reason: problem });
  }
  if (v.parentId && selfId && (await wouldCycle(tx, selfId, v.parentId))) throw new AppError('UNIT_PARENT_CYCLE');
  if (v.parentId) {
    const parent = await findUnit(tx, v.parentId);
    if (!parent || v.parentId === selfId) throw new AppError('REFERENCE_NOT_FOUND', { field: 'parentId' });
    try {
      assertUnitAccess(actor, 'unit:read', parent);
    } catch {
      throw new AppError('REFERENCE_NOT_FOUND', { field: 'parentId' });
    }
    const problem = placed ? unitParentProblem(v, parent) : null;
    if (problem) {
      const { code, ...params } = problem;
      throw new AppError(code, params);
    }
  }
  if (v.homeUbigeo && !(await districtExists(tx, v.homeUbigeo))) {
    throw new AppError('REFERENCE_NOT_FOUND', { field: 'homeUbigeo' });
  }
  await checkReadinessBasis(tx, v, tasksGiven);
}

/**
 * The unit's readiness basis: its task types must be METs of the readiness standard in force (a task without one
 * cannot be rated), and a directed resource action (C5) needs a remark naming the order, as an override does.
 */
async function checkReadinessBasis(tx: Queryable, v: UnitValues, tasksGiven: boolean): Promise<void> {
  // A stored list is not re-checked on other edits: a later standard may have dropped a task (rating skips it).
  if (v.missionTasks && tasksGiven) {
    const { standard, ref } = await standardInForce(tx);
    const check = validateUnitTasks(v.missionTasks, standard);
    if (!check.ok) throw new AppError(check.code, { unknown: check.unknown.join(', '), known: check.known.join(', '), standard: ref });
    v.missionTasks = check.tasks;
  }
  if (v.directedResourceAction && (v.directedResourceRemark ?? '').trim().length < OVERRIDE_REMARK_MIN) {
    throw new AppError('UNIT_DIRECTED_ACTION_NEEDS_REMARK', { min: OVERRIDE_REMARK_MIN });
  }
  if (!v.directedResourceAction) v.directedResourceRemark = null;
}

/** Creates a unit owned by the actor's agency unless another is given (and allowed). */
export async function createUnit(tx: Queryable, audit: AuditTrail, actor: Actor, draft: TUnitCreate): Promise<TUnit> {
  const values: UnitValues = {
    name: draft.name,
    shortName: draft.shortName,
    force: draft.force,
    echelon: draft.echelon,
    parentId: draft.parentId ?? null,
    homeUbigeo: draft.homeUbigeo ?? null,
    home: draft.home ?? null,
    area: draft.area,
    agency: draft.agency ?? actor.agency,
    classification: draft.classification,
    exercise: draft.exercise,
    authorizedStrength: draft.authorizedStrength ?? null,
    missionTasks: draft.missionTasks ?? null,
    directedResourceAction: draft.directedResourceAction ?? false,
    directedResourceRemark: draft.directedResourceRemark ?? null,
  };
  assertUnitAccess(actor, 'unit:write', values, { existing: false });
  if (values.directedResourceAction) assertMayDirect(actor, values);
  await checkReferences(tx, actor, values, null, true);
  const unit = await insertUnit(tx, values);
  audit.record('create', 'unit', unit.id, unit);
  return unit;
}

/**
 * A directed resource action puts the unit at C5 whatever its records say: like an override of its level, only a
 * holder of `readiness:write` over the unit (its commander) declares, words or lifts it.
 */
function assertMayDirect(actor: Actor, unit: Pick<TUnit, 'agency' | 'classification'>): void {
  if (!authorize(actor, 'readiness:write', unit).allow) throw new AppError('UNIT_DIRECTED_ACTION_COMMANDER_ONLY');
}

/** Changes a unit; both its old and its new labels must be writable by the actor. */
export async function updateUnit(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  id: string,
  changes: TUnitUpdate,
): Promise<TUnit> {
  const before = await findUnit(tx, id);
  if (!before) throw notFound();
  assertUnitAccess(actor, 'unit:write', before);
  const values: UnitValues = {
    name: changes.name ?? before.name,
    shortName: changes.shortName ?? before.shortName,
    force: changes.force ?? before.force,
    echelon: changes.echelon ?? before.echelon,
    parentId: changes.parentId === undefined ? before.parentId : changes.parentId,
    homeUbigeo: changes.homeUbigeo === undefined ? before.homeUbigeo : changes.homeUbigeo,
    home: changes.home === undefined ? before.home : changes.home,
    area: changes.area,
    agency: changes.agency ?? before.agency,
    classification: changes.classification ?? before.classification,
    exercise: changes.exercise ?? before.exercise,
    authorizedStrength: changes.authorizedStrength === undefined ? before.authorizedStrength : changes.authorizedStrength,
    missionTasks: changes.missionTasks === undefined ? before.missionTasks : changes.missionTasks,
    directedResourceAction: changes.directedResourceAction ?? before.directedResourceAction,
    directedResourceRemark: changes.directedResourceRemark === undefined ? before.directedResourceRemark : changes.directedResourceRemark,
  };
  assertUnitAccess(actor, 'unit:write', values, { existing: false });
  if (values.directedResourceAction !== before.directedResourceAction || (values.directedResourceAction && values.directedResourceRemark !== before.directedResourceRemark)) {
    assertMayDirect(actor, values);
  }
  const regraded = values.force !== before.force || values.echelon !== before.echelon;
  await checkReferences(tx, actor, values, id, regraded || values.parentId !== before.parentId, changes.missionTasks !== undefined);
  if (regraded) {
    // Its subordinates must still hang from a higher echelon of an allowed hierarchy.
    const stranded = (await childEchelons(tx, id)).filter((c) => unitParentProblem(c, values) !== null);
    if (stranded.length > 0) {
      throw new AppError('UNIT_CHILDREN_NOT_LOWER', { echelon: values.echelon, children: stranded.map((c) => `${c.shortName} (${c.echelon})`).join(', ') });
    }
  }
  const unit = await updateUnitRow(tx, id, values);
  if (!unit) throw notFound();
  audit.record('update', 'unit', id, unit);
  return unit;
}
