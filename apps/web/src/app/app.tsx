import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage, onUnauthorized } from './api.ts';
import { navigate } from './router.tsx';
import { SessionContext, type SessionContextValue } from './session.ts';
import { Shell } from './shell.tsx';
import { Alert } from './ui/alert.tsx';
import { Loading } from './ui/loading.tsx';
import { fetchSession, logout, type TSessionInfo } from '../features/auth/auth-api.ts';
import { LoginPage } from '../features/auth/login-page.tsx';

type AppState =
  | { kind: 'loading' }
  | { kind: 'anonymous'; expired: boolean }
  | { kind: 'failed'; message: string }
  | { kind: 'signed-in'; session: TSessionInfo };

/** Root component: finds out whether a session exists, then shows the login page or the shell. */
export function App() {
  const { t } = useTranslation();
  const [state, setState] = useState<AppState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal).then(
      (session) => { setState({ kind: 'signed-in', session }); },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ kind: 'anonymous', expired: false });
        else setState({ kind: 'failed', message: errorMessage(error) });
      },
    );
    return () => { controller.abort(); };
  }, [attempt]);

  useEffect(() => onUnauthorized(() => { setState({ kind: 'anonymous', expired: true }); }), []);

  const signOut = useCallback(() => {
    // Leave the shell even if the server cannot be reached: the cookie then simply expires.
    void logout().catch(() => undefined).finally(() => {
      setState({ kind: 'anonymous', expired: false });
      navigate('/', { replace: true });
    });
  }, []);

  const contextValue = useMemo<SessionContextValue | null>(
    () => (state.kind === 'signed-in' ? { session: state.session, signOut } : null),
    [state, signOut],
  );

  switch (state.kind) {
    case 'loading':
      return <main className="centered"><Loading /></main>;
    case 'failed':
      return (
        <main className="centered">
          <Alert kind="error">{t('app.startupFailed')} {state.message}</Alert>
          <button type="button" className="button" onClick={() => { setState({ kind: 'loading' }); setAttempt((n) => n + 1); }}>
            {t('app.retry')}
          </button>
        </main>
      );
    case 'anonymous':
      return <LoginPage expired={state.expired} onSignedIn={(session) => { setState({ kind: 'signed-in', session }); }} />;
    case 'signed-in':
      return <SessionContext value={contextValue}><Shell /></SessionContext>;
  }
}
