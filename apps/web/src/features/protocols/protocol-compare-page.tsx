import { useTranslation } from 'react-i18next';
import type { TProtocolForce, TProtocolStep } from '@enlace/rules';
import { errorMessage } from '../../app/api.ts';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { ForceLevel } from './force-level.tsx';
import { compareProtocols, listProtocols, type TFieldChangeView, type TProtocolRecord } from './protocols-api.ts';
import './protocols.css';

/** One side of a compared step: its title, force level, equipment and training, marking the changed fields. */
function StepCell({ step, position, changed, force }: { step: TProtocolStep | null; position: number | null; changed: ReadonlySet<string>; force: TProtocolForce }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (!step) return <td className="diff-absent">{t('protocols.compare.absent')}</td>;
  const mark = (field: string): string | undefined => (changed.has(field) ? 'diff-field-changed' : undefined);
  return (
    <td>
      <div className={changed.has('title') ? 'diff-field-reworded' : undefined}><span className="muted small">{position}.</span> {step.title[lang]}</div>
      <div className={mark('maxForceLevel')}><ForceLevel level={step.maxForceLevel} force={force} /></div>
      {step.equipment.length > 0 && <div className={`small ${mark('equipment') ?? ''}`}>{t('protocols.detail.equipment')}: {step.equipment.join(', ')}</div>}
      {step.training.length > 0 && <div className={`small ${mark('training') ?? ''}`}>{t('protocols.detail.training')}: {step.training.join(', ')}</div>}
    </td>
  );
}

/** What changed, in words. */
function ChangeList({ changes }: { changes: readonly TFieldChangeView[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <ul className="change-list">
      {changes.map((c, i) => (
        <li key={`${c.field}-${i}`}>
          <strong>{t(`protocols.compare.field.${c.field}`)}</strong>:{' '}
          {'added' in c
            ? [c.added.length > 0 ? t('protocols.compare.added', { items: c.added.join(', ') }) : '', c.removed.length > 0 ? t('protocols.compare.removed', { items: c.removed.join(', ') }) : ''].filter(Boolean).join(' · ')
            : c.field === 'maxForceLevel'
              ? `${c.left} → ${c.right}`
              : `${c.left?.[lang] ?? '—'} → ${c.right?.[lang] ?? '—'}`}
        </li>
      ))}
    </ul>
  );
}

const label = (p: TProtocolRecord, lang: 'es' | 'en', version: string): string => `${p.title[lang]} · ${version}`;

/** Two protocol versions side by side, step by step (typically the PNP and FF.AA. versions of one procedure). */
export function ProtocolComparePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { query } = useLocation();
  const left = query.get('left') ?? '';
  const right = query.get('right') ?? '';
  const all = useResource('protocols-all', (signal) => listProtocols({}, signal));
  const comparison = useResource(`compare-${left}-${right}`, (signal) =>
    left && right ? compareProtocols(left, right, signal) : Promise.resolve(null));
  const choose = (side: 'left' | 'right', id: string): void => {
    const next = new URLSearchParams({ left, right, [side]: id });
    navigate(`/protocols/compare?${next.toString()}`, { replace: true });
  };
  const options = [{ value: '', label: '—' }, ...(all.data ?? []).map((p) => ({ value: p.id, label: label(p, lang, `${t('protocols.versionLabel', { version: p.version })} · ${t(`protocols.status.${p.status}`)}`) }))];
  const c = comparison.data;
  return (
    <section>
      <Link to="/protocols" className="back-link">← {t('protocols.back')}</Link>
      <PageHeader title={t('protocols.compare.title')}>
        <p className="muted">{t('protocols.compare.intro')}</p>
      </PageHeader>
      <div className="filters">
        <SelectField label={t('protocols.compare.left')} value={left} options={options} onValueChange={(id) => { choose('left', id); }} />
        <SelectField label={t('protocols.compare.right')} value={right} options={options} onValueChange={(id) => { choose('right', id); }} />
      </div>
      {(all.error ?? comparison.error) !== null && <Alert kind="error">{errorMessage(all.error ?? comparison.error)}</Alert>}
      {!left || !right ? <p className="empty">{t('protocols.compare.choose')}</p> : null}
      {comparison.loading && left && right && !c && <Loading />}
      {c && (
        <>
          <p role="status">
            {t('protocols.compare.summary', c.summary)} · {t('protocols.compare.maxForce', c.summary.maxForceLevel)}
          </p>
          <section className="card" aria-labelledby="compare-header">
            <h2 id="compare-header">{t('protocols.compare.header')}</h2>
            {c.header.length === 0 ? <p>{t('protocols.compare.noHeader')}</p> : <ChangeList changes={c.header} />}
          </section>
          <div className="table-scroll">
            <table className="data-table compare-table">
              <caption className="visually-hidden">{t('protocols.compare.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('protocols.detail.step')}</th>
                  <th scope="col"><Link to={`/protocols/${c.left.id}`}>{label(c.left, lang, t('protocols.versionLabel', { version: c.left.version }))}</Link></th>
                  <th scope="col"><Link to={`/protocols/${c.right.id}`}>{label(c.right, lang, t('protocols.versionLabel', { version: c.right.version }))}</Link></th>
                  <th scope="col">{t('protocols.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {c.steps.map((row) => {
                  const changed = new Set(row.changes.map((ch) => ch.field));
                  return (
                    <tr key={`${row.code}-${row.leftPosition ?? 'x'}-${row.rightPosition ?? 'x'}`} className={`diff-row diff-${row.status}`} data-step={row.code}>
                      <th scope="row"><code>{row.code}</code>{row.moved && <><br /><span className="small muted">{t('protocols.compare.moved')}</span></>}</th>
                      <StepCell step={row.left} position={row.leftPosition} changed={changed} force={c.left.force} />
                      <StepCell step={row.right} position={row.rightPosition} changed={changed} force={c.right.force} />
                      <td>
                        <span className={`badge badge-diff-${row.status}`}>{t(`protocols.compare.rowStatus.${row.status}`)}</span>
                        {row.changes.length > 0 && <ChangeList changes={row.changes} />}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
