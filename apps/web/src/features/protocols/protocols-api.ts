import { z } from 'zod';
import { ZAgencyCode, ZClassification } from '@enlace/contracts';
import { ZProtocolStep, ZProtocolVersion } from '@enlace/rules';
import type { TProtocolForce, TProtocolProcedure, TProtocolStatus } from '@enlace/rules';
import { apiRequest } from '../../app/api.ts';

/** A protocol version as the server holds it. */
export const ZProtocolRecord = ZProtocolVersion.safeExtend({
  agency: ZAgencyCode,
  classification: ZClassification,
  createdAt: z.string(),
  createdBy: z.string(),
});
export type TProtocolRecord = z.infer<typeof ZProtocolRecord>;

export interface ProtocolFilter {
  procedure?: TProtocolProcedure | undefined;
  force?: TProtocolForce | undefined;
  status?: TProtocolStatus | undefined;
}

/** `GET /protocols`: the versions the user may read, newest version first within each procedure and force. */
export async function listProtocols(filter: ProtocolFilter, signal?: AbortSignal): Promise<TProtocolRecord[]> {
  const res = await apiRequest('/protocols', z.object({ items: z.array(ZProtocolRecord) }), {
    query: { procedure: filter.procedure, force: filter.force, status: filter.status, limit: 500 },
    ...(signal ? { signal } : {}),
  });
  return res.items;
}

export async function getProtocol(id: string, signal?: AbortSignal): Promise<TProtocolRecord> {
  return apiRequest(`/protocols/${encodeURIComponent(id)}`, ZProtocolRecord, signal ? { signal } : {});
}

/** `POST /protocols/:id/approvals`: the user's approval for their force. */
export async function approveProtocol(id: string): Promise<TProtocolRecord> {
  return apiRequest(`/protocols/${encodeURIComponent(id)}/approvals`, ZProtocolRecord, { method: 'POST' });
}

const ZLocalized = z.object({ es: z.string(), en: z.string() });
export const ZFieldChange = z.union([
  z.object({ field: z.enum(['title', 'description']), left: ZLocalized.nullable(), right: ZLocalized.nullable() }),
  z.object({ field: z.literal('maxForceLevel'), left: z.number(), right: z.number() }),
  z.object({ field: z.enum(['equipment', 'training', 'tasks', 'legalRefs']), added: z.array(z.string()), removed: z.array(z.string()) }),
]);
export type TFieldChangeView = z.infer<typeof ZFieldChange>;

const ZComparison = z.object({
  left: ZProtocolRecord,
  right: ZProtocolRecord,
  header: z.array(ZFieldChange),
  steps: z.array(z.object({
    code: z.string(),
    status: z.enum(['same', 'reworded', 'changed', 'only_left', 'only_right']),
    moved: z.boolean(),
    leftPosition: z.number().nullable(),
    rightPosition: z.number().nullable(),
    left: ZProtocolStep.nullable(),
    right: ZProtocolStep.nullable(),
    changes: z.array(ZFieldChange),
  })),
  summary: z.object({
    same: z.number(),
    reworded: z.number(),
    changed: z.number(),
    onlyLeft: z.number(),
    onlyRight: z.number(),
    moved: z.number(),
    maxForceLevel: z.object({ left: z.number(), right: z.number() }),
  }),
});
export type TComparisonView = z.infer<typeof ZComparison>;

/** `GET /protocols/compare`: two versions side by side, step by step. */
export async function compareProtocols(left: string, right: string, signal?: AbortSignal): Promise<TComparisonView> {
  return apiRequest('/protocols/compare', ZComparison, { query: { left, right }, ...(signal ? { signal } : {}) });
}

/** `POST /protocols`: drafts a new version (pending until approved by both forces). */
export async function draftProtocol(body: unknown): Promise<TProtocolRecord> {
  return apiRequest('/protocols', ZProtocolRecord, { method: 'POST', body });
}
