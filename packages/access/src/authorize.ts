import { AGENCY_CODES, CLASSIFICATIONS, classificationRank } from '@enlace/contracts';
import type { TAgencyCode, TClassification, TRole } from '@enlace/contracts';
import { AGENCY_READ_SCOPE, OVERSIGHT_AGENCIES, ROLE_PERMISSIONS } from './policy-data.ts';
import type { Permission } from './policy-data.ts';

/** Who is asking. */
export interface Subject {
  readonly userId: string;
  readonly role: TRole;
  readonly agency: TAgencyCode;
  readonly clearance: TClassification;
}

/** What is asked about: a record's owning agency and classification. Absent for type-level checks. */
export interface ResourceLabel {
  readonly agency: TAgencyCode;
  readonly classification: TClassification;
}

export type Decision =
  | { readonly allow: true }
  | { readonly allow: false; readonly reason: DenyReason };

export type DenyReason = 'ROLE_NOT_PERMITTED' | 'CLEARANCE_TOO_LOW' | 'OTHER_AGENCY';

const ALLOW: Decision = { allow: true };
const deny = (reason: DenyReason): Decision => ({ allow: false, reason });

/**
 * The one authorization function. Every route and every record read or write asks it.
 * Default deny: anything not granted by the role table and the agency scope is refused.
 */
export function authorize(subject: Subject, permission: Permission, resource?: ResourceLabel): Decision {
  if (!ROLE_PERMISSIONS[subject.role].includes(permission)) return deny('ROLE_NOT_PERMITTED');
  if (!resource) return ALLOW;
  const rank = classificationRank(resource.classification);
  if (rank > classificationRank(subject.clearance)) return deny('CLEARANCE_TOO_LOW');
  const writing = permission.endsWith(':write');
  if (resource.agency === subject.agency) return ALLOW;
  if (writing) return deny('OTHER_AGENCY');
  if (resource.classification === 'PUBLICO') return ALLOW;
  if (subject.role === 'oversight' && OVERSIGHT_AGENCIES.includes(subject.agency)) return ALLOW;
  const ceiling = AGENCY_READ_SCOPE[subject.agency][resource.agency];
  if (ceiling !== undefined && rank <= classificationRank(ceiling)) return ALLOW;
  return deny('OTHER_AGENCY');
}

/**
 * For records shared with agencies beyond their owner (a unit's task area that the joint command posts see): the
 * owner's decision, or, for a member of an agency of the audience, the decision on a record of its own agency at
 * the same classification (its role and clearance still apply). Sharing is for reading only, and only with the
 * audience's own members: readers who see an audience agency's records through their read scope get nothing more.
 */
export function authorizeShared(
  subject: Subject,
  permission: Permission,
  resource: ResourceLabel,
  audience: readonly TAgencyCode[] = [],
): Decision {
  const own = authorize(subject, permission, resource);
  if (own.allow || permission.endsWith(':write') || !audience.includes(subject.agency)) return own;
  return authorize(subject, permission, { agency: subject.agency, classification: resource.classification });
}

/** The permissions a subject's role holds (for the web to show what the user can do). */
export function permissionsOf(role: TRole): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/**
 * For list queries: for each agency, the classifications the subject may read with `permission`.
 * Derived by asking `authorize` itself, so the SQL filter can never disagree with the decision function.
 */
export function readableLabels(subject: Subject, permission: Permission): readonly ResourceLabel[] {
  // The answer depends on the role, agency and clearance only: kept per combination (a bounded set), so a request
  // does not ask `authorize` 45 times and allocate a new list.
  const key = `${subject.role}|${subject.agency}|${subject.clearance}|${permission}`;
  let labels = readable.get(key);
  if (!labels) {
    const list: ResourceLabel[] = [];
    for (const agency of AGENCY_CODES) {
      for (const classification of CLASSIFICATIONS) {
        if (authorize(subject, permission, { agency, classification }).allow) list.push(Object.freeze({ agency, classification }));
      }
    }
    labels = Object.freeze(list);
    readable.set(key, labels);
  }
  return labels;
}

const readable = new Map<string, readonly ResourceLabel[]>();
