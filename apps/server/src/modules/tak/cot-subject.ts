import type { Permission } from '@enlace/access';
import type { TAgencyCode, TClassification, TCopDrawing, TRole } from '@enlace/contracts';
import { LabelSet } from '../cop/track-access.ts';
import type { CopActor } from '../cop/track-access.ts';

/**
 * The Enlace user a CoT connection acts as: the holder of the TLS client certificate, the user named in `<auth>`,
 * or the operator's anonymous policy on the plain port. Everything the connection reports is attributed to it, and
 * everything sent to it is filtered by what it may read (authorize(), through LabelSet).
 */
export interface CotSubject extends CopActor {
  readonly kind: 'certificate' | 'password' | 'anonymous';
  /** False for report-only clients (anonymous policy `report-only`): they receive nothing but protocol replies. */
  readonly receives: boolean;
  /** What the subject may read, per kind of item, computed once per connection. */
  readonly labels: { tracks: LabelSet; alerts: LabelSet; chat: LabelSet };
}

/** Builds the subject of a connection from a user's row. */
export function cotSubject(
  user: { userId: string; username: string; displayName?: string; role: TRole; agency: TAgencyCode; clearance: TClassification },
  kind: CotSubject['kind'],
  receives = true,
): CotSubject {
  const base: CopActor = {
    userId: user.userId,
    username: user.username,
    displayName: user.displayName ?? user.username,
    role: user.role,
    agency: user.agency,
    clearance: user.clearance,
  };
  return {
    ...base,
    kind,
    receives,
    labels: {
      tracks: new LabelSet(base, 'track:read'),
      alerts: new LabelSet(base, 'alert:read'),
      chat: new LabelSet(base, 'chat:read'),
    },
  };
}

/** Nil UUID: anonymous CoT reporters are no user. */
export const ANONYMOUS_USER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The subject of an anonymous plain-port client: a `field` member of the configured agency with the lowest
 * clearance (PUBLICO), so it sees only what is public and its reports carry PUBLICO.
 */
export function anonymousSubject(agency: TAgencyCode, receives: boolean): CotSubject {
  return cotSubject(
    { userId: ANONYMOUS_USER_ID, username: 'cot-anonymous', displayName: 'TAK anónimo', role: 'field', agency, clearance: 'PUBLICO' },
    'anonymous',
    receives,
  );
}

const labelCache = new WeakMap<CotSubject, Map<Permission, LabelSet>>();

/** What `subject` may read with `permission`, as a set computed once per connection and permission. */
export function labelsOf(subject: CotSubject, permission: Permission): LabelSet {
  if (permission === 'track:read') return subject.labels.tracks;
  let byPermission = labelCache.get(subject);
  if (!byPermission) {
    byPermission = new Map();
    labelCache.set(subject, byPermission);
  }
  let set = byPermission.get(permission);
  if (!set) {
    set = new LabelSet(subject, permission);
    byPermission.set(permission, set);
  }
  return set;
}

/**
 * Whether a client's user may receive a drawing: its permission (tracks' by default) on the drawing's labels, or, for
 * a member of an agency the drawing is shared with, on its own agency's label at that classification (the rule of
 * `authorizeShared`, from the connection's label sets).
 */
export function mayReceiveDrawing(subject: CotSubject, d: Pick<TCopDrawing, 'permission' | 'agency' | 'classification' | 'audience'>): boolean {
  const labels = labelsOf(subject, d.permission ?? 'track:read');
  if (labels.has(d)) return true;
  return d.audience !== undefined && d.audience.includes(subject.agency) && labels.has({ agency: subject.agency, classification: d.classification });
}
