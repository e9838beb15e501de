import { SAMPLE_PROTOCOLS, ZProtocolDraft } from '@enlace/rules';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { Db } from '../../platform/db/db.ts';
import { approveProtocol } from './approve-protocol.ts';
import { draftProtocol } from './draft-protocol.ts';

/**
 * Drafts the sample protocols (PNP and FF.AA. versions of four procedures) and puts them in force through the same
 * audited use-cases as the API: drafted by `drafter` (owned by its agency, PUBLICO so both forces read them), approved
 * by one PNP and one FF.AA. approver. For the demo.
 */
export async function seedSampleProtocols(
  db: Db,
  users: { drafter: Actor; pnpApprover: Actor; ffaaApprover: Actor },
  afterAudit?: () => void,
): Promise<number> {
  for (const sample of SAMPLE_PROTOCOLS) {
    const draft = ZProtocolDraft.parse(sample);
    const { value } = await runAudited({ db, actor: auditActorOf(users.drafter), afterAudit }, (tx, audit) =>
      draftProtocol({ tx, audit, actor: users.drafter, draft: { ...draft, classification: 'PUBLICO' } }),
    );
    for (const approver of [users.pnpApprover, users.ffaaApprover]) {
      await runAudited({ db, actor: auditActorOf(approver), afterAudit }, (tx, audit) => approveProtocol({ tx, audit, actor: approver, id: value.id }));
    }
  }
  return SAMPLE_PROTOCOLS.length;
}
