import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import type { ScopeForm } from './analysis-form.tsx';
import { useCrimeTypeNames } from '../incidents/use-crime-type-names.ts';

/** What a printed report states about one computed result: the tool, scope, parameters and counts as they were run. */
export interface ReportInfo {
  tool: 'hotspot' | 'trends' | 'knox' | 'evaluate';
  scope: ScopeForm;
  /** The period line when the tool uses more than one (evaluation: t and t + 1). */
  period?: string;
  parameters: { label: string; value: string }[];
  counts: { label: string; value: string }[];
  /** The method in plain words, printed under the parameters. */
  method: string;
  generatedAt: string;
}

/** The report's heading block: shown only when printing (the screen already shows the form beside the result). */
export function ReportHeader({ info }: { info: ReportInfo }) {
  const { t } = useTranslation();
  const typeName = useCrimeTypeNames();
  const rows = [
    { label: t('analysis.report.area'), value: info.scope.ubigeo.trim() || t('analysis.report.allAreas') },
    { label: t('analysis.report.period'), value: info.period ?? t('analysis.report.periodValue', { from: info.scope.from, to: info.scope.to }) },
    { label: t('analysis.scope.types'), value: info.scope.types.length > 0 ? info.scope.types.map(typeName).join(', ') : t('analysis.report.allTypes') },
    { label: t('analysis.report.source'), value: t('analysis.report.sourceValue') },
    ...info.parameters,
    ...info.counts,
  ];
  return (
    <header className="analysis-report-header print-only">
      <h2>{t('analysis.report.title', { tool: t(`analysis.tabs.${info.tool}`) })}</h2>
      <p>{t('analysis.report.generated', { at: formatDateTime(info.generatedAt) })}</p>
      <dl className="analysis-report-facts">
        {rows.map((row) => (
          <div key={row.label}><dt>{row.label}</dt><dd>{row.value}</dd></div>
        ))}
      </dl>
      <h3>{t('analysis.report.method')}</h3>
      <p className="analysis-explanation">{info.method}</p>
    </header>
  );
}

/**
 * The "Print report" action. `prepare` runs first (e.g. puts a map snapshot in the page and waits for it to decode),
 * so the browser lays out the printout with it.
 */
export function PrintReportButton({ prepare }: { prepare?: () => Promise<void> }) {
  const { t } = useTranslation();
  const print = () => {
    void (prepare ? prepare() : Promise.resolve()).finally(() => { window.print(); });
  };
  return <button type="button" className="button" onClick={print}>{t('analysis.print')}</button>;
}
