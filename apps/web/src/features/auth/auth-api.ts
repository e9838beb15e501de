import { z } from 'zod';
import { ZAgency, ZLoginResponse, ZUser, type TLoginRequest, type TLoginResponse } from '@enlace/contracts';
import { apiCommand, apiRequest } from '../../app/api.ts';

/** `GET /auth/me`: who is signed in, their agency and what they may do. */
export const ZSessionInfo = z.object({
  user: ZUser,
  agency: ZAgency,
  permissions: z.array(z.string()),
});
/** The signed-in user's session as the shell sees it. */
export type TSessionInfo = z.infer<typeof ZSessionInfo>;

/** Signs in; the server sets the HttpOnly session cookie. */
export function login(credentials: TLoginRequest): Promise<TLoginResponse> {
  return apiRequest('/auth/login', ZLoginResponse, { method: 'POST', body: credentials });
}

/** Revokes the session and clears the cookie. */
export function logout(): Promise<void> {
  return apiCommand('/auth/logout', { method: 'POST' });
}

/** The current session; rejects with a 401 ApiError when nobody is signed in. */
export function fetchSession(signal?: AbortSignal): Promise<TSessionInfo> {
  return apiRequest('/auth/me', ZSessionInfo, { signal });
}
