import type { TJointExercise, TJointExerciseCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, canRead } from '../forces/forces-access.ts';
import { insertExercise, unitLabel } from './training.repository.ts';

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
