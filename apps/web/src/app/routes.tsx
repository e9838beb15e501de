import type { ReactNode } from 'react';
import type { TSessionInfo } from '../features/auth/auth-api.ts';
import { lazyPage } from './lazy-page.ts';
import { visibleNavItems } from './nav-items.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { Redirect } from './redirect.tsx';
import { matchPath } from './router.tsx';
import { can } from './session.ts';

// Each screen is a chunk of its own, loaded when first opened (lazy-page.ts).
const AgenciesPage = lazyPage(() => import('../features/admin/agencies/agencies-page.tsx'), 'AgenciesPage');
const AgencyEditPage = lazyPage(() => import('../features/admin/agencies/agency-edit-page.tsx'), 'AgencyEditPage');
const UserCreatePage = lazyPage(() => import('../features/admin/users/user-create-page.tsx'), 'UserCreatePage');
const UserEditPage = lazyPage(() => import('../features/admin/users/user-edit-page.tsx'), 'UserEditPage');
const UsersPage = lazyPage(() => import('../features/admin/users/users-page.tsx'), 'UsersPage');
const AnalysisPage = lazyPage(() => import('../features/analysis/analysis-page.tsx'), 'AnalysisPage');
const AuditPage = lazyPage(() => import('../features/audit/audit-page.tsx'), 'AuditPage');
const CopPage = lazyPage(() => import('../features/cop/cop-page.tsx'), 'CopPage');
const BasisMapPage = lazyPage(() => import('../features/legal/basis-map-page.tsx'), 'BasisMapPage');
const EvaluatorPage = lazyPage(() => import('../features/legal/evaluator-page.tsx'), 'EvaluatorPage');
const ImportRunPage = lazyPage(() => import('../features/imports/import-run-page.tsx'), 'ImportRunPage');
const ImportsPage = lazyPage(() => import('../features/imports/imports-page.tsx'), 'ImportsPage');
const InstrumentsPage = lazyPage(() => import('../features/legal/instruments-page.tsx'), 'InstrumentsPage');
const ScenarioPage = lazyPage(() => import('../features/legal/scenario-page.tsx'), 'ScenarioPage');
const TimelinePage = lazyPage(() => import('../features/legal/timeline-page.tsx'), 'TimelinePage');
const ProtocolComparePage = lazyPage(() => import('../features/protocols/protocol-compare-page.tsx'), 'ProtocolComparePage');
const ProtocolDetailPage = lazyPage(() => import('../features/protocols/protocol-detail-page.tsx'), 'ProtocolDetailPage');
const ProtocolDraftPage = lazyPage(() => import('../features/protocols/protocol-draft-page.tsx'), 'ProtocolDraftPage');
const ProtocolsPage = lazyPage(() => import('../features/protocols/protocols-page.tsx'), 'ProtocolsPage');
const NationalReadinessPage = lazyPage(() => import('../features/forces/national-page.tsx'), 'NationalReadinessPage');
const ReadinessStandardPage = lazyPage(() => import('../features/forces/standard-page.tsx'), 'ReadinessStandardPage');
const UnitReadinessPage = lazyPage(() => import('../features/forces/unit-readiness-page.tsx'), 'UnitReadinessPage');
const CertificatePage = lazyPage(() => import('../features/training/certificate-page.tsx'), 'CertificatePage');
const TrainingCalendarPage = lazyPage(() => import('../features/training/training-calendar-page.tsx'), 'TrainingCalendarPage');
const ExercisesPage = lazyPage(() => import('../features/training/exercises-page.tsx'), 'ExercisesPage');
const ExerciseCreatePage = lazyPage(() => import('../features/training/exercise-create-page.tsx'), 'ExerciseCreatePage');
const ExercisePage = lazyPage(() => import('../features/training/exercise-page.tsx'), 'ExercisePage');
const SessionCreatePage = lazyPage(() => import('../features/training/session-create-page.tsx'), 'SessionCreatePage');
const SessionPage = lazyPage(() => import('../features/training/session-page.tsx'), 'SessionPage');
const UnitCreatePage = lazyPage(() => import('../features/units/unit-create-page.tsx'), 'UnitCreatePage');
const UnitDetailPage = lazyPage(() => import('../features/units/unit-detail-page.tsx'), 'UnitDetailPage');
const UnitsPage = lazyPage(() => import('../features/units/units-page.tsx'), 'UnitsPage');
const IncidentsPage = lazyPage(() => import('../features/incidents/incidents-page.tsx'), 'IncidentsPage');
const IncidentCreatePage = lazyPage(() => import('../features/incidents/incident-create-page.tsx'), 'IncidentCreatePage');
const IncidentPage = lazyPage(() => import('../features/incidents/incident-page.tsx'), 'IncidentPage');
const CrimeTypesPage = lazyPage(() => import('../features/incidents/crime-types-page.tsx'), 'CrimeTypesPage');
const SecondmentsPage = lazyPage(() => import('../features/secondments/secondments-page.tsx'), 'SecondmentsPage');
const SharingPage = lazyPage(() => import('../features/sharing/sharing-page.tsx'), 'SharingPage');
const AgreementCreatePage = lazyPage(() => import('../features/sharing/agreement-create-page.tsx'), 'AgreementCreatePage');
const AgreementPage = lazyPage(() => import('../features/sharing/agreement-page.tsx'), 'AgreementPage');

type Params = Record<string, string>;

/** A screen: its path pattern, who may open it, and what it renders. */
interface RouteDef {
  pattern: string;
  allowed: (session: TSessionInfo) => boolean;
  render: (params: Params, session: TSessionInfo) => ReactNode;
}

const param = (params: Params, name: string): string => params[name] ?? '';

/** Bulk import is open to whoever may write an importable kind, and to auditors (to read past runs). */
const canImport = (s: TSessionInfo): boolean =>
  can(s, 'unit:write', 'personnel:write', 'equipment:write', 'training:write', 'incident:write', 'audit:read');

/** Every screen of the signed-in app. Literal segments come before `:param` ones (`/units/new` before `/units/:id`). */
const ROUTES: readonly RouteDef[] = [
  { pattern: '/units', allowed: (s) => can(s, 'unit:read'), render: () => <UnitsPage /> },
  { pattern: '/units/new', allowed: (s) => can(s, 'unit:write'), render: () => <UnitCreatePage /> },
  { pattern: '/units/:id', allowed: (s) => can(s, 'unit:read'), render: (p) => <UnitDetailPage id={param(p, 'id')} /> },
  { pattern: '/secondments', allowed: (s) => can(s, 'personnel:write'), render: () => <SecondmentsPage /> },
  { pattern: '/cop', allowed: (s) => can(s, 'track:read'), render: () => <CopPage /> },
  {
    pattern: '/legal',
    allowed: (s) => can(s, 'legal:read'),
    render: (_, s) => (can(s, 'legal:evaluate') ? <ScenarioPage /> : <Redirect to="/legal/instruments" />),
  },
  { pattern: '/legal/instruments', allowed: (s) => can(s, 'legal:read'), render: () => <InstrumentsPage /> },
  { pattern: '/legal/timeline', allowed: (s) => can(s, 'legal:read'), render: () => <TimelinePage /> },
  { pattern: '/legal/map', allowed: (s) => can(s, 'legal:read') && can(s, 'geo:read'), render: () => <BasisMapPage /> },
  { pattern: '/legal/evaluate', allowed: (s) => can(s, 'legal:evaluate'), render: () => <EvaluatorPage /> },
  { pattern: '/protocols', allowed: (s) => can(s, 'legal:read'), render: () => <ProtocolsPage /> },
  { pattern: '/protocols/compare', allowed: (s) => can(s, 'legal:read'), render: () => <ProtocolComparePage /> },
  { pattern: '/protocols/new', allowed: (s) => can(s, 'legal:write'), render: () => <ProtocolDraftPage /> },
  { pattern: '/protocols/:id', allowed: (s) => can(s, 'legal:read'), render: (p) => <ProtocolDetailPage id={param(p, 'id')} /> },
  { pattern: '/readiness', allowed: (s) => can(s, 'readiness:read'), render: () => <NationalReadinessPage /> },
  { pattern: '/readiness/standard', allowed: (s) => can(s, 'readiness:read'), render: () => <ReadinessStandardPage /> },
  { pattern: '/analysis', allowed: (s) => can(s, 'incident:read'), render: () => <AnalysisPage /> },
  { pattern: '/incidents', allowed: (s) => can(s, 'incident:read'), render: () => <IncidentsPage /> },
  { pattern: '/incidents/new', allowed: (s) => can(s, 'incident:write'), render: () => <IncidentCreatePage /> },
  { pattern: '/incidents/crime-types', allowed: (s) => can(s, 'incident:read'), render: () => <CrimeTypesPage /> },
  { pattern: '/incidents/:id', allowed: (s) => can(s, 'incident:read'), render: (p) => <IncidentPage id={param(p, 'id')} /> },
  { pattern: '/sharing', allowed: (s) => can(s, 'sharing:read'), render: () => <SharingPage /> },
  { pattern: '/sharing/new', allowed: (s) => can(s, 'sharing:write'), render: () => <AgreementCreatePage /> },
  { pattern: '/sharing/:id', allowed: (s) => can(s, 'sharing:read'), render: (p) => <AgreementPage id={param(p, 'id')} /> },
  { pattern: '/readiness/units/:id', allowed: (s) => can(s, 'readiness:read'), render: (p) => <UnitReadinessPage id={param(p, 'id')} /> },
  { pattern: '/training', allowed: (s) => can(s, 'training:read'), render: () => <TrainingCalendarPage /> },
  { pattern: '/training/certificates/:id', allowed: (s) => can(s, 'training:read'), render: (p) => <CertificatePage id={param(p, 'id')} /> },
  { pattern: '/training/exercises', allowed: (s) => can(s, 'training:read'), render: () => <ExercisesPage /> },
  { pattern: '/training/exercises/new', allowed: (s) => can(s, 'training:write'), render: () => <ExerciseCreatePage /> },
  { pattern: '/training/exercises/:id', allowed: (s) => can(s, 'training:read'), render: (p) => <ExercisePage id={param(p, 'id')} /> },
  { pattern: '/training/sessions/new', allowed: (s) => can(s, 'training:write'), render: () => <SessionCreatePage /> },
  { pattern: '/training/sessions/:id', allowed: (s) => can(s, 'training:read'), render: (p) => <SessionPage id={param(p, 'id')} /> },
  { pattern: '/imports', allowed: (s) => canImport(s), render: () => <ImportsPage /> },
  { pattern: '/imports/:id', allowed: (s) => canImport(s), render: (p) => <ImportRunPage id={param(p, 'id')} /> },
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
