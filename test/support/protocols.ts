import { SAMPLE_PROTOCOLS } from '@enlace/rules';
import type { TProtocolDraftInput } from '@enlace/rules';
import type { TestUser } from './factories.ts';
import type { TestApp } from './test-app.ts';

export interface StoredProtocol {
  id: string;
  procedure: string;
  force: 'PNP' | 'FFAA';
  version: number;
  status: 'pending' | 'in_force' | 'superseded';
  approvals: { username: string; side: string }[];
}

/** Drafts a protocol version through the API (PUBLICO unless said otherwise) and returns it. */
export async function draftProtocol(t: TestApp, by: TestUser, draft: TProtocolDraftInput & { classification?: string; agency?: string }): Promise<StoredProtocol> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/protocols', headers: by.auth, payload: { classification: 'PUBLICO', ...draft } });
  if (res.statusCode !== 201) throw new Error(`drafting ${draft.procedure} ${draft.force}: ${res.statusCode} ${res.body}`);
  return res.json<StoredProtocol>();
}

/** Approves a version as `by`; returns the response for the test to inspect. */
export function approve(t: TestApp, id: string, by: TestUser, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: `/api/v1/protocols/${id}/approvals`, headers: { ...by.auth, ...headers } });
}

/**
 * Puts the sample protocols (rules package) in force as new versions, approved by a PNP and an FF.AA. commander.
 * Test files share one database and the evaluator applies the protocols in force, so a file that evaluates tasking
 * calls this first to know which protocols apply.
 */
export async function putSampleProtocolsInForce(t: TestApp, drafter: TestUser, pnp: TestUser, ffaa: TestUser): Promise<StoredProtocol[]> {
  const stored: StoredProtocol[] = [];
  for (const sample of SAMPLE_PROTOCOLS) {
    const draft = await draftProtocol(t, drafter, sample);
    for (const approver of [pnp, ffaa]) {
      const res = await approve(t, draft.id, approver);
      if (res.statusCode !== 200) throw new Error(`approving ${draft.procedure} ${draft.force}: ${res.statusCode} ${res.body}`);
    }
    stored.push({ ...draft, status: 'in_force' });
  }
  return stored;
}
