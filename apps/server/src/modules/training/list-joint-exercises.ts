import { readableLabels } from '@enlace/access';
import type { TJointExercise } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { listExerciseRows } from './training.repository.ts';

/** Joint exercises the actor may read, optionally those a unit takes part in. */
export async function listJointExercises({ ctx, actor, unitId }: { ctx: AppContext; actor: Actor; unitId?: string | undefined }): Promise<TJointExercise[]> {
  return listExerciseRows(ctx.db, readableLabels(actor, 'training:read'), unitId);
}
