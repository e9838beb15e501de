import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCourseArea, TForce, TTrainingPlan } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { getTrainingPlan, listDepartments } from './forces-api.ts';

/** A unit's line of the plan, as the planner of @enlace/rules reports it (the contract keeps it open). */
interface TPlanUnit {
  unitId: string;
  seats: number;
  lowerBound: number;
  provedOptimal: boolean;
  billetsShort: number;
  notClosedByTraining: string[];
}

/** Reads the open parts of a plan: bound, optimality, target and the per-unit lines, when present. */
export function planExtras(plan: TTrainingPlan): { lowerBound: number | null; provedOptimal: boolean; targetLevel: string | null; units: TPlanUnit[] } {
  const p = plan as Record<string, unknown>;
  const units = Array.isArray(p['units'])
    ? (p['units'] as unknown[]).filter((u): u is TPlanUnit => typeof u === 'object' && u !== null && typeof (u as TPlanUnit).unitId === 'string')
    : [];
  const target = p['targetLevel'];
  return {
    lowerBound: typeof p['lowerBound'] === 'number' ? p['lowerBound'] : null,
    provedOptimal: p['provedOptimal'] === true,
    targetLevel: typeof target === 'string' ? target : typeof target === 'number' ? `C${target}` : null,
    units,
  };
}

/** The least-cost training plan (course seats) that closes a department's P and T gaps. */
export function TrainingPlanPanel({
  department,
  force,
  onDepartment,
  unitNames,
}: {
  department: string | null;
  force: TForce | undefined;
  onDepartment: (d: string) => void;
  unitNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const departments = useResource('forces-departments', (signal) => listDepartments(signal));
  const [target, setTarget] = useState<'1' | '2' | '3'>('1');
  const [requested, setRequested] = useState<{ department: string; target: 1 | 2 | 3 } | null>(null);
  const plan = useResource(`forces-plan:${requested?.department ?? ''}:${requested?.target ?? ''}:${force ?? ''}`, (signal) =>
    requested ? getTrainingPlan(requested.department, force, requested.target, signal) : Promise.resolve(null),
  );
  const x = plan.data ? planExtras(plan.data) : null;
  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('forces.plan.title')}</h2>
      <p className="small muted">{t('forces.plan.hint')}</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (department) setRequested({ department, target: Number(target) as 1 | 2 | 3 });
        }}
      >
        <SelectField
          label={t('forces.national.department')}
          value={department ?? ''}
          options={[{ value: '', label: t('forces.plan.choose') }, ...(departments.data?.items ?? []).map((d) => ({ value: d.ubigeo, label: d.name }))]}
          onValueChange={(v) => { if (v) onDepartment(v); }}
        />
        <SelectField
          label={t('forces.plan.targetLevel')}
          value={target}
          options={(['1', '2', '3'] as const).map((l) => ({ value: l, label: `C${l}` }))}
          onValueChange={(v) => { setTarget(v as '1' | '2' | '3'); }}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={!department}>{t('forces.plan.submit')}</button>
        </div>
      </form>
      {plan.error !== null && <Alert kind="error">{errorMessage(plan.error)}</Alert>}
      {plan.loading && requested && <p className="loading" role="status">{t('forces.plan.computing')}</p>}
      {plan.data && x && (
        <div className="plan-result" aria-live="polite">
          <p>
            <strong>{t('forces.plan.seats', { count: plan.data.seats })}</strong>
            {x.targetLevel ? ` · ${t('forces.plan.target', { level: x.targetLevel })}` : ''}
            {x.lowerBound !== null ? ` · ${t('forces.plan.lowerBound', { bound: x.lowerBound })}` : ''}
            {x.provedOptimal ? ` · ${t('forces.plan.optimal')}` : ''}
          </p>
          {plan.data.courses.length === 0 ? <p className="empty">{t('forces.plan.nothing')}</p> : (
            <table className="data-table">
              <caption>{t('forces.plan.coursesCaption')}</caption>
              <thead>
                <tr><th scope="col">{t('forces.plan.course')}</th><th scope="col" className="numeric">{t('forces.plan.seatsColumn')}</th></tr>
              </thead>
              <tbody>
                {plan.data.courses.map((c) => {
                  const area = (c as Record<string, unknown>)['area'];
                  return (
                    <tr key={c.courseCode}>
                      <th scope="row" data-label={t('forces.plan.course')}>
                        {typeof area === 'string' ? t(`forces.area.${area as TCourseArea}`) : c.courseCode} <span className="muted small">{c.courseCode}</span>
                      </th>
                      <td className="numeric" data-label={t('forces.plan.seatsColumn')}>{c.seats}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {x.units.some((u) => u.seats > 0 || u.billetsShort > 0 || u.notClosedByTraining.length > 0) && (
            <table className="data-table">
              <caption>{t('forces.plan.unitsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('forces.national.unit')}</th>
                  <th scope="col" className="numeric">{t('forces.plan.seatsColumn')}</th>
                  <th scope="col" className="numeric">{t('forces.plan.boundColumn')}</th>
                  <th scope="col">{t('forces.plan.remarks')}</th>
                </tr>
              </thead>
              <tbody>
                {x.units.filter((u) => u.seats > 0 || u.billetsShort > 0 || u.notClosedByTraining.length > 0).map((u) => (
                  <tr key={u.unitId}>
                    <th scope="row" data-label={t('forces.national.unit')}><Link to={`/readiness/units/${u.unitId}`}>{unitNames.get(u.unitId) ?? u.unitId.slice(0, 8)}</Link></th>
                    <td className="numeric" data-label={t('forces.plan.seatsColumn')}>{u.seats}</td>
                    <td className="numeric" data-label={t('forces.plan.boundColumn')}>{u.lowerBound}{u.provedOptimal ? ' ✓' : ''}</td>
                    <td data-label={t('forces.plan.remarks')}>
                      {[
                        u.billetsShort > 0 ? t('forces.plan.billetsShort', { count: u.billetsShort }) : '',
                        u.notClosedByTraining.length > 0 ? t('forces.plan.notByTraining', { pillars: u.notClosedByTraining.join(', ') }) : '',
                      ].filter(Boolean).join(' · ') || t('common.none')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
