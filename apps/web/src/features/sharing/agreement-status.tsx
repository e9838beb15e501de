import { useTranslation } from 'react-i18next';
import type { TAgreement } from './sharing-api.ts';

/** The agreement's status as the server decided it at this read, as a badge. */
export function AgreementStatusBadge({ agreement }: { agreement: TAgreement }) {
  const { t } = useTranslation();
  return <span className={`badge badge-agreement-${agreement.status}`}>{t(`sharing.status.${agreement.status}`)}</span>;
}

/** The America/Lima day of an instant (UTC-5 all year). */
const limaDay = (iso: string): string => new Date(Date.parse(iso) - 5 * 3_600_000).toISOString().slice(0, 10);

/** The days the agreement grants (or granted) access: cut by its basis as the registry stands, and by its end. */
export function effectivePeriod(agreement: TAgreement, none: string): string {
  const from = agreement.effectiveValidFrom;
  let to = agreement.effectiveValidTo;
  if (!from || !to) return none;
  if (agreement.status === 'ended' && agreement.endedAt && limaDay(agreement.endedAt) < to) to = limaDay(agreement.endedAt);
  return to < from ? none : `${from} – ${to}`;
}
