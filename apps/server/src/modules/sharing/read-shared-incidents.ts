import { CLASSIFICATIONS, classificationRank } from '@enlace/contracts';
import type { TSharedIncident, TShareableField } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { assertAgreementActive, assertAgreementVisible } from './agreement-access.ts';
import { findAgreement, insertRead, sharedIncidents } from './sharing.repository.ts';

export interface ReadSharedOptions {
  ctx: AppContext;
  actor: Actor;
  id: string;
  query: { from?: string | undefined; to?: string | undefined; limit: number; offset: number };
}

/**
 * The owner's incidents as the recipient agency sees them through an agreement: only while it is active (checked in
 * the same transaction as the read, so an agreement ended by its owner, or whose instrument was revoked or cut short,
 * gives nothing from that moment), redacted to the fields it
 * lists, never victim identities. Every read is recorded (who, when, which incidents, which fields) and audited.
 */
export async function readSharedIncidents({ ctx, actor, id, query }: ReadSharedOptions): Promise<{
  agreementId: string;
  fields: TShareableField[];
  items: TSharedIncident[];
  total: number;
}> {
  const { value } = await runAudited({ db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit }, async (tx, audit) => {
    const agreement = await findAgreement(tx, id);
    if (!agreement) throw notFound();
    assertAgreementVisible(actor, agreement);
    if (agreement.recipientAgency !== actor.agency) throw notFound();
    assertAgreementActive(agreement);
    const ceiling = Math.min(classificationRank(agreement.maxClassification), classificationRank(actor.clearance));
    const clearanceLevels = CLASSIFICATIONS.filter((c) => classificationRank(c) <= ceiling);
    const page = await sharedIncidents(tx, agreement, { ...query, clearanceLevels });
    const incidentIds = page.items.map((i) => i.id);
    await insertRead(tx, { agreementId: id, actorId: actor.userId, actor: actor.username, agency: actor.agency, incidentIds, fields: agreement.fields, query });
    audit.record('read_shared', 'sharing_agreement', id, { incidentIds, fields: agreement.fields });
    return { agreementId: id, fields: agreement.fields, ...page };
  });
  return value;
}
