import { useEffect } from 'react';
import { navigate } from './router.tsx';

/** Replaces the current location with `to` (used for index routes such as `/` and `/admin`). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => { navigate(to, { replace: true }); }, [to]);
  return null;
}
