import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSessionInfo } from '../features/auth/auth-api.ts';
import { isCurrent, visibleNavGroups } from './nav-items.ts';
import type { NavGroup } from './nav-items.ts';
import { Link } from './router.tsx';

/**
 * The main navigation: sections grouped by purpose (operations, legal framework, forces, system), each group a
 * disclosure button with its links, so ten sections fit one row at 1280 px. The group holding the current screen is
 * marked; the current link carries `aria-current="page"`. Escape, a click elsewhere or a new screen close the group.
 * On phones (inside the menu) every group is shown open, under its caption.
 */
export function AppNav({ session, path }: { session: TSessionInfo; path: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<NavGroup | null>(null);
  const navRef = useRef<HTMLElement>(null);

  useEffect(() => {
    setOpen(null);
  }, [path]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(null);
    };
    const onPointer = (event: PointerEvent) => {
      if (navRef.current && !navRef.current.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <nav ref={navRef} className="app-nav" aria-label={t('nav.label')}>
      <ul className="nav-groups">
        {visibleNavGroups(session, path).map(({ group, items, current }) => {
          const listId = `nav-group-${group}`;
          const expanded = open === group;
          return (
            <li key={group} className="nav-group" data-current={current ? 'true' : undefined}>
              <button
                type="button"
                className="nav-group-button"
                aria-expanded={expanded}
                aria-controls={listId}
                onClick={() => { setOpen(expanded ? null : group); }}
              >
                {t(`nav.groups.${group}`)}
              </button>
              <ul id={listId} className="nav-group-list" data-open={expanded ? 'true' : undefined}>
                {items.map((item) => (
                  <li key={item.path}>
                    <Link
                      to={item.path}
                      aria-current={isCurrent(item, path) ? 'page' : undefined}
                      onClick={() => { setOpen(null); }}
                    >
                      {t(item.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
