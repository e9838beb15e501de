import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROTOCOL_FORCES, approvalSideOf } from '@enlace/rules';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Link, navigate } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { ClassificationBadge } from '../../app/ui/classification-badge.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { ForceLevel } from './force-level.tsx';
import { approveProtocol, getProtocol, listProtocols, type TProtocolRecord } from './protocols-api.ts';
import './protocols.css';

/** One protocol version: its ordered steps with force levels, requirements, approvals and the approve action. */
export function ProtocolDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const lang = currentLanguage();
  const protocol = useResource(`protocol-${id}`, (signal) => getProtocol(id, signal));
  const others = useResource(`protocol-others-${id}`, (signal) => listProtocols({}, signal));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [compareWith, setCompareWith] = useState('');

  const p = protocol.data;
  // The same policy data the server applies (the server still decides).
  const mySide = approvalSideOf(session.user.agency);
  const mayApprove = p !== undefined && p.status === 'pending' && can(session, 'protocol:approve') && mySide !== null;
  const approve = async (): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      await approveProtocol(id);
      setMessage({ kind: 'success', text: t('protocols.detail.approved') });
      protocol.reload();
    } catch (cause) {
      setMessage({ kind: 'error', text: errorMessage(cause) });
    } finally {
      setBusy(false);
    }
  };
  const missing = (rec: TProtocolRecord): string[] =>
    PROTOCOL_FORCES.filter((side) => !rec.approvals.some((a) => a.side === side)).map((side) => t(`protocols.force.${side}`));

  return (
    <section>
      <Link to="/protocols" className="back-link">← {t('protocols.back')}</Link>
      {protocol.error !== null && <Alert kind="error">{errorMessage(protocol.error)}</Alert>}
      {protocol.loading && !p && <Loading />}
      {p && (
        <>
          <PageHeader
            title={`${p.title[lang]} · ${t('protocols.versionLabel', { version: p.version })}`}
            actions={(mayApprove || can(session, 'legal:write')) && (
              <>
                {can(session, 'legal:write') && <Link className="button" to={`/protocols/new?from=${p.id}`}>{t('protocols.draft.newVersion')}</Link>}
                {mayApprove && (
                  <button type="button" className="button button-primary" disabled={busy} onClick={() => { void approve(); }}>
                    {busy ? t('protocols.detail.approving') : t('protocols.detail.approve', { side: t(`protocols.force.${mySide}`) })}
                  </button>
                )}
              </>
            )}
          >
            <p>
              <span className={`badge badge-protocol-${p.status}`}>{t(`protocols.status.${p.status}`)}</span>{' '}
              <ClassificationBadge value={p.classification} />{' '}
              <span className="muted small">{t('protocols.detail.createdBy', { user: p.createdBy, date: formatDateTime(p.createdAt) })}</span>
            </p>
          </PageHeader>
          {message && <Alert kind={message.kind}>{message.text}</Alert>}
          <div className="protocol-detail-grid">
            <section className="card" aria-labelledby="approvals-title">
              <h2 id="approvals-title">{t('protocols.detail.approvalsTitle')}</h2>
              <p className="muted small">{t('protocols.detail.approvalRule')}</p>
              {p.approvals.length === 0 ? <p>{t('protocols.detail.noApprovals')}</p> : (
                <ul className="approval-list">
                  {p.approvals.map((a) => (
                    <li key={a.userId}>
                      <strong>{t(`protocols.force.${a.side}`)}</strong>: {a.displayName} ({a.username}, {a.agency}) · {formatDateTime(a.approvedAt)}
                    </li>
                  ))}
                </ul>
              )}
              {p.status === 'pending' && missing(p).length > 0 && <p>{t('protocols.detail.missing', { sides: missing(p).join(', ') })}</p>}
              {p.inForceFrom && <p>{t('protocols.detail.inForce', { date: formatDateTime(p.inForceFrom) })}</p>}
              {p.supersededAt && <p>{t('protocols.detail.superseded', { date: formatDateTime(p.supersededAt) })}</p>}
            </section>
            <section className="card" aria-labelledby="requirements-title">
              <h2 id="requirements-title">{t('protocols.detail.requirements')}</h2>
              <dl className="details">
                <div className="details-row"><dt>{t('protocols.columns.tasks')}</dt><dd>{p.tasks.map((task) => t(`legal.task.${task}`)).join(', ')}</dd></div>
                <div className="details-row">
                  <dt>{t('protocols.detail.equipment')}</dt>
                  <dd>{p.equipment.length === 0 ? '—' : p.equipment.map((e) => `${e.category} (${e.scope === 'PER_MEMBER' ? t('protocols.detail.perMember') : t('protocols.detail.perUnit', { count: e.quantity })})`).join(', ')}</dd>
                </div>
                <div className="details-row"><dt>{t('protocols.detail.training')}</dt><dd>{p.training.join(', ') || '—'}</dd></div>
                <div className="details-row"><dt>{t('protocols.detail.legalRefs')}</dt><dd>{p.legalRefs.join('; ') || '—'}</dd></div>
              </dl>
            </section>
          </div>
          <section className="card" aria-labelledby="steps-title">
            <h2 id="steps-title">{t('protocols.detail.steps')}</h2>
            <table className="data-table">
              <caption className="visually-hidden">{t('protocols.detail.stepsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('protocols.detail.order')}</th>
                  <th scope="col">{t('protocols.detail.step')}</th>
                  <th scope="col">{t('protocols.detail.maxForce')}</th>
                  <th scope="col">{t('protocols.detail.equipment')}</th>
                  <th scope="col">{t('protocols.detail.training')}</th>
                </tr>
              </thead>
              <tbody>
                {p.steps.map((s, i) => (
                  <tr key={s.code}>
                    <td className="numeric">{i + 1}</td>
                    <th scope="row"><code>{s.code}</code><br />{s.title[lang]}{s.description && <><br /><span className="muted small">{s.description[lang]}</span></>}</th>
                    <td><ForceLevel level={s.maxForceLevel} force={p.force} /></td>
                    <td>{s.equipment.join(', ') || '—'}</td>
                    <td>{s.training.join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {others.data && (
            <form className="card compare-picker" onSubmit={(e) => { e.preventDefault(); if (compareWith) navigate(`/protocols/compare?left=${p.id}&right=${compareWith}`); }}>
              <SelectField
                label={t('protocols.detail.compareWith')}
                value={compareWith}
                options={[{ value: '', label: '—' }, ...others.data.filter((o) => o.id !== p.id).map((o) => ({ value: o.id, label: `${o.title[lang]} · ${t('protocols.versionLabel', { version: o.version })} · ${t(`protocols.status.${o.status}`)}` }))]}
                onValueChange={setCompareWith}
              />
              <button type="submit" className="button" disabled={!compareWith}>{t('protocols.detail.compare')}</button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
