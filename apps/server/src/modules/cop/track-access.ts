import { authorize, readableLabels } from '@enlace/access';
import type { Permission, ResourceLabel, Subject } from '@enlace/access';
import type { TAgencyCode, TClassification } from '@enlace/contracts';

/**
 * Who reports, reads or acknowledges in the operational picture: a signed-in person (an API session) or the
 * user behind a TAK client's certificate or `<auth>` message. The CoT gateway builds one from the user's row.
 */
export interface CopActor extends Subject {
  readonly username: string;
  readonly displayName?: string;
}

/** The system itself (simulator, stale sweeper): reports and reads as an administrator of one agency. */
export function systemActor(agency: TAgencyCode, username = 'system'): CopActor {
  return { userId: '00000000-0000-0000-0000-000000000000', username, role: 'admin', agency, clearance: 'SECRETO' };
}

const labelKey = (agency: string, classification: string): string => `${agency}/${classification}`;

/**
 * The labels a subject may read with a permission, as a set for constant-time checks on hot paths (live fan-out,
 * TAK relay). Derived from authorize() itself, so it can never disagree with it.
 */
export class LabelSet {
  private readonly keys: Set<string>;
  constructor(subject: Subject, permission: Permission) {
    this.keys = new Set(readableLabels(subject, permission).map((l) => labelKey(l.agency, l.classification)));
  }
  has(label: ResourceLabel): boolean {
    return this.keys.has(labelKey(label.agency, label.classification));
  }
  /** Readable through any of these owning agencies (records shared with several agencies: alerts, chat rooms). */
  hasAny(agencies: readonly TAgencyCode[], classification: TClassification): boolean {
    return agencies.some((agency) => this.keys.has(labelKey(agency, classification)));
  }
}

/** Whether `subject` may see a track (agency + classification). */
export function canReadTrack(subject: Subject, track: ResourceLabel): boolean {
  return authorize(subject, 'track:read', track).allow;
}
