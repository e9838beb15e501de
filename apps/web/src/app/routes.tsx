import type { ReactNode } from 'react';
import type { TSessionInfo } from '../features/auth/auth-api.ts';
import { AgenciesPage } from '../features/admin/agencies/agencies-page.tsx';
import { AgencyEditPage } from '../features/admin/agencies/agency-edit-page.tsx';
import { UserCreatePage } from '../features/admin/users/user-create-page.tsx';
import { UserEditPage } from '../features/admin/users/user-edit-page.tsx';
import { UsersPage } from '../features/admin/users/users-page.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { ScenarioPage } from '../features/legal/scenario-page.tsx';
import { UnitCreatePage } from '../features/units/unit-create-page.tsx';
import { UnitDetailPage } from '../features/units/unit-detail-page.tsx';
import { UnitsPage } from '../features/units/units-page.tsx';
import { visibleNavItems } from './nav-items.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { Redirect } from './redirect.tsx';
import { matchPath } from './router.tsx';
import { can } from './session.ts';

type Params = Record<string, string>;

/** A screen: its path pattern, who may open it, and what it renders. */
interface RouteDef {
  pattern: string;
  allowed: (session: TSessionInfo) => boolean;
  render: (params: Params, session: TSessionInfo) => ReactNode;
}

const param = (params: Params, name: string): string => params[name] ?? '';

/** Every screen of the signed-in app. Literal segments come before `:param` ones (`/units/new` before `/units/:id`). */
const ROUTES: readonly RouteDef[] = [
  { pattern: '/units', allowed: (s) => can(s, 'unit:read'), render: () => <UnitsPage /> },
  { pattern: '/units/new', allowed: (s) => can(s, 'unit:write'), render: () => <UnitCreatePage /> },
  { pattern: '/units/:id', allowed: (s) => can(s, 'unit:read'), render: (p) => <UnitDetailPage id={param(p, 'id')} /> },
  { pattern: '/legal', allowed: (s) => can(s, 'legal:evaluate'), render: () => <ScenarioPage /> },
  { pattern: '/audit', allowed: (s) => can(s, 'audit:read'), render: () => <AuditPage /> },
  {
    pattern: '/admin',
    allowed: (s) => can(s, 'user:admin', 'agency:admin'),
    render: (_, s) => <Redirect to={can(s, 'user:admin') ? '/admin/users' : '/admin/agencies'} />,
  },
  { pattern: '/admin/users', allowed: (s) => can(s, 'user:admin'), render: () => <UsersPage /> },
  { pattern: '/admin/users/new', allowed: (s) => can(s, 'user:admin'), render: () => <UserCreatePage /> },
  { pattern: '/admin/users/:id', allowed: (s) => can(s, 'user:admin'), render: (p) => <UserEditPage id={param(p, 'id')} /> },
  { pattern: '/admin/agencies', allowed: (s) => can(s, 'agency:admin'), render: () => <AgenciesPage /> },
  {
    pattern: '/admin/agencies/:code',
    allowed: (s) => can(s, 'agency:admin'),
    render: (p) => <AgencyEditPage code={param(p, 'code')} />,
  },
];

/** The screen for `path` in this session: `/` goes to the first permitted section, anything else unknown is 404. */
export function renderRoute(session: TSessionInfo, path: string): ReactNode {
  if (path === '/' || path === '') {
    const first = visibleNavItems(session)[0];
    return first ? <Redirect to={first.path} /> : <NotFoundPage />;
  }
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) return route.allowed(session) ? route.render(params, session) : <NotFoundPage />;
  }
  return <NotFoundPage />;
}
