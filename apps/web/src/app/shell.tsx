import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './app-header.tsx';
import { useLocation } from './router.tsx';
import { ScreenBoundary } from './screen-boundary.tsx';
import { renderRoute } from './routes.tsx';
import { useSession } from './session.ts';

/** The signed-in layout: skip link, header with navigation, and the current screen in `<main>`. */
export function Shell() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(path);

  useEffect(() => {
    if (previousPath.current === path) return;
    previousPath.current = path;
    setMenuOpen(false);
    // Move focus to the new screen so keyboard and screen-reader users start at its content.
    mainRef.current?.focus();
  }, [path]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <AppHeader path={path} menuOpen={menuOpen} onToggleMenu={() => { setMenuOpen((open) => !open); }} />
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <ScreenBoundary key={path}>{renderRoute(session, path)}</ScreenBoundary>
      </main>
    </div>
  );
}
