import type { TJointExercise, TJointExerciseEvaluate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess } from '../forces/forces-access.ts';
import { evaluateExerciseRow, findExercise } from './training.repository.ts';

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
