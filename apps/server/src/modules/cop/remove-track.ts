import { authorize } from '@enlace/access';
import { COP_SUBJECTS } from '@enlace/contracts';
import type { TTrackBusEvent } from '@enlace/contracts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { copRuntime } from './cop-runtime.ts';
import { deleteCurrent } from './cop.repository.ts';
import type { CopActor } from './track-access.ts';

/**
 * Takes a track off the current picture (CoT `t-x-d-d`, or an operator): audited, published on `cop.track` as
 * removed. Its history stays. Returns false when there was no such track the actor may remove.
 */
export async function removeTrack(ctx: AppContext, actor: CopActor, uid: string): Promise<boolean> {
  const rt = copRuntime(ctx);
  await rt.loaded();
  const held = rt.tracks.get(uid);
  if (!held || !authorize(actor, 'track:write', held).allow) return false;
  await rt.writer.flushCurrent(); // its newest state, if still pending, lands before the delete, not after
  await runAudited({ db: ctx.db, actor: { id: actor.userId, name: actor.username, agency: actor.agency }, afterAudit: ctx.afterAudit }, async (tx, audit) => {
    await deleteCurrent(tx, uid);
    audit.record('remove', 'track', null, { uid });
  });
  rt.tracks.remove(uid);
  const event: TTrackBusEvent = { tracks: [], removed: [{ uid, agency: held.agency, classification: held.classification }] };
  await ctx.bus.publish(COP_SUBJECTS.track, event);
  return true;
}
