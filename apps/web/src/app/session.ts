import { createContext, useContext } from 'react';
import type { Permission } from '@enlace/access';
import type { TSessionInfo } from '../features/auth/auth-api.ts';

/** The signed-in session plus the sign-out action. */
export interface SessionContextValue {
  session: TSessionInfo;
  signOut: () => void;
}

/** Provided by the app once signed in; the shell and every screen below it read it. */
export const SessionContext = createContext<SessionContextValue | null>(null);

/** The current session. Only valid under the signed-in shell. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() used outside the signed-in shell');
  return value;
}

/** True when the session grants any of the given permissions (as listed by `GET /auth/me`). */
export function can(session: TSessionInfo, ...permissions: readonly Permission[]): boolean {
  return permissions.some((permission) => session.permissions.includes(permission));
}
