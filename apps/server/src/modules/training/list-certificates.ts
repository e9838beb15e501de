import { readableLabels } from '@enlace/access';
import type { TCertificate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { limaToday } from '../forces/forces-access.ts';
import { listCertificateRows } from './training.repository.ts';

/** Certificates the actor may read, by holder, unit, course, status, expiring within some days, force or department. */
export async function listCertificates({ ctx, actor, ...filter }: {
  ctx: AppContext;
  actor: Actor;
  personId?: string | undefined;
  unitId?: string | undefined;
  courseCode?: string | undefined;
  status?: string | undefined;
  expiringWithinDays?: number | undefined;
  force?: string | undefined;
  department?: string | undefined;
  limit: number;
  offset: number;
}): Promise<TCertificate[]> {
  return listCertificateRows(ctx.db, { labels: readableLabels(actor, 'training:read'), today: limaToday(), ...filter });
}
