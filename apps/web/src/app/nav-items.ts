import type { ParseKeys } from 'i18next';
import type { TSessionInfo } from '../features/auth/auth-api.ts';
import { can } from './session.ts';

/** The sections of the main navigation, in display order: what an operations centre does, grouped by purpose. */
export const NAV_GROUPS = ['operations', 'legal', 'forces', 'system'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** One entry of the main navigation; it is current on its path and every path under it. */
export interface NavItem {
  path: string;
  label: ParseKeys;
  group: NavGroup;
  visible: (session: TSessionInfo) => boolean;
}

/** A group as shown: its visible entries, and whether one of them is the current screen. */
export interface VisibleNavGroup {
  group: NavGroup;
  items: NavItem[];
  current: boolean;
}

/** The main navigation. A new feature adds one line here, in its group (and its routes in routes.tsx). */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/units', label: 'nav.units', group: 'forces', visible: (s) => can(s, 'unit:read') },
  { path: '/cop', label: 'nav.cop', group: 'operations', visible: (s) => can(s, 'track:read') },
  { path: '/legal', label: 'nav.legal', group: 'legal', visible: (s) => can(s, 'legal:read') },
  { path: '/protocols', label: 'nav.protocols', group: 'legal', visible: (s) => can(s, 'legal:read') },
  { path: '/readiness', label: 'nav.readiness', group: 'forces', visible: (s) => can(s, 'readiness:read') },
  { path: '/secondments', label: 'secondments.nav', group: 'forces', visible: (s) => can(s, 'personnel:write') },
  { path: '/training', label: 'nav.training', group: 'forces', visible: (s) => can(s, 'training:read') },
  { path: '/training/exercises', label: 'nav.exercises', group: 'forces', visible: (s) => can(s, 'training:read') },
  { path: '/imports', label: 'nav.imports', group: 'system', visible: (s) => can(s, 'unit:write', 'personnel:write', 'equipment:write', 'training:write', 'incident:write', 'audit:read') },
  { path: '/incidents', label: 'nav.incidents', group: 'operations', visible: (s) => can(s, 'incident:read') },
  { path: '/analysis', label: 'nav.analysis', group: 'operations', visible: (s) => can(s, 'incident:read') },
  { path: '/sharing', label: 'nav.sharing', group: 'operations', visible: (s) => can(s, 'sharing:read') },
  { path: '/audit', label: 'nav.audit', group: 'system', visible: (s) => can(s, 'audit:read') },
  { path: '/admin', label: 'nav.admin', group: 'system', visible: (s) => can(s, 'user:admin', 'agency:admin') },
];

/** The entries this session may use. */
export function visibleNavItems(session: TSessionInfo): NavItem[] {
  return NAV_ITEMS.filter((item) => item.visible(session));
}

const isAtOrUnder = (base: string, path: string): boolean => path === base || path.startsWith(`${base}/`);

/** Whether `path` is the item's screen or one under it, unless a more specific entry (`/training/exercises`) holds it. */
export function isCurrent(item: NavItem, path: string): boolean {
  return isAtOrUnder(item.path, path)
    && !NAV_ITEMS.some((other) => other.path.startsWith(`${item.path}/`) && isAtOrUnder(other.path, path));
}

/** The groups this session sees, in display order, each with its visible entries; empty groups are left out. */
export function visibleNavGroups(session: TSessionInfo, path: string): VisibleNavGroup[] {
  const items = visibleNavItems(session);
  return NAV_GROUPS.map((group) => {
    const inGroup = items.filter((item) => item.group === group);
    return { group, items: inGroup, current: inGroup.some((item) => isCurrent(item, path)) };
  }).filter((g) => g.items.length > 0);
}
