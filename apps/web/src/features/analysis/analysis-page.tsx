import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/ui/page-header.tsx';
import type { ScopeForm } from './analysis-form.tsx';
import { EvaluateTab } from './evaluate-tab.tsx';
import { HotspotTab } from './hotspot-tab.tsx';
import { KnoxTab } from './knox-tab.tsx';
import { TrendsTab } from './trends-tab.tsx';
import './analysis.css';

const TABS = ['hotspot', 'trends', 'knox', 'evaluate'] as const;
type Tab = (typeof TABS)[number];

/** Default period: the last 90 days up to today (local dates). */
function defaultScope(): ScopeForm {
  const today = new Date();
  const start = new Date(today.getTime() - 90 * 86_400_000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { ubigeo: '15', from: iso(start), to: iso(today), types: [] };
}

/**
 * Crime analysis (issue 6): hot spots (KDE or Gi* with FDR) on the map, monthly trends, near-repeat (Knox) and the
 * evaluations, over the incidents the user may read. The area, period and types are shared between tabs.
 */
export function AnalysisPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('hotspot');
  const [scope, setScope] = useState<ScopeForm>(defaultScope);
  return (
    <section className="analysis-page">
      <PageHeader title={t('analysis.title')}>
        <p>{t('analysis.intro')}</p>
      </PageHeader>
      <div className="analysis-tabs" role="tablist" aria-label={t('analysis.tabs.label')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`analysis-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`analysis-tabpanel-${id}`}
            className={tab === id ? 'button button-primary' : 'button'}
            onClick={() => { setTab(id); }}
          >
            {t(`analysis.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`analysis-tabpanel-${tab}`} aria-labelledby={`analysis-tab-${tab}`}>
        {tab === 'hotspot' && <HotspotTab scope={scope} onScope={setScope} />}
        {tab === 'trends' && <TrendsTab scope={scope} onScope={setScope} />}
        {tab === 'knox' && <KnoxTab scope={scope} onScope={setScope} />}
        {tab === 'evaluate' && <EvaluateTab scope={scope} onScope={setScope} />}
      </div>
    </section>
  );
}
