import { readableLabels } from '@enlace/access';
import type { TJointExercise, TJointExerciseCreate, TJointExerciseEvaluate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, canRead } from '../forces/forces-access.ts';
import { evaluateExerciseRow, findExercise, insertExercise, listExerciseRows, unitLabel } from './training.repository.ts';

/**
 * Plans a joint exercise with the PNP: at least one PNP unit and one unit of the armed forces, a scenario, dates.
 * Owned by the actor's agency; the record is flagged as exercise data.
 */
export async function createJointExercise(tx: Queryable, audit: AuditTrail, actor: Actor, draft: TJointExerciseCreate): Promise<TJointExercise> {
  const forces = new Set<string>();
  for (const [i, u] of draft.units.entries()) {
    const unit = await unitLabel(tx, u.unitId);
    if (!unit || !canRead(actor, 'unit:read', unit)) throw new AppError('REFERENCE_NOT_FOUND', { field: `units.${i}.unitId` });
    forces.add(unit.force === 'PNP' ? 'PNP' : 'FFAA');
  }
  if (forces.size < 2) throw new AppError('JOINT_EXERCISE_NEEDS_BOTH_FORCES');
  const labels = { agency: actor.agency, classification: draft.classification, exercise: true };
  assertRecordAccess(actor, 'training:write', labels, { existing: false });
  const units = [...new Map(draft.units.map((u) => [u.unitId, u])).values()];
  const exercise = await insertExercise(tx, {
    name: draft.name,
    scenario: draft.scenario,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    ubigeo: draft.ubigeo ?? null,
    units,
    ...labels,
  });
  audit.record('create', 'joint_exercise', exercise.id, exercise);
  return exercise;
}

/** Records the evaluation of a joint exercise and its lessons learned (replacing earlier ones). */
export async function evaluateJointExercise(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  id: string,
  body: TJointExerciseEvaluate,
): Promise<TJointExercise> {
  const before = await findExercise(tx, id);
  if (!before) throw notFound();
  assertRecordAccess(actor, 'training:write', before, { readPermission: 'training:read' });
  const after = await evaluateExerciseRow(tx, id, body.evaluation, body.lessons);
  if (!after) throw notFound();
  audit.record('evaluate', 'joint_exercise', id, after);
  return after;
}

export async function listJointExercises({ ctx, actor, unitId }: { ctx: AppContext; actor: Actor; unitId?: string | undefined }): Promise<TJointExercise[]> {
  return listExerciseRows(ctx.db, readableLabels(actor, 'training:read'), unitId);
}

export async function getJointExercise({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TJointExercise> {
  const exercise = await findExercise(ctx.db, id);
  if (!exercise) throw notFound();
  assertRecordAccess(actor, 'training:read', exercise);
  return exercise;
}
