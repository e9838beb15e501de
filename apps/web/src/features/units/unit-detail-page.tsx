import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Link, useLocation } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { ClassificationBadge } from '../../app/ui/classification-badge.tsx';
import { ExerciseBadge } from '../../app/ui/exercise-badge.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { UnitSecondments } from '../secondments/unit-secondments.tsx';
import { UnitEquipmentList } from './unit-equipment-list.tsx';
import { UnitNameLink } from './unit-name-link.tsx';
import { getUnit } from './units-api.ts';

/**
 * One unit: all its fields, a link to its parent and to its readiness page, a notice right after it was created, its
 * secondments (lent out and received) and its equipment item by item, each section for users who may read it.
 */
export function UnitDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { query } = useLocation();
  const unit = useResource(`unit:${id}`, (signal) => getUnit(id, signal));
  const back = <Link to="/units" className="back-link">{t('common.back')}</Link>;

  if (unit.error !== null) return <section>{back}<Alert kind="error">{errorMessage(unit.error)}</Alert></section>;
  if (!unit.data) return <Loading />;
  const u = unit.data;
  const none = t('common.none');
  const rows: [string, ReactNode][] = [
    [t('units.fields.shortName'), u.shortName],
    [t('units.fields.force'), t(`force.${u.force}`)],
    [t('units.fields.echelon'), t(`echelon.${u.echelon}`)],
    [t('units.fields.agency'), t(`agency.${u.agency}`)],
    [t('units.fields.classification'), <ClassificationBadge key="c" value={u.classification} />],
    [t('units.fields.status'), <ExerciseBadge key="e" exercise={u.exercise} />],
    [t('units.fields.parent'), u.parentId ? <UnitNameLink key="p" id={u.parentId} /> : none],
    [t('units.fields.homeUbigeo'), u.homeUbigeo ?? none],
    [t('units.fields.home'), u.home ? `${u.home.lon.toFixed(5)}, ${u.home.lat.toFixed(5)}` : none],
    [t('forces.basis.authorizedStrength'), u.authorizedStrength ?? t('forces.basis.noStrength')],
    [t('forces.basis.tasksTerm'), u.missionTasks ? u.missionTasks.map((task) => t(`forces.task.${task}` as 'forces.task.PUESTO_CONTROL')).join(', ') : t('forces.basis.tasksDefault')],
    [t('forces.basis.directedTerm'), u.directedResourceAction ? `C5 · ${u.directedResourceRemark ?? ''}` : t('common.no')],
    [t('units.fields.createdAt'), formatDateTime(u.createdAt)],
    [t('units.fields.updatedAt'), formatDateTime(u.updatedAt)],
    [t('units.fields.id'), <code key="id">{u.id}</code>],
  ];
  return (
    <section>
      {back}
      <PageHeader
        title={u.name}
        actions={can(session, 'readiness:read') ? <Link to={`/readiness/units/${u.id}`} className="button">{t('unitEquipment.readinessLink')}</Link> : undefined}
      />
      {query.get('created') && <Alert kind="success">{t('units.created')}</Alert>}
      <dl className="details">
        {rows.map(([term, value]) => (
          <div key={term} className="details-row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {can(session, 'personnel:read') && <UnitSecondments unit={u} />}
      {can(session, 'equipment:read') && <UnitEquipmentList unitId={u.id} />}
    </section>
  );
}
