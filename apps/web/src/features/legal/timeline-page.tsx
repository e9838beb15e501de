import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { buildTimeline, limaToday } from './instrument-model.ts';
import { LegalTabs } from './legal-tabs.tsx';
import { TimelineChart } from './timeline-chart.tsx';
import { useRegistry } from './use-registry.ts';
import './legal.css';

/** The validity of every legal basis the user may read, as chains on a timeline with today and expiries marked. */
export function TimelinePage() {
  const { t } = useTranslation();
  const registry = useRegistry();
  const today = limaToday();
  const timeline = registry.data ? buildTimeline(registry.data.instruments, today, registry.data.alertDays) : null;
  return (
    <section>
      <PageHeader title={t('legal.timeline.title')}>
        <p className="muted">{t('legal.timeline.intro')}</p>
      </PageHeader>
      <LegalTabs />
      {registry.error !== null && <Alert kind="error">{errorMessage(registry.error)}</Alert>}
      {registry.loading && !registry.data && <Loading />}
      {timeline && (timeline.rows.length === 0 ? (
        <p className="empty">{t('legal.timeline.empty')}</p>
      ) : (
        <div className="card">
          <ul className="timeline-legend" aria-hidden="true">
            {(['in_force', 'expiring', 'upcoming', 'expired', 'revoked'] as const).map((v) => (
              <li key={v}><span className={`timeline-swatch timeline-bar-${v}`} /> {t(`legal.validity.${v}`)}</li>
            ))}
            {(['RUF', 'DIRECTIVA_CCFFAA', 'PLAN_CCO'] as const).map((k) => (
              <li key={k}><span className={`timeline-swatch timeline-support-${k === 'DIRECTIVA_CCFFAA' ? 'DIRECTIVA' : k}`} /> {t(`legal.kind.${k}`)}</li>
            ))}
          </ul>
          <TimelineChart timeline={timeline} today={today} />
        </div>
      ))}
    </section>
  );
}
