import { z } from 'zod';
import { ZAgreement, ZSharedIncidentPage, ZSharingRead } from '@enlace/contracts';
import type { TAgreement, TAgreementCreate } from '@enlace/contracts';
import { apiRequest } from '../../app/api.ts';

const ZAgreementPage = z.object({ items: z.array(ZAgreement), total: z.number() });
const ZReadPage = z.object({ items: z.array(ZSharingRead), total: z.number() });

const withSignal = (signal?: AbortSignal): { signal?: AbortSignal } => (signal ? { signal } : {});

/** `GET /sharing/agreements`: the agreements the user may see (its agency's, those made for its agency), newest first. */
export async function listAgreements(signal?: AbortSignal): Promise<TAgreement[]> {
  return (await apiRequest('/sharing/agreements', ZAgreementPage, { query: { limit: 500 }, ...withSignal(signal) })).items;
}

/** `GET /sharing/agreements/:id`, its status decided by the server at this read. */
export function getAgreement(id: string, signal?: AbortSignal): Promise<TAgreement> {
  return apiRequest(`/sharing/agreements/${encodeURIComponent(id)}`, ZAgreement, withSignal(signal));
}

/** `POST /sharing/agreements`: refused with the legal reason when the basis does not allow it. */
export function createAgreement(draft: TAgreementCreate): Promise<TAgreement> {
  return apiRequest('/sharing/agreements', ZAgreement, { method: 'POST', body: draft });
}

/** `POST /sharing/agreements/:id/end`: access ends at once, with the reason on record. */
export function endAgreement(id: string, reason: string): Promise<TAgreement> {
  return apiRequest(`/sharing/agreements/${encodeURIComponent(id)}/end`, ZAgreement, { method: 'POST', body: { reason } });
}

/** `GET /sharing/agreements/:id/incidents`: the shared incidents, redacted to the agreement's fields (an audited read). */
export function readSharedIncidents(id: string): Promise<z.infer<typeof ZSharedIncidentPage>> {
  return apiRequest(`/sharing/agreements/${encodeURIComponent(id)}/incidents`, ZSharedIncidentPage, { query: { limit: 200 } });
}

/** `GET /sharing/reads?agreementId=`: who saw which incidents through the agreement, and when (oversight). */
export async function listReads(agreementId: string, signal?: AbortSignal): Promise<z.infer<typeof ZReadPage>> {
  return apiRequest('/sharing/reads', ZReadPage, { query: { agreementId, limit: 200 }, ...withSignal(signal) });
}

