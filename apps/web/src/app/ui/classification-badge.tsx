import { useTranslation } from 'react-i18next';
import type { TClassification } from '@enlace/contracts';

/** The record's classification as a coloured badge (PUBLICO green ... SECRETO red). */
export function ClassificationBadge({ value }: { value: TClassification }) {
  const { t } = useTranslation();
  return <span className={`badge badge-class-${value.toLowerCase()}`}>{t(`classification.${value}`)}</span>;
}
