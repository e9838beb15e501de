import { z } from 'zod';
import { ZAuditEntry, ZAuditVerifyResult, type TAuditVerifyResult } from '@enlace/contracts';
import { apiRequest } from '../../app/api.ts';

const ZAuditPage = z.object({ items: z.array(ZAuditEntry) });
/** A page of audit entries, newest first. */
export type TAuditPage = z.infer<typeof ZAuditPage>;

/** `GET /audit`: entries older than `beforeSeq` (or the newest when absent). */
export function listAudit(
  options: { limit: number; beforeSeq?: number | undefined },
  signal?: AbortSignal,
): Promise<TAuditPage> {
  return apiRequest('/audit', ZAuditPage, { query: options, signal });
}

/** `GET /audit/verify`: recomputes the hash chain on the server. */
export function verifyAudit(): Promise<TAuditVerifyResult> {
  return apiRequest('/audit/verify', ZAuditVerifyResult);
}
