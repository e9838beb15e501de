import { z } from 'zod';
import { ZUser, type TUser, type TUserCreate, type TUserUpdate } from '@enlace/contracts';
import { apiRequest } from '../../../app/api.ts';

const ZUserList = z.object({ items: z.array(ZUser) });

/** `GET /users`: every user (administrators only). */
export async function listUsers(signal?: AbortSignal): Promise<TUser[]> {
  return (await apiRequest('/users', ZUserList, { signal })).items;
}

/** `POST /users`. */
export function createUser(draft: TUserCreate): Promise<TUser> {
  return apiRequest('/users', ZUser, { method: 'POST', body: draft });
}

/** `PATCH /users/:id`: only the fields present change. */
export function updateUser(id: string, changes: TUserUpdate): Promise<TUser> {
  return apiRequest(`/users/${encodeURIComponent(id)}`, ZUser, { method: 'PATCH', body: changes });
}

/** `GET /users/:id`. */
export function getUser(id: string, signal?: AbortSignal): Promise<TUser> {
  return apiRequest(`/users/${encodeURIComponent(id)}`, ZUser, { signal });
}
