import { readableLabels } from '@enlace/access';
import type { TPerson } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AUDITED_READ, limaToday, personalVisible, presentPerson } from './forces-access.ts';
import { listPersonRows } from './forces.repository.ts';

export interface ListPersonnelOptions {
  ctx: AppContext;
  actor: Actor;
  unitId?: string | undefined;
  subordinates?: boolean | undefined;
  status?: string | undefined;
  q?: string | undefined;
  exercise?: boolean | undefined;
  limit: number;
  offset: number;
}

/**
 * The members the actor may read (a unit's roster: home members and those seconded in today). Personal data only
 * for roles that need it; reading it, or reading classified records, is audited in the same transaction.
 */
export async function listPersonnel({ ctx, actor, ...filter }: ListPersonnelOptions): Promise<{ items: TPerson[]; total: number }> {
  const labels = readableLabels(actor, 'personnel:read');
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const page = await listPersonRows(tx, { labels, today: limaToday(), ...filter });
    for (const p of page.items) {
      if (personalVisible(actor, p)) audit.record('read-personal', 'person', p.id);
      else if (AUDITED_READ.has(p.classification)) audit.record('read', 'person', p.id);
    }
    return { items: page.items.map((p) => presentPerson(actor, p)), total: page.total };
  });
  return value;
}
