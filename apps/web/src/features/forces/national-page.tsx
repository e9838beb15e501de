import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  C_LEVELS,
  EQUIPMENT_GROUPS,
  FORCES,
  type TCapabilityRow,
  type TCertifiedRow,
  type TCourseArea,
  type TEquipmentGroup,
  type TExpiringSummary,
  type TForce,
  type TReadinessFreshness,
  type TReadinessRecomputeSummary,
  type TRegionReadinessRow,
} from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Link } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { useSubmission } from '../../app/use-submission.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { getNational, listExpiringCertificates, listUnitReadiness, recomputeCountry } from './forces-api.ts';
import { NationalMap } from './national-map.tsx';
import { LEVEL_COLORS, PILLAR_ORDER, byDepartment, levelNumber, percent, pillarOf } from './readiness-view.ts';
import { TrainingPlanPanel } from './training-plan-panel.tsx';
import './forces.css';

/**
 * The national view: readiness by department on a map and by department and force in a table; where crowd-control
 * equipment, non-lethal means, radios and drones are; certified members per area; certificates expiring in 30/60/90
 * days; and the least-cost training plan of a selected department.
 */
export function NationalReadinessPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [force, setForce] = useState<TForce | ''>('');
  const [group, setGroup] = useState<TEquipmentGroup>('crowd_control');
  const [selected, setSelected] = useState<string | null>(null);
  // Bumped after a recompute, so the view (and the units' table) are read again.
  const [generation, setGeneration] = useState(0);
  const national = useResource(`forces-national:${force}:${generation}`, (signal) => getNational(force || undefined, signal));
  const departments = useMemo(() => byDepartment(national.data?.regions ?? []), [national.data]);
  const unitNames = useMemo(() => new Map((national.data?.capabilities ?? []).map((c) => [c.unitId, c.unitName])), [national.data]);

  return (
    <section className="forces-national">
      <PageHeader title={t('forces.national.title')}>
        <p className="muted">{t('forces.national.subtitle')}</p>
        <p className="small"><Link to="/readiness/standard">{t('forces.standard.link')}</Link></p>
      </PageHeader>
      <div className="filters">
        <SelectField
          label={t('forces.national.force')}
          value={force}
          options={[{ value: '', label: t('common.all') }, ...FORCES.map((f) => ({ value: f, label: t(`force.${f}`) }))]}
          onValueChange={(v) => { setForce(v as TForce | ''); }}
        />
        <SelectField
          label={t('forces.national.group')}
          value={group}
          options={EQUIPMENT_GROUPS.map((g) => ({ value: g, label: t(`forces.group.${g}`) }))}
          onValueChange={(v) => { setGroup(v as TEquipmentGroup); }}
        />
      </div>
      {national.error !== null && <Alert kind="error">{errorMessage(national.error)}</Alert>}
      {national.loading && !national.data && <Loading />}
      {can(session, 'readiness:compute') && <RecomputeCountry onDone={() => { setGeneration((g) => g + 1); }} />}
      {national.data && (
        <>
          <FreshnessNote fresh={national.data.overall} certificatesAsOf={national.data.asOf} />
          <NationalMap departments={departments} capabilities={national.data.capabilities} group={group} selected={selected} onSelect={setSelected} />
          <RegionTable rows={national.data.regions} selected={selected} onSelect={setSelected} />
          <UnitReadinessTable
            key={generation}
            department={selected}
            departmentName={departments.find((d) => d.department === selected)?.departmentName ?? selected}
            force={force || undefined}
            onClear={() => { setSelected(null); }}
          />
          <ExpiringCards expiring={national.data.expiring} />
          {can(session, 'personnel:read-personal') && can(session, 'training:read') && (
            <ExpiringPeople
              force={force || undefined}
              department={selected ?? undefined}
              departmentName={departments.find((d) => d.department === selected)?.departmentName}
            />
          )}
          <EquipmentDistribution rows={national.data.capabilities} />
          <CertifiedTable rows={national.data.certified} />
        </>
      )}
      <TrainingPlanPanel department={selected} force={force || undefined} onDepartment={setSelected} unitNames={unitNames} />
    </section>
  );
}

function RegionTable({ rows, selected, onSelect }: { rows: readonly TRegionReadinessRow[]; selected: string | null; onSelect: (d: string) => void }) {
  const { t } = useTranslation();
  const sorted = [...rows].sort((a, b) => a.departmentName.localeCompare(b.departmentName) || a.force.localeCompare(b.force));
  return (
    <section className="card" aria-labelledby="regions-title">
      <h2 id="regions-title">{t('forces.national.regionsTitle')}</h2>
      {sorted.length === 0 ? <p className="empty">{t('forces.national.noData')}</p> : (
        <table className="data-table">
          <caption className="visually-hidden">{t('forces.national.regionsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forces.national.department')}</th>
              <th scope="col">{t('forces.national.force')}</th>
              <th scope="col" className="numeric">{t('forces.national.units')}</th>
              {C_LEVELS.map((c) => <th key={c} scope="col" className="numeric">{c}</th>)}
              <th scope="col" className="numeric">{t('forces.fresh.withoutResult')}</th>
              <th scope="col" className="numeric">{t('forces.national.members')}</th>
              <th scope="col" className="numeric">{t('forces.national.qualified')}</th>
              <th scope="col">{t('forces.fresh.computedColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={`${r.department}-${r.force}`} className={r.department === selected ? 'row-selected' : undefined}>
                <th scope="row" data-label={t('forces.national.department')}>
                  <button type="button" className="link-button" onClick={() => { onSelect(r.department); }}>{r.departmentName}</button>
                </th>
                <td data-label={t('forces.national.force')}>{t(`force.${r.force}`)}</td>
                <td className="numeric" data-label={t('forces.national.units')}>{r.units}</td>
                {C_LEVELS.map((c) => <td key={c} className="numeric" data-label={c}>{r.byLevel[c] ?? 0}</td>)}
                <td className={r.withoutResult > 0 ? 'numeric warning-text' : 'numeric'} data-label={t('forces.fresh.withoutResult')}>{r.withoutResult}</td>
                <td className="numeric" data-label={t('forces.national.members')}>{r.members}</td>
                <td className="numeric" data-label={t('forces.national.qualified')}>
                  {r.qualifiedMembers} ({percent(r.members > 0 ? r.qualifiedMembers / r.members : null)})
                </td>
                <td data-label={t('forces.fresh.computedColumn')}><ComputedRange fresh={r} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The units' stored readiness (of the selected department, or all), worst first, each linked to its page. */
function UnitReadinessTable({ department, departmentName, force, onClear }: {
  department: string | null;
  departmentName: string | null;
  force: TForce | undefined;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const units = useResource(`forces-unit-readiness:${department ?? ''}:${force ?? ''}`, (signal) => listUnitReadiness(department ?? undefined, force, signal));
  const rows = [...(units.data?.items ?? [])].sort((a, b) => levelNumber(b.effective) - levelNumber(a.effective) || a.unitName.localeCompare(b.unitName));
  return (
    <section className="card" aria-labelledby="unit-readiness-title">
      <h2 id="unit-readiness-title">{t('forces.national.unitsTitle')}</h2>
      {department && (
        <p className="small">
          {t('forces.national.filteredBy', { department: departmentName ?? department })}{' '}
          <button type="button" className="link-button" onClick={onClear}>{t('forces.national.showAll')}</button>
        </p>
      )}
      {units.error !== null && <Alert kind="error">{errorMessage(units.error)}</Alert>}
      {units.loading && !units.data && <Loading />}
      {units.data && rows.length === 0 && <p className="empty">{t('forces.national.noData')}</p>}
      {rows.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('forces.national.unitsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forces.national.unit')}</th>
              <th scope="col">{t('forces.national.force')}</th>
              <th scope="col">C</th>
              {PILLAR_ORDER.map((p) => <th key={p} scope="col">{p}</th>)}
              <th scope="col" className="numeric">{t('forces.national.members')}</th>
              <th scope="col">{t('forces.national.asOfColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unitId}>
                <th scope="row" data-label={t('forces.national.unit')}><Link to={`/readiness/units/${r.unitId}`}>{r.unitName}</Link></th>
                <td data-label={t('forces.national.force')}>{t(`force.${r.force}`)}</td>
                <td data-label="C">
                  <span className="badge level-badge" style={{ background: LEVEL_COLORS[levelNumber(r.effective)] }}>{r.effective}</span>
                  {r.override && <span className="muted small" title={r.override.remark}> ({t('forces.national.overridden')})</span>}
                </td>
                {PILLAR_ORDER.map((p) => {
                  const x = pillarOf(r, p);
                  return <td key={p} data-label={p}>{p}{x.level} <span className="muted small">{percent(x.share)}</span></td>;
                })}
                <td className="numeric" data-label={t('forces.national.members')}>{r.members}</td>
                <td data-label={t('forces.national.asOfColumn')}>{r.asOf}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** How complete and how old the readiness shown is: units without a result, the oldest and newest computation. */
function FreshnessNote({ fresh, certificatesAsOf }: { fresh: TReadinessFreshness; certificatesAsOf: string }) {
  const { t } = useTranslation();
  return (
    <div className="card freshness" role="status">
      <p>
        {t('forces.fresh.summary', { units: fresh.units, rated: fresh.units - fresh.withoutResult })}
        {fresh.withoutResult > 0 && <strong> {t('forces.fresh.missing', { count: fresh.withoutResult })}</strong>}
      </p>
      <p className="small muted">
        {fresh.oldestComputedAt && fresh.newestComputedAt
          ? t('forces.fresh.range', { oldest: formatDateTime(fresh.oldestComputedAt), newest: formatDateTime(fresh.newestComputedAt) })
          : t('forces.fresh.never')}
        {' '}{t('forces.fresh.certificatesAsOf', { asOf: certificatesAsOf })}
      </p>
    </div>
  );
}

function ComputedRange({ fresh }: { fresh: Pick<TReadinessFreshness, 'oldestComputedAt' | 'newestComputedAt'> }) {
  const { t } = useTranslation();
  if (!fresh.oldestComputedAt || !fresh.newestComputedAt) return <span className="muted">{t('forces.fresh.noResult')}</span>;
  const oldest = formatDateTime(fresh.oldestComputedAt);
  const newest = formatDateTime(fresh.newestComputedAt);
  return <span className="small">{oldest === newest ? oldest : `${oldest} – ${newest}`}</span>;
}

/** Recomputes every unit the user may compute, showing a busy state and then the result. */
function RecomputeCountry({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { busy, errors, send } = useSubmission();
  const [summary, setSummary] = useState<TReadinessRecomputeSummary | null>(null);
  const run = (): void => {
    setSummary(null);
    void send(async () => {
      setSummary(await recomputeCountry());
      onDone();
    });
  };
  return (
    <div className="recompute-country" aria-live="polite">
      <button type="button" className="button" onClick={run} disabled={busy} aria-busy={busy}>
        {busy ? t('forces.fresh.recomputing') : t('forces.fresh.recompute')}
      </button>
      <span className="small muted"> {t('forces.fresh.recomputeHint')}</span>
      {errors.length > 0 && <Alert kind="error">{errors.join(' ')}</Alert>}
      {summary && (
        <Alert kind="info">
          {t('forces.fresh.recomputed', { units: summary.units, members: summary.members, seconds: (summary.millis / 1000).toFixed(1), version: summary.standardVersion })}
          {' '}{C_LEVELS.map((c) => `${c}: ${summary.byLevel[c] ?? 0}`).join(' · ')}
        </Alert>
      )}
    </div>
  );
}

/**
 * Who holds a certificate expiring within 30, 60 or 90 days, in the force the page is filtered to and the department
 * selected on its map or table (names: only for roles that may see personal data).
 */
function ExpiringPeople({ force, department, departmentName }: { force: TForce | undefined; department: string | undefined; departmentName: string | undefined }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<30 | 60 | 90>(30);
  const list = useResource(`forces-expiring:${days}:${force ?? ''}:${department ?? ''}`, (signal) => listExpiringCertificates({ days, force, department }, signal));
  const items = list.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="expiring-people-title">
      <h2 id="expiring-people-title">{t('forces.fresh.expiringPeopleTitle')}{departmentName ? ` · ${departmentName}` : ''}</h2>
      <SelectField
        label={t('forces.fresh.within')}
        value={String(days)}
        options={[30, 60, 90].map((d) => ({ value: String(d), label: t('forces.national.withinDays', { days: d }) }))}
        onValueChange={(v) => { setDays(Number(v) as 30 | 60 | 90); }}
      />
      {list.error !== null && <Alert kind="error">{errorMessage(list.error)}</Alert>}
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <p className="empty">{t('forces.national.noData')}</p>}
      {items.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('forces.fresh.expiringPeopleTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forces.fresh.holder')}</th>
              <th scope="col">{t('forces.certificates.area')}</th>
              <th scope="col">{t('forces.fresh.validUntil')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <th scope="row" data-label={t('forces.fresh.holder')}>{c.holderName}</th>
                <td data-label={t('forces.certificates.area')}>{t(`forces.area.${c.area}`)}</td>
                <td data-label={t('forces.fresh.validUntil')}>{c.validUntil}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.length >= 500 && <p className="small muted">{t('forces.fresh.firstOnly', { count: 500 })}</p>}
    </section>
  );
}

function ExpiringCards({ expiring }: { expiring: TExpiringSummary }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="expiring-title">
      <h2 id="expiring-title">{t('forces.national.expiringTitle')}</h2>
      <div className="stat-cards">
        {([['within30', 30], ['within60', 60], ['within90', 90]] as const).map(([key, days]) => (
          <div key={key} className="stat-card">
            <span className="stat-value">{expiring[key]}</span>
            <span className="stat-label">{t('forces.national.withinDays', { days })}</span>
          </div>
        ))}
      </div>
      {expiring.byArea.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('forces.national.expiringTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forces.certificates.area')}</th>
              <th scope="col" className="numeric">30</th>
              <th scope="col" className="numeric">60</th>
              <th scope="col" className="numeric">90</th>
            </tr>
          </thead>
          <tbody>
            {expiring.byArea.map((a) => (
              <tr key={a.area}>
                <th scope="row" data-label={t('forces.certificates.area')}>{t(`forces.area.${a.area as TCourseArea}`)}</th>
                <td className="numeric" data-label="30">{a.within30}</td>
                <td className="numeric" data-label="60">{a.within60}</td>
                <td className="numeric" data-label="90">{a.within90}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function EquipmentDistribution({ rows }: { rows: readonly TCapabilityRow[] }) {
  const { t } = useTranslation();
  const byUnit = [...rows].filter((r) => EQUIPMENT_GROUPS.some((g) => (r.counts[g] ?? 0) > 0));
  byUnit.sort((a, b) => (b.counts.crowd_control ?? 0) - (a.counts.crowd_control ?? 0) || a.unitName.localeCompare(b.unitName));
  const totals = Object.fromEntries(EQUIPMENT_GROUPS.map((g) => [g, rows.reduce((s, r) => s + (r.counts[g] ?? 0), 0)])) as Record<TEquipmentGroup, number>;
  return (
    <section className="card" aria-labelledby="distribution-title">
      <h2 id="distribution-title">{t('forces.national.distributionTitle')}</h2>
      <p className="small muted">{t('forces.national.distributionHint')}</p>
      {byUnit.length === 0 ? <p className="empty">{t('forces.national.noData')}</p> : (
        <table className="data-table">
          <caption className="visually-hidden">{t('forces.national.distributionTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forces.national.unit')}</th>
              <th scope="col">{t('forces.national.department')}</th>
              {EQUIPMENT_GROUPS.map((g) => <th key={g} scope="col" className="numeric">{t(`forces.group.${g}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {byUnit.map((r) => (
              <tr key={r.unitId}>
                <th scope="row" data-label={t('forces.national.unit')}>
                  <Link to={`/readiness/units/${r.unitId}`}>{r.unitName}</Link> <span className="muted small">{t(`force.${r.force}`)}</span>
                </th>
                <td data-label={t('forces.national.department')}>{r.department ?? t('common.none')}</td>
                {EQUIPMENT_GROUPS.map((g) => <td key={g} className="numeric" data-label={t(`forces.group.${g}`)}>{r.counts[g] ?? 0}</td>)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>{t('forces.equipment.total')}</th>
              {EQUIPMENT_GROUPS.map((g) => <td key={g} className="numeric">{totals[g]}</td>)}
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

function CertifiedTable({ rows }: { rows: readonly TCertifiedRow[] }) {
  const { t } = useTranslation();
  const areas = [...new Set(rows.map((r) => r.area))].sort();
  const departments = [...new Map(rows.map((r) => [r.department, r.departmentName]))].sort((a, b) => a[1].localeCompare(b[1]));
  const count = new Map(rows.map((r) => [`${r.department}|${r.area}`, r.members]));
  return (
    <section className="card" aria-labelledby="certified-title">
      <h2 id="certified-title">{t('forces.national.certifiedTitle')}</h2>
      {rows.length === 0 ? <p className="empty">{t('forces.national.noData')}</p> : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('forces.national.certifiedTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('forces.national.department')}</th>
                {areas.map((a) => <th key={a} scope="col" className="numeric">{t(`forces.area.${a as TCourseArea}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {departments.map(([code, name]) => (
                <tr key={code}>
                  <th scope="row" data-label={t('forces.national.department')}>{name}</th>
                  {areas.map((a) => <td key={a} className="numeric" data-label={t(`forces.area.${a as TCourseArea}`)}>{count.get(`${code}|${a}`) ?? 0}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
