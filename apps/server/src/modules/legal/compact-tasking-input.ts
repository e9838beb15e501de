import { canonicalJson, sha256Hex } from '@enlace/audit-chain';
import type { TMember, TTaskingInput } from '@enlace/rules';

/** Per members array: the unit records held in memory are hashed once, not on every evaluation. */
const membersDigests = new WeakMap<readonly TMember[], string>();

/** SHA-256 (hex) of the members' canonical JSON (keys sorted, `canonicalJson` of @enlace/audit-chain). */
export function membersDigest(members: readonly TMember[]): string {
  let digest = membersDigests.get(members);
  if (digest === undefined) {
    digest = sha256Hex(canonicalJson(members));
    membersDigests.set(members, digest);
  }
  return digest;
}

/** The evaluated input as it is stored, and the digest that binds it. */
export interface CompactTaskingInput {
  /** The input with `unit.members` replaced by `memberCount`, `membersDigest` and `membersFrom`. */
  input: Record<string, unknown>;
  /** Its canonical JSON text (keys sorted: stored as jsonb, which keeps no key order, and hashed as it is). */
  json: string;
  /** SHA-256 (hex) of its canonical JSON. */
  digest: string;
}

/**
 * What an evaluation stores of its input: everything the evaluator was given except the member list, which is replaced
 * by its length, where it came from and a SHA-256 that binds it: for members listed in the request, the digest of the
 * request body as received (`requestDigest`: the client hashes the bytes it sent); for members taken from the unit's
 * records, the digest of their canonical JSON (`membersDigest`). A unit of 1,000 members is about 350 KB of JSON; the
 * digests prove which list was evaluated without storing it with every evaluation (hashing its canonical JSON would
 * cost more than the evaluation itself, so the request's bytes are hashed as they arrive).
 */
export function compactTaskingInput(input: TTaskingInput, from: { members: 'request'; bodyDigest: string | undefined } | { members: 'records' }): CompactTaskingInput {
  const { members, ...unit } = input.unit;
  const binding = from.members === 'request' && from.bodyDigest !== undefined
    ? { requestDigest: from.bodyDigest }
    : { membersDigest: members === undefined ? undefined : membersDigest(members) };
  const compact: Record<string, unknown> = {
    ...input,
    unit: members === undefined ? unit : { ...unit, memberCount: members.length, membersFrom: from.members, ...binding },
  };
  const json = canonicalJson(compact);
  return { input: compact, json, digest: sha256Hex(json) };
}
