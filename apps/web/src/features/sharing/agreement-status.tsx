import { useTranslation } from 'react-i18next';
import type { TAgreement } from '@enlace/contracts';

/** The agreement's status as the server decided it at this read, as a badge. */
export function AgreementStatusBadge({ agreement }: { agreement: TAgreement }) {
  const { t } = useTranslation();
  return <span className={`badge badge-agreement-${agreement.status}`}>{t(`sharing.status.${agreement.status}`)}</span>;
}

/** The days the agreement grants (or granted) access, as the server decided them, or why none. */
export function effectivePeriod(agreement: TAgreement, none: string): string {
  return agreement.effectiveValidFrom && agreement.effectiveValidTo ? `${agreement.effectiveValidFrom} – ${agreement.effectiveValidTo}` : none;
}
