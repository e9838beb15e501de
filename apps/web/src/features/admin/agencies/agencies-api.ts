import { z } from 'zod';
import { ZAgency, type TAgency, type TAgencyUpdate } from '@enlace/contracts';
import { apiRequest } from '../../../app/api.ts';

const ZAgencyList = z.object({ items: z.array(ZAgency) });

/** `GET /agencies`. */
export async function listAgencies(signal?: AbortSignal): Promise<TAgency[]> {
  return (await apiRequest('/agencies', ZAgencyList, { signal })).items;
}

/** `PATCH /agencies/:code`: only the fields present change. */
export function updateAgency(code: string, changes: TAgencyUpdate): Promise<TAgency> {
  return apiRequest(`/agencies/${encodeURIComponent(code)}`, ZAgency, { method: 'PATCH', body: changes });
}
