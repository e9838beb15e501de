import { useTranslation } from 'react-i18next';
import { AppNav } from './app-nav.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { Link } from './router.tsx';
import { useSession } from './session.ts';
import { UserSummary } from './user-summary.tsx';

/** Props of the header. */
export interface AppHeaderProps {
  path: string;
  menuOpen: boolean;
  onToggleMenu: () => void;
}

/** Dark header: product name, navigation, signed-in user, language and sign-out; collapses behind a menu button. */
export function AppHeader({ path, menuOpen, onToggleMenu }: AppHeaderProps) {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  return (
    <header className="app-header">
      <div className="app-header-bar">
        <Link to="/" className="brand">
          {t('app.name')} <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="app-menu"
          onClick={onToggleMenu}
        >
          <span aria-hidden="true" className="menu-icon" />
          {t('nav.menu')}
        </button>
      </div>
      <div id="app-menu" className="app-menu" data-open={menuOpen}>
        <AppNav session={session} path={path} />
        <UserSummary session={session} />
        <div className="app-menu-tools">
          <LanguageSwitch />
          <button type="button" className="button button-ghost" onClick={signOut}>{t('auth.logout')}</button>
        </div>
      </div>
    </header>
  );
}
