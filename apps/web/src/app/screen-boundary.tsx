import { Component, Suspense } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './ui/alert.tsx';
import { Loading } from './ui/loading.tsx';

interface State {
  error: Error | null;
}

/** What a failed screen shows: the failure, and a reload (a screen's code may be from an older version of the app). */
function ScreenFailed({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <Alert kind="error">
      <p>{t('app.screenFailed')}</p>
      <p className="muted">{error.message}</p>
      <button type="button" onClick={() => { window.location.reload(); }}>{t('app.reload')}</button>
    </Alert>
  );
}

/**
 * Holds one screen: a loading indicator while its code arrives, and a message with a reload button when loading or
 * drawing it fails, instead of an empty window; the header and navigation stay usable. Give it the path as `key`, so
 * another screen starts afresh.
 */
export class ScreenBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) return <ScreenFailed error={this.state.error} />;
    return <Suspense fallback={<Loading />}>{this.props.children}</Suspense>;
  }
}
