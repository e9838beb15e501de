import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';

/** Secondary navigation of the legal basis: registry, validity timeline, map, evaluator, scenario files. */
export function LegalTabs() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { path } = useLocation();
  const sections = [
    { to: '/legal/instruments', label: t('legal.tabs.registry'), allowed: can(session, 'legal:read') },
    { to: '/legal/timeline', label: t('legal.tabs.timeline'), allowed: can(session, 'legal:read') },
    { to: '/legal/map', label: t('legal.tabs.map'), allowed: can(session, 'legal:read') && can(session, 'geo:read') },
    { to: '/legal/evaluate', label: t('legal.tabs.evaluator'), allowed: can(session, 'legal:evaluate') },
    { to: '/legal', label: t('legal.tabs.scenarios'), allowed: can(session, 'legal:evaluate') },
  ].filter((section) => section.allowed);
  return (
    <nav className="tabs" aria-label={t('legal.tabs.label')}>
      <ul>
        {sections.map((section) => (
          <li key={section.to}>
            <Link to={section.to} aria-current={path === section.to ? 'page' : undefined}>{section.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
