import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EQUIPMENT_GROUP_OF,
  type TCertificate,
  type TEquipmentSummaryRow,
  type TPerson,
  type TUnit,
  type TUnitReadiness,
  type TUnitTreeNode,
} from '@enlace/contracts';
import type { TTask } from '@enlace/rules';
import { ApiError, errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Link } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import {
  computeReadiness,
  withdrawOverride,
  getEquipmentSummary,
  getHierarchy,
  getReadiness,
  getUnit,
  listMembers,
  listUnitCertificates,
} from './forces-api.ts';
import { listMembersPage } from '../secondments/secondments-api.ts';
import { UnitsPager } from '../units/units-pager.tsx';
import { GapList } from './gap-list.tsx';
import { OverrideForm } from './override-form.tsx';
import { ReadinessGauges } from './readiness-gauges.tsx';
import { UnitBasisForm } from './unit-basis-form.tsx';
import './forces.css';

/** Members per page of the roster table (the gap list still names members from the first 1,000). */
const MEMBERS_PAGE = 200;

/** Loads a section; a 403/404 means "not for this reader" and hides it rather than failing the page. */
function sectionError(error: unknown): string | null {
  if (error === null) return null;
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
  return errorMessage(error);
}

/**
 * A unit's readiness page: where it sits in the chain of command, its subordinates, members (personal data only when
 * the API returns it), equipment by category and condition, the P/S/R/T gauges and C-level, MET ratings, the gap
 * list and the commander's override.
 */
export function UnitReadinessPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const unit = useResource(`forces-unit:${id}`, (signal) => getUnit(id, signal));
  const hierarchy = useResource(`forces-hierarchy:${id}`, (signal) => getHierarchy(id, signal));
  const members = useResource(`forces-members:${id}`, (signal) => listMembers(id, signal));
  const [memberOffset, setMemberOffset] = useState(0);
  const memberPage = useResource(`forces-members:${id}:${memberOffset}`, (signal) => listMembersPage(id, memberOffset, MEMBERS_PAGE, signal));
  const equipment = useResource(`forces-equipment:${id}`, (signal) => getEquipmentSummary(id, signal));
  const certificates = useResource(`forces-certificates:${id}`, (signal) =>
    can(session, 'training:read') ? listUnitCertificates(id, signal) : Promise.resolve({ items: [] as TCertificate[] }),
  );
  const stored = useResource(`forces-readiness:${id}`, (signal) => getReadiness(id, signal));
  const [fresh, setFresh] = useState<TUnitReadiness | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [savedUnit, setSavedUnit] = useState<TUnit | null>(null);
  const back = <Link to="/readiness" className="back-link">{t('forces.national.back')}</Link>;

  if (unit.error !== null) return <section>{back}<Alert kind="error">{errorMessage(unit.error)}</Alert></section>;
  if (!unit.data) return <Loading />;
  const u = savedUnit ?? unit.data;
  const readiness = fresh ?? stored.data ?? null;
  const memberById = new Map((members.data?.items ?? []).map((m) => [m.id, m]));

  async function act(action: () => Promise<TUnitReadiness>) {
    setBusy(true);
    setActionError(null);
    try {
      setFresh(await action());
    } catch (cause) {
      setActionError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="forces-unit">
      {back}
      {hierarchy.data && (
        <nav aria-label={t('forces.unit.breadcrumb')} className="breadcrumb">
          <ol>
            {[...hierarchy.data.ancestors].reverse().map((a) => (
              <li key={a.id}><Link to={`/readiness/units/${a.id}`}>{a.shortName}</Link></li>
            ))}
            <li aria-current="page">{u.shortName}</li>
          </ol>
        </nav>
      )}
      <PageHeader
        title={u.name}
        actions={can(session, 'readiness:compute') ? (
          <button type="button" className="button" onClick={() => { void act(() => computeReadiness(id)); }} disabled={busy}>
            {busy ? t('forces.readiness.computing') : t('forces.readiness.compute')}
          </button>
        ) : undefined}
      >
        <p className="muted">
          {t(`force.${u.force}`)} · {t(`echelon.${u.echelon}` as 'echelon.comando')} · <Link to={`/units/${u.id}`}>{t('unitEquipment.unitLink')}</Link>
        </p>
      </PageHeader>
      {actionError && <Alert kind="error">{actionError}</Alert>}

      <section aria-labelledby="readiness-title" className="card">
        <h2 id="readiness-title">{t('forces.readiness.title')}</h2>
        {stored.loading && !readiness && <Loading />}
        {sectionError(stored.error) && <Alert kind="error">{sectionError(stored.error)}</Alert>}
        {!stored.loading && !readiness && stored.error === null && <p className="empty">{t('forces.readiness.never')}</p>}
        {readiness && (
          <>
            {readiness.directedResourceAction && (
              <Alert kind="error">{t('forces.basis.directedShown')} <q>{readiness.directedResourceAction.remark}</q></Alert>
            )}
            <ReadinessGauges readiness={readiness} />
            <p className="small">
              {readiness.strengthBase === 'authorized'
                ? t('forces.basis.strengthAuthorized', { strength: readiness.strength })
                : t('forces.basis.strengthRoster', { strength: readiness.strength })}
              {' '}
              {readiness.tasksBase === 'unit' ? t('forces.basis.tasksUnit') : t('forces.basis.tasksDefault')}
            </p>
            <p className="small muted">
              {t('forces.readiness.asOf', { asOf: readiness.asOf, computedAt: formatDateTime(readiness.computedAt), version: readiness.standardVersion })}
              {' '}<Link to="/readiness/standard">{t('forces.standard.link')}</Link>
            </p>
            {readiness.override && (
              <Alert kind="info">
                {t('forces.readiness.overrideBy', { level: readiness.override.level, by: readiness.override.by, at: formatDateTime(readiness.override.at) })}
                {' '}<q>{readiness.override.remark}</q>
                {can(session, 'readiness:write') && (
                  <>
                    {' '}
                    <button type="button" className="button button-ghost" disabled={busy} onClick={() => { void act(() => withdrawOverride(id)); }}>
                      {t('forces.override.withdraw')}
                    </button>
                  </>
                )}
              </Alert>
            )}
            <h3>{t('forces.readiness.metsTitle')}</h3>
            <MetTable tasks={readiness.tasks} />
            {readiness.lethal && (
              <p className={readiness.lethal.compliant ? 'small' : 'alert alert-error'}>
                {t(readiness.lethal.compliant ? 'forces.readiness.lethalOk' : 'forces.readiness.lethalBad', {
                  carriers: readiness.lethal.carriers,
                  allowed: readiness.lethal.allowed,
                })}
              </p>
            )}
            <h3>{t('forces.gaps.title')}{readiness.targetLevel ? ` · ${t('forces.gaps.target', { level: readiness.targetLevel })}` : ''}</h3>
            <GapSummary summary={readiness.gapSummary} />
            <GapList gaps={readiness.gaps} members={memberById} />
            {can(session, 'readiness:write') && <OverrideForm unitId={id} readiness={readiness} onSaved={setFresh} />}
          </>
        )}
        {can(session, 'unit:write') && <UnitBasisForm unit={u} onSaved={setSavedUnit} mayDirect={can(session, 'readiness:write')} />}
      </section>

      {hierarchy.data && hierarchy.data.tree.children.length > 0 && (
        <section aria-labelledby="subordinates-title" className="card">
          <h2 id="subordinates-title">{t('forces.unit.subordinates', { count: hierarchy.data.subordinateCount })}</h2>
          <SubordinateTree nodes={hierarchy.data.tree.children} />
        </section>
      )}

      <section aria-labelledby="members-title" className="card">
        <details open={(members.data?.total ?? 0) <= 25}>
          <summary><h2 id="members-title">{t('forces.members.title', { count: members.data?.total ?? 0 })}</h2></summary>
          {members.loading && !members.data && <Loading />}
          {sectionError(members.error) && <Alert kind="error">{sectionError(members.error)}</Alert>}
          {memberPage.data && <MembersTable members={memberPage.data.items} certificates={certificates.data?.items ?? []} />}
          {memberPage.data && (
            <UnitsPager offset={memberOffset} pageSize={MEMBERS_PAGE} shown={memberPage.data.items.length} total={memberPage.data.total} onPage={setMemberOffset} />
          )}
        </details>
      </section>

      <section aria-labelledby="equipment-title" className="card">
        <h2 id="equipment-title">{t('forces.equipment.title')}</h2>
        {sectionError(equipment.error) && <Alert kind="error">{sectionError(equipment.error)}</Alert>}
        {equipment.data && <EquipmentTable rows={equipment.data.items} />}
      </section>

      {(certificates.data?.items.length ?? 0) > 0 && (
        <section aria-labelledby="certificates-title" className="card">
          <details>
            <summary><h2 id="certificates-title">{t('forces.certificates.title')} ({certificates.data?.items.length ?? 0})</h2></summary>
            <CertificateList certificates={certificates.data?.items ?? []} />
          </details>
        </section>
      )}
    </section>
  );
}

function GapSummary({ summary }: { summary: TUnitReadiness['gapSummary'] }) {
  const { t } = useTranslation();
  if (summary.length === 0) return null;
  return (
    <ul className="gap-summary">
      {summary.map((s) => {
        const from = typeof s['fromLevel'] === 'number' ? `${s.pillar}${s['fromLevel']}` : s.pillar;
        const to = typeof s['toLevel'] === 'number' ? `${s.pillar}${s['toLevel']}` : '';
        return (
          <li key={s.pillar}>
            {t('forces.gaps.summary', { pillar: t(`forces.readiness.pillar.${s.pillar}`), needed: s.needed, from, to })}
            {!s.closable && <strong> · {t('forces.gaps.notClosable')}</strong>}
          </li>
        );
      })}
    </ul>
  );
}

function MetTable({ tasks }: { tasks: TUnitReadiness['tasks'] }) {
  const { t } = useTranslation();
  if (tasks.length === 0) return <p className="empty">{t('forces.readiness.noMets')}</p>;
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('forces.readiness.metsTitle')}</caption>
      <thead>
        <tr><th scope="col">{t('forces.readiness.met')}</th><th scope="col">{t('forces.readiness.rating')}</th></tr>
      </thead>
      <tbody>
        {tasks.map((m) => (
          <tr key={m.task}>
            <th scope="row" data-label={t('forces.readiness.met')}>{t(`forces.task.${m.task as TTask}`)}</th>
            <td data-label={t('forces.readiness.rating')}>
              <span className={`badge met-${m.rating}`}>{m.rating}</span> {t(`forces.readiness.ratingText.${m.rating}`)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SubordinateTree({ nodes }: { nodes: readonly TUnitTreeNode[] }) {
  return (
    <ul className="unit-tree">
      {nodes.map((n) => (
        <li key={n.id}>
          <Link to={`/readiness/units/${n.id}`}>{n.name}</Link> <span className="muted small">({n.shortName})</span>
          {n.children.length > 0 && <SubordinateTree nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}

function MembersTable({ members, certificates }: { members: readonly TPerson[]; certificates: readonly TCertificate[] }) {
  const { t } = useTranslation();
  if (members.length === 0) return <p className="empty">{t('forces.members.empty')}</p>;
  // Personal data columns only when the API returned personal data (roles with personnel:read-personal).
  const personal = members.some((m) => m.personal !== null);
  const valid = new Map<string, number>();
  for (const c of certificates) if (c.status === 'valid') valid.set(c.personId, (valid.get(c.personId) ?? 0) + 1);
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('forces.members.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('forces.members.name')}</th>
          <th scope="col">{t('forces.members.rank')}</th>
          <th scope="col">{t('forces.members.specialty')}</th>
          <th scope="col">{t('forces.members.status')}</th>
          <th scope="col" className="numeric">{t('forces.members.validCertificates')}</th>
          {personal && <th scope="col">{t('forces.members.document')}</th>}
          {personal && <th scope="col">{t('forces.members.phone')}</th>}
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.id}>
            <th scope="row" data-label={t('forces.members.name')}>
              {m.familyNames}, {m.givenNames}
              {m.designatedLethal && <span className="badge small" title={t('forces.members.designatedLethal')}> {t('forces.members.designatedShort')}</span>}
              {m.secondedToUnitId && <span className="muted small"> · {t('forces.members.seconded')}</span>}
            </th>
            <td data-label={t('forces.members.rank')}>{m.rank}</td>
            <td data-label={t('forces.members.specialty')}>{m.specialty ?? t('common.none')}</td>
            <td data-label={t('forces.members.status')}>{t(`forces.status.${m.status}`)}</td>
            <td className="numeric" data-label={t('forces.members.validCertificates')}>{valid.get(m.id) ?? 0}</td>
            {personal && <td data-label={t('forces.members.document')}>{m.personal ? `${m.documentType} ${m.personal.documentNumber}` : t('common.none')}</td>}
            {personal && <td data-label={t('forces.members.phone')}>{m.personal?.phone ?? t('common.none')}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EquipmentTable({ rows }: { rows: readonly TEquipmentSummaryRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="empty">{t('forces.equipment.empty')}</p>;
  const sorted = [...rows].sort((a, b) => a.group.localeCompare(b.group) || a.category.localeCompare(b.category));
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('forces.equipment.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('forces.equipment.group')}</th>
          <th scope="col">{t('forces.equipment.category')}</th>
          <th scope="col" className="numeric">{t('forces.condition.serviceable')}</th>
          <th scope="col" className="numeric">{t('forces.condition.in_repair')}</th>
          <th scope="col" className="numeric">{t('forces.condition.unserviceable')}</th>
          <th scope="col" className="numeric">{t('forces.equipment.total')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.category}>
            <td data-label={t('forces.equipment.group')}>{t(`forces.group.${EQUIPMENT_GROUP_OF[r.category]}`)}</td>
            <th scope="row" data-label={t('forces.equipment.category')}>{t(`forces.category.${r.category}`)}</th>
            <td className="numeric" data-label={t('forces.condition.serviceable')}>{r.serviceable}</td>
            <td className="numeric" data-label={t('forces.condition.in_repair')}>{r.inRepair}</td>
            <td className="numeric" data-label={t('forces.condition.unserviceable')}>{r.unserviceable}</td>
            <td className="numeric" data-label={t('forces.equipment.total')}>{r.serviceable + r.inRepair + r.unserviceable}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CertificateList({ certificates }: { certificates: readonly TCertificate[] }) {
  const { t } = useTranslation();
  const sorted = [...certificates].sort((a, b) => a.validUntil.localeCompare(b.validUntil)).slice(0, 100);
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('forces.certificates.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('forces.certificates.holder')}</th>
          <th scope="col">{t('forces.certificates.area')}</th>
          <th scope="col">{t('forces.certificates.validUntil')}</th>
          <th scope="col">{t('forces.certificates.status')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((c) => (
          <tr key={c.id}>
            <th scope="row" data-label={t('forces.certificates.holder')}><Link to={`/training/certificates/${c.id}`}>{c.holderName}</Link></th>
            <td data-label={t('forces.certificates.area')}>{t(`forces.area.${c.area}`)}</td>
            <td data-label={t('forces.certificates.validUntil')}>{c.validUntil}</td>
            <td data-label={t('forces.certificates.status')}><span className={`badge cert-${c.status}`}>{t(`forces.certificates.statusText.${c.status}`)}</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
