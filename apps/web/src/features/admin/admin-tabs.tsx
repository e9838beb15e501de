import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';

/** Secondary navigation between the administration sections the session may use. */
export function AdminTabs() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { path } = useLocation();
  const sections = [
    { to: '/admin/users', label: t('admin.users.title'), allowed: can(session, 'user:admin') },
    { to: '/admin/agencies', label: t('admin.agencies.title'), allowed: can(session, 'agency:admin') },
  ].filter((section) => section.allowed);
  return (
    <nav className="tabs" aria-label={t('admin.sections')}>
      <p className="tabs-title">{t('admin.title')}</p>
      <ul>
        {sections.map((section) => (
          <li key={section.to}>
            <Link to={section.to} aria-current={path.startsWith(section.to) ? 'page' : undefined}>{section.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
