import type { ParseKeys } from 'i18next';
import type { TSessionInfo } from '../features/auth/auth-api.ts';
import { can } from './session.ts';

/** One entry of the main navigation; it is current on its path and every path under it. */
export interface NavItem {
  path: string;
  label: ParseKeys;
  visible: (session: TSessionInfo) => boolean;
}

/** The main navigation, in display order. A new feature adds one line here (and its routes in routes.tsx). */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/units', label: 'nav.units', visible: (s) => can(s, 'unit:read') },
  { path: '/cop', label: 'nav.cop', visible: (s) => can(s, 'track:read') },
  { path: '/legal', label: 'nav.legal', visible: (s) => can(s, 'legal:read') },
  { path: '/protocols', label: 'nav.protocols', visible: (s) => can(s, 'legal:read') },
  { path: '/readiness', label: 'nav.readiness', visible: (s) => can(s, 'readiness:read') },
  { path: '/training', label: 'nav.training', visible: (s) => can(s, 'training:read') },
  { path: '/imports', label: 'nav.imports', visible: (s) => can(s, 'unit:write', 'personnel:write', 'equipment:write', 'training:write', 'incident:write', 'audit:read') },
  { path: '/analysis', label: 'nav.analysis', visible: (s) => can(s, 'incident:read') },
  { path: '/audit', label: 'nav.audit', visible: (s) => can(s, 'audit:read') },
  { path: '/admin', label: 'nav.admin', visible: (s) => can(s, 'user:admin', 'agency:admin') },
];

/** The entries this session may use. */
export function visibleNavItems(session: TSessionInfo): NavItem[] {
  return NAV_ITEMS.filter((item) => item.visible(session));
}
