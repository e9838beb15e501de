import { useTranslation } from 'react-i18next';
import type { TUnit } from '@enlace/contracts';
import { Link } from '../../app/router.tsx';
import { ClassificationBadge } from '../../app/ui/classification-badge.tsx';
import { ExerciseBadge } from '../../app/ui/exercise-badge.tsx';

/** Units as a table; on narrow screens each row becomes a card (labels come from `data-label`). */
export function UnitsTable({ units }: { units: readonly TUnit[] }) {
  const { t } = useTranslation();
  if (units.length === 0) return <p className="empty">{t('units.empty')}</p>;
  const label = {
    name: t('units.fields.name'),
    force: t('units.fields.force'),
    echelon: t('units.fields.echelon'),
    agency: t('units.fields.agency'),
    classification: t('units.fields.classification'),
    status: t('units.fields.status'),
  };
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('units.listCaption')}</caption>
      <thead>
        <tr>
          {Object.values(label).map((text) => <th key={text} scope="col">{text}</th>)}
        </tr>
      </thead>
      <tbody>
        {units.map((unit) => (
          <tr key={unit.id}>
            <th scope="row" data-label={label.name}>
              <Link to={`/units/${unit.id}`}>{unit.name}</Link>
              <span className="muted small"> ({unit.shortName})</span>
            </th>
            <td data-label={label.force}>{t(`force.${unit.force}`)}</td>
            <td data-label={label.echelon}>{t(`echelon.${unit.echelon}`)}</td>
            <td data-label={label.agency}><abbr title={t(`agency.${unit.agency}`)}>{unit.agency}</abbr></td>
            <td data-label={label.classification}><ClassificationBadge value={unit.classification} /></td>
            <td data-label={label.status}><ExerciseBadge exercise={unit.exercise} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
