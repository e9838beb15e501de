import type { TJointExercise } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess } from '../forces/forces-access.ts';
import { findExercise } from './training.repository.ts';

/** One joint exercise, if the actor may read it. */
export async function getJointExercise({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TJointExercise> {
  const exercise = await findExercise(ctx.db, id);
  if (!exercise) throw notFound();
  assertRecordAccess(actor, 'training:read', exercise);
  return exercise;
}
