import { useTranslation } from 'react-i18next';
import type { TSessionInfo } from '../features/auth/auth-api.ts';
import { visibleNavItems } from './nav-items.ts';
import { Link } from './router.tsx';

/** The main navigation; the current section carries `aria-current="page"`. */
export function AppNav({ session, path }: { session: TSessionInfo; path: string }) {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {visibleNavItems(session).map((item) => {
          const current = path === item.path || path.startsWith(`${item.path}/`);
          return (
            <li key={item.path}>
              <Link to={item.path} aria-current={current ? 'page' : undefined}>{t(item.label)}</Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
