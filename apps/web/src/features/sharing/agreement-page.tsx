import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAgreement, TShareableField, TSharedIncident } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Link } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { ClassificationBadge } from '../../app/ui/classification-badge.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { getJointExercise } from '../forces/forces-api.ts';
import './sharing.css';
import { AgreementBasis } from './agreement-basis.tsx';
import { AgreementStatusBadge, effectivePeriod } from './agreement-status.tsx';
import { endAgreement, getAgreement, listReads, readSharedIncidents } from './sharing-api.ts';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Why the agreement no longer grants access, when it does not. */
function StatusExplanation({ agreement: a }: { agreement: TAgreement }) {
  const { t } = useTranslation();
  if (a.status === 'basis_revoked' && a.basisRevocation) {
    const r = a.basisRevocation;
    return <Alert kind="info">{t('sharing.detail.revoked', { instrument: r.instrumentId, date: r.revokedOn, by: r.revokingInstrument })}</Alert>;
  }
  if (a.status === 'ended' && a.endedAt) {
    return <Alert kind="info">{t('sharing.detail.ended', { by: a.endedBy ?? '—', date: formatDateTime(a.endedAt), reason: a.endReason ?? '' })}</Alert>;
  }
  return null;
}

/** The joint exercise an agreement rests on, read from the training module. */
function ExerciseBasis({ agreement, exerciseId }: { agreement: TAgreement; exerciseId: string }) {
  const exercise = useResource(`sharing-exercise-${exerciseId}`, (signal) => getJointExercise(exerciseId, signal));
  return <AgreementBasis agreement={agreement} exercise={exercise.data} />;
}

/** The recipient's read of the shared incidents: on request only, since every read is audited. */
function SharedIncidents({ agreement }: { agreement: TAgreement }) {
  const { t } = useTranslation();
  const [page, setPage] = useState<{ items: TSharedIncident[]; total: number; fields: TShareableField[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const read = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      setPage(await readSharedIncidents(agreement.id));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const shown = (field: TShareableField, value: ReactNode): ReactNode =>
    page?.fields.includes(field) ? value : <span className="muted">{t('sharing.read.notShared')}</span>;
  return (
    <section className="card sharing-section" aria-labelledby="shared-incidents">
      <h2 id="shared-incidents">{t('sharing.read.title')}</h2>
      <p className="muted">{t('sharing.read.intro')}</p>
      <button type="button" className="button" disabled={busy} onClick={() => { void read(); }}>
        {busy ? t('sharing.read.loading') : t('sharing.read.button')}
      </button>
      {error !== null && <Alert kind="error">{errorMessage(error)}</Alert>}
      {page && (
        <>
          <p>{t('sharing.read.count', { shown: page.items.length, total: page.total })}</p>
          <table className="data-table">
            <caption className="visually-hidden">{t('sharing.read.title')}</caption>
            <thead>
              <tr>
                {(['crimeType', 'occurredAt', 'ubigeo', 'address', 'victimCount'] as const).map((f) => <th key={f} scope="col">{t(`sharing.field.${f}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {page.items.map((i) => (
                <tr key={i.id}>
                  <td>{shown('crimeType', i.crimeType)}</td>
                  <td>{shown('occurredAt', i.occurredAt ? formatDateTime(i.occurredAt) : '—')}</td>
                  <td>{shown('ubigeo', i.ubigeo)}</td>
                  <td>{i.victimProtection !== null ? <span className="muted" title={i.victimProtection}>{t('sharing.read.protected', { reference: i.victimProtection })}</span> : shown('address', i.address)}</td>
                  <td>{shown('victimCount', i.victimCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Oversight's view: every read through the agreement, who and when, and which incidents. */
function Reads({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const reads = useResource(`sharing-reads-${agreementId}`, (signal) => listReads(agreementId, signal));
  return (
    <section className="card sharing-section" aria-labelledby="sharing-reads">
      <h2 id="sharing-reads">{t('sharing.reads.title')}</h2>
      {reads.error !== null && <Alert kind="error">{errorMessage(reads.error)}</Alert>}
      {reads.loading && !reads.data && <Loading />}
      {reads.data && reads.data.items.length === 0 && <p className="empty">{t('sharing.reads.empty')}</p>}
      {reads.data && reads.data.items.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('sharing.reads.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sharing.reads.at')}</th>
              <th scope="col">{t('sharing.reads.actor')}</th>
              <th scope="col">{t('sharing.reads.agency')}</th>
              <th scope="col">{t('sharing.reads.incidents')}</th>
              <th scope="col">{t('sharing.reads.fields')}</th>
            </tr>
          </thead>
          <tbody>
            {reads.data.items.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.at)}</td>
                <td>{r.actor}</td>
                <td>{r.agency}</td>
                <td>{r.incidentIds.length}</td>
                <td>{r.fields.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The owner ends the agreement: access stops at once, the reason on record. */
function EndAgreement({ agreement, onEnded }: { agreement: TAgreement; onEnded: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await endAgreement(agreement.id, reason.trim());
      onEnded();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card sharing-section sharing-end" aria-labelledby="end-agreement" onSubmit={(e) => { void submit(e); }}>
      <h2 id="end-agreement">{t('sharing.end.title')}</h2>
      <p className="muted">{t('sharing.end.intro')}</p>
      <div className="field">
        <label htmlFor="end-reason">{t('sharing.end.reason')}</label>
        <textarea id="end-reason" rows={2} maxLength={1000} value={reason} onChange={(e) => { setReason(e.target.value); }} />
      </div>
      {error !== null && <Alert kind="error">{errorMessage(error)}</Alert>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || reason.trim() === ''}>
          {busy ? t('sharing.end.ending') : t('sharing.end.button')}
        </button>
      </div>
    </form>
  );
}

/** One agreement: its terms and status, the recipient's audited read, who saw what (oversight), and ending it. */
export function AgreementPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const agreement = useResource(`sharing-agreement-${id}`, (signal) => getAgreement(id, signal));
  const a = agreement.data;
  const agency = session.user.agency;
  return (
    <section>
      <Link to="/sharing" className="back-link">← {t('sharing.back')}</Link>
      {agreement.error !== null && <Alert kind="error">{errorMessage(agreement.error)}</Alert>}
      {agreement.loading && !a && <Loading />}
      {a && (
        <>
          <PageHeader title={a.title} actions={<AgreementStatusBadge agreement={a} />} />
          <StatusExplanation agreement={a} />
          <dl className="details">
            <Row label={t('sharing.detail.owner')}>{`${a.ownerAgency} · ${t(`agency.${a.ownerAgency}`)}`}</Row>
            <Row label={t('sharing.detail.recipient')}>{`${a.recipientAgency} · ${t(`agency.${a.recipientAgency}`)}`}</Row>
            <Row label={t('sharing.detail.basis')}>
              {a.exerciseId === null ? <AgreementBasis agreement={a} /> : <ExerciseBasis agreement={a} exerciseId={a.exerciseId} />}
            </Row>
            <Row label={t('sharing.detail.area')}>{a.areaUbigeo.join(', ')}</Row>
            <Row label={t('sharing.detail.period')}>{`${a.validFrom} – ${a.validTo}`}</Row>
            <Row label={t('sharing.detail.effective')}>{effectivePeriod(a, t('sharing.noAccessDays'))}</Row>
            <Row label={t('sharing.detail.dataFrom')}>{a.dataFrom}</Row>
            <Row label={t('sharing.detail.fields')}>{a.fields.map((f) => t(`sharing.field.${f}`)).join(', ')}</Row>
            <Row label={t('sharing.detail.crimeTypes')}>{a.crimeTypes.length > 0 ? a.crimeTypes.join(', ') : t('sharing.allCrimeTypes')}</Row>
            <Row label={t('sharing.detail.maxClassification')}><ClassificationBadge value={a.maxClassification} /></Row>
            <Row label={t('sharing.detail.createdBy')}>{a.createdBy}</Row>
          </dl>
          {a.recipientAgency === agency && a.status === 'active' && <SharedIncidents agreement={a} />}
          {can(session, 'sharing:oversee') && <Reads agreementId={a.id} />}
          {a.ownerAgency === agency && can(session, 'sharing:write') && a.status !== 'ended' && (
            <EndAgreement agreement={a} onEnded={agreement.reload} />
          )}
        </>
      )}
    </section>
  );
}
