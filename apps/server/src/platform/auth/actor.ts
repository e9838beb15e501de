import type { Subject } from '@enlace/access';
import type { TLanguage } from '@enlace/contracts';

/** The signed-in person behind a request. */
export interface Actor extends Subject {
  readonly username: string;
  readonly displayName: string;
  readonly language: TLanguage;
  /** SHA-256 of the session token, to revoke it on logout. */
  readonly sessionHash: string;
}

/** Who an audit entry names: a person, or the system itself (migrations, seeding, first start). */
export interface AuditActor {
  readonly id: string | null;
  readonly name: string;
  readonly agency: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, name: 'system', agency: null };

export function auditActorOf(actor: Actor): AuditActor {
  return { id: actor.userId, name: actor.username, agency: actor.agency };
}
