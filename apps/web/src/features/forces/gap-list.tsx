import { useTranslation } from 'react-i18next';
import type { TCourseArea, TPerson } from '@enlace/contracts';
import type { TTask } from '@enlace/rules';
import { coursesByMember, parseGaps } from './readiness-view.ts';

/**
 * What keeps the unit from the next level, as concrete work: who must take which course, which billets need a
 * qualified member, what equipment to procure and which records to repair.
 */
export function GapList({ gaps, members }: { gaps: readonly unknown[]; members: ReadonlyMap<string, TPerson> }) {
  const { t } = useTranslation();
  const { items, names, unreadable } = parseGaps(gaps);
  if (items.length === 0 && unreadable === 0) return <p className="empty">{t('forces.gaps.none')}</p>;
  const people = coursesByMember(items);
  const billets = items.filter((g) => g.kind === 'FILL_BILLETS');
  const procure = items.filter((g) => g.kind === 'PROCURE');
  const repair = items.filter((g) => g.kind === 'REPAIR');
  const memberName = (id: string): string => {
    const m = members.get(id);
    return m ? `${m.rank} ${m.familyNames}, ${m.givenNames}` : (names.get(id) ?? t('forces.gaps.memberHidden'));
  };
  const taskName = (task: string | null): string => (task === null ? t('forces.gaps.forP') : t(`forces.task.${task as TTask}`));
  return (
    <div className="gap-list">
      {people.length > 0 && (
        <table className="data-table">
          <caption>{t('forces.gaps.coursesCaption', { count: people.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forces.members.name')}</th>
              <th scope="col">{t('forces.gaps.courses')}</th>
              <th scope="col">{t('forces.gaps.for')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((row) => (
              <tr key={row.memberId}>
                <th scope="row" data-label={t('forces.members.name')}>{memberName(row.memberId)}</th>
                <td data-label={t('forces.gaps.courses')}>{row.courses.map((c) => t(`forces.area.${c as TCourseArea}`)).join(', ')}</td>
                <td data-label={t('forces.gaps.for')}>{row.tasks.map(taskName).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {billets.map((g, i) => (
        <p key={`b${i}`} className="alert alert-info">
          {g.task ? t('forces.gaps.billetsTask', { count: g.count, task: taskName(g.task) }) : t('forces.gaps.billets', { count: g.count })}
        </p>
      ))}
      {procure.length > 0 && (
        <table className="data-table">
          <caption>{t('forces.gaps.procureCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forces.equipment.category')}</th>
              <th scope="col" className="numeric">{t('forces.gaps.toNextLevel')}</th>
              <th scope="col" className="numeric">{t('forces.gaps.shortfall')}</th>
            </tr>
          </thead>
          <tbody>
            {procure.map((g) => (
              <tr key={`${g.category}-${g.withRadio}`}>
                <th scope="row" data-label={t('forces.equipment.category')}>
                  {t(`forces.category.${g.category}`)}
                  {g.withRadio ? ` ${t('forces.gaps.withRadio')}` : ''}
                </th>
                <td className="numeric" data-label={t('forces.gaps.toNextLevel')}>{g.quantity}</td>
                <td className="numeric" data-label={t('forces.gaps.shortfall')}>{g.shortfall}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {repair.length > 0 && (
        <table className="data-table">
          <caption>{t('forces.gaps.repairCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forces.equipment.record')}</th>
              <th scope="col">{t('forces.equipment.category')}</th>
              <th scope="col">{t('forces.equipment.condition')}</th>
              <th scope="col" className="numeric">{t('forces.equipment.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {repair.map((g) => (
              <tr key={g.equipmentId}>
                <th scope="row" data-label={t('forces.equipment.record')}><code>{g.equipmentId.slice(0, 8)}</code></th>
                <td data-label={t('forces.equipment.category')}>{t(`forces.category.${g.category}`)}</td>
                <td data-label={t('forces.equipment.condition')}>{t(`forces.condition.${g.condition}`)}</td>
                <td className="numeric" data-label={t('forces.equipment.quantity')}>{g.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unreadable > 0 && <p className="muted small">{t('forces.gaps.unreadable', { count: unreadable })}</p>}
    </div>
  );
}
