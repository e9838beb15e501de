import { useTranslation } from 'react-i18next';
import { PROTOCOL_FORCES, PROTOCOL_PROCEDURES, PROTOCOL_STATUSES } from '@enlace/rules';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { listProtocols, type TProtocolRecord } from './protocols-api.ts';
import './protocols.css';

/** The approvals a version holds, one mark per force. */
export function ApprovalMarks({ protocol }: { protocol: TProtocolRecord }) {
  const { t } = useTranslation();
  return (
    <span className="approval-marks">
      {PROTOCOL_FORCES.map((side) => {
        const approval = protocol.approvals.find((a) => a.side === side);
        return (
          <span key={side} className={`approval-mark ${approval ? 'approval-mark-done' : 'approval-mark-missing'}`} title={approval ? `${approval.displayName} (${approval.username})` : undefined}>
            {approval ? '✓' : '○'} {t(`protocols.force.${side}`)}
          </span>
        );
      })}
    </span>
  );
}

/** Joint protocols: every version by procedure and force, with its approval state and a link to compare the forces. */
export function ProtocolsPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const { session } = useSession();
  const filter = {
    procedure: PROTOCOL_PROCEDURES.find((p) => p === query.get('procedure')),
    force: PROTOCOL_FORCES.find((f) => f === query.get('force')),
    status: PROTOCOL_STATUSES.find((s) => s === query.get('status')),
  };
  const protocols = useResource(JSON.stringify(filter), (signal) => listProtocols(filter, signal));
  const go = (changes: Record<string, string>): void => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filter, ...changes })) if (value) next.set(key, value);
    const search = next.toString();
    navigate(search ? `/protocols?${search}` : '/protocols', { replace: true });
  };
  const all = { value: '', label: t('protocols.filters.all') };
  const items = protocols.data ?? [];
  const inForce = (procedure: string, force: string) => items.find((p) => p.procedure === procedure && p.force === force && p.status === 'in_force');
  const procedures = PROTOCOL_PROCEDURES.filter((p) => items.some((i) => i.procedure === p));

  return (
    <section>
      <PageHeader
        title={t('protocols.title')}
        actions={can(session, 'legal:write') && <Link to="/protocols/new" className="button button-primary">{t('protocols.draft.title')}</Link>}
      >
        <p className="muted">{t('protocols.intro')}</p>
      </PageHeader>
      <div className="filters" role="search">
        <SelectField
          label={t('protocols.filters.procedure')}
          value={filter.procedure ?? ''}
          options={[all, ...PROTOCOL_PROCEDURES.map((p) => ({ value: p, label: t(`protocols.procedure.${p}`) }))]}
          onValueChange={(procedure) => { go({ procedure }); }}
        />
        <SelectField
          label={t('protocols.filters.force')}
          value={filter.force ?? ''}
          options={[all, ...PROTOCOL_FORCES.map((f) => ({ value: f, label: t(`protocols.force.${f}`) }))]}
          onValueChange={(force) => { go({ force }); }}
        />
        <SelectField
          label={t('protocols.filters.status')}
          value={filter.status ?? ''}
          options={[all, ...PROTOCOL_STATUSES.map((s) => ({ value: s, label: t(`protocols.status.${s}`) }))]}
          onValueChange={(status) => { go({ status }); }}
        />
      </div>
      {protocols.error !== null && <Alert kind="error">{errorMessage(protocols.error)}</Alert>}
      {protocols.loading && !protocols.data && <Loading />}
      {protocols.data && items.length === 0 && <p className="empty">{t('protocols.empty')}</p>}
      {procedures.map((procedure) => {
        const pnp = inForce(procedure, 'PNP');
        const ffaa = inForce(procedure, 'FFAA');
        return (
          <section key={procedure} className="card protocol-group" aria-labelledby={`proc-${procedure}`}>
            <div className="protocol-group-header">
              <h2 id={`proc-${procedure}`}>{t(`protocols.procedure.${procedure}`)}</h2>
              {pnp && ffaa && <Link className="button" to={`/protocols/compare?left=${pnp.id}&right=${ffaa.id}`}>{t('protocols.compareForces')}</Link>}
            </div>
            <table className="data-table">
              <caption className="visually-hidden">{t('protocols.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('protocols.columns.force')}</th>
                  <th scope="col">{t('protocols.columns.version')}</th>
                  <th scope="col">{t('protocols.columns.status')}</th>
                  <th scope="col">{t('protocols.columns.approvals')}</th>
                  <th scope="col">{t('protocols.columns.inForceFrom')}</th>
                  <th scope="col">{t('protocols.columns.tasks')}</th>
                </tr>
              </thead>
              <tbody>
                {items.filter((p) => p.procedure === procedure).map((p) => (
                  <tr key={p.id}>
                    <td>{t(`protocols.force.${p.force}`)}</td>
                    <th scope="row"><Link to={`/protocols/${p.id}`}>{p.title[currentLanguage()]} · {t('protocols.versionLabel', { version: p.version })}</Link></th>
                    <td><span className={`badge badge-protocol-${p.status}`}>{t(`protocols.status.${p.status}`)}</span></td>
                    <td><ApprovalMarks protocol={p} /></td>
                    <td>{p.inForceFrom ? formatDateTime(p.inForceFrom) : '—'}</td>
                    <td>{p.tasks.map((task) => t(`legal.task.${task}`)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </section>
  );
}
