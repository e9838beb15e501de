import { useTranslation } from 'react-i18next';

/** Marks exercise (training) records so they are never mistaken for real ones. */
export function ExerciseBadge({ exercise }: { exercise: boolean }) {
  const { t } = useTranslation();
  return exercise
    ? <span className="badge badge-exercise">{t('common.exercise')}</span>
    : <span className="badge badge-real">{t('common.real')}</span>;
}
