import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { assertProtocolAccess } from './protocol-access.ts';
import { insertProtocol, lockProcedure } from './protocols.repository.ts';
import type { TProtocolCreate, TProtocolRecord } from './protocols.schemas.ts';

/**
 * Drafts a new version of a procedure for one force, numbered after the last one. It stays pending, and the version
 * in force (if any) keeps applying, until one PNP and one FF.AA. approver sign it (approve-protocol.ts).
 */
export async function draftProtocol({ tx, audit, actor, draft }: {
  tx: Queryable;
  audit: AuditTrail;
  actor: Actor;
  draft: TProtocolCreate;
}): Promise<TProtocolRecord> {
  const { agency, classification, ...content } = draft;
  const label = { agency: agency ?? actor.agency, classification };
  assertProtocolAccess(actor, 'legal:write', label, { existing: false });
  await lockProcedure(tx, content.procedure, content.force);
  const stored = await insertProtocol(tx, { ...content, ...label, createdBy: actor.username, createdById: actor.userId });
  audit.record('create', 'protocol_version', stored.id, stored);
  return stored;
}
