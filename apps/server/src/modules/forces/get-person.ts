import type { TPerson } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { AUDITED_READ, assertRecordAccess, limaToday, personalVisible, presentPerson } from './forces-access.ts';
import { findPerson } from './forces.repository.ts';

/** One member, if the actor may read them; a classified read or a read of personal data is audited. */
export async function getPerson({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TPerson> {
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const person = await findPerson(tx, id, limaToday());
    if (!person) throw notFound();
    assertRecordAccess(actor, 'personnel:read', person);
    if (personalVisible(actor, person)) audit.record('read-personal', 'person', person.id);
    else if (AUDITED_READ.has(person.classification)) audit.record('read', 'person', person.id);
    return presentPerson(actor, person);
  });
  return value;
}
