import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCertificate } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { ClassificationBadge } from '../../app/ui/classification-badge.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { certificateQrUrl, getCertificate } from '../forces/forces-api.ts';
import '../forces/forces.css';
import { mayWriteTraining } from './training-access.ts';
import { getSession, revokeCertificate } from './training-api.ts';
import { TextAreaField } from '../../app/ui/text-area-field.tsx';
import './training.css';

/** A revocation reason as the server takes it (`ZCertificateRevoke`): at least 3 characters once trimmed. */
export const REVOKE_REASON_MIN = 3;

/**
 * Whether the user may revoke: as the server decides, the holder's agency or the organiser of the session that
 * issued it (read here only when the holder's agency does not already allow it).
 */
function useMayRevoke(c: TCertificate | undefined): boolean {
  const { session } = useSession();
  const own = c !== undefined && mayWriteTraining(session, c);
  const sessionId = c && !own && c.status !== 'revoked' ? c.sessionId : null;
  const organiser = useResource(`certificate-session:${sessionId ?? ''}`, (signal) => (sessionId ? getSession(sessionId, signal) : Promise.resolve(null)));
  if (!c || c.status === 'revoked') return false;
  return own || (organiser.data ? mayWriteTraining(session, organiser.data.session) : false);
}

/** Revokes the certificate with a required reason; final and audited. */
function RevokeForm({ certificate, onRevoked }: { certificate: TCertificate; onRevoked: (c: TCertificate) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onRevoked(await revokeCertificate(certificate.id, reason.trim()));
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card revoke-form" aria-labelledby="revoke-title" onSubmit={(e) => { void submit(e); }} noValidate>
      <h2 id="revoke-title">{t('training.revoke.title')}</h2>
      <p className="muted small">{t('training.revoke.intro')}</p>
      <TextAreaField label={t('training.revoke.reason')} hint={t('training.revoke.reasonHint')} value={reason} onValueChange={setReason} rows={2} maxLength={2000} />
      {error && <Alert kind="error">{error}</Alert>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || reason.trim().length < REVOKE_REASON_MIN}>
          {busy ? t('training.revoke.revoking') : t('training.revoke.button')}
        </button>
      </div>
    </form>
  );
}

/** Groups a code in blocks of four for reading aloud or typing (ABCD-EFGH-...). */
export const groupCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/**
 * One certificate as its holder's organisation sees it, with the QR code of its public verification page. The
 * verification page (reachable without login) shows only the holder's name, the course and the validity.
 */
export function CertificatePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const cert = useResource(`certificate:${id}`, (signal) => getCertificate(id, signal));
  const [revoked, setRevoked] = useState<TCertificate | null>(null);
  const current = revoked?.id === id ? revoked : cert.data;
  const mayRevoke = useMayRevoke(current);
  const back = <Link to="/training" className="back-link">{t('forces.calendar.back')}</Link>;
  if (cert.error !== null) return <section>{back}<Alert kind="error">{errorMessage(cert.error)}</Alert></section>;
  if (!current) return <Loading />;
  const c = current;
  return (
    <section className="certificate-view">
      {back}
      {c.sessionId && <> · <Link to={`/training/sessions/${c.sessionId}`} className="back-link">{t('training.sessions.backToSession')}</Link></>}
      <PageHeader title={t('forces.certificates.viewTitle', { holder: c.holderName })} />
      <div className="certificate-layout">
        <dl className="details">
          {([
            [t('forces.certificates.holder'), c.holderName],
            [t('forces.certificates.area'), t(`forces.area.${c.area}`)],
            [t('forces.certificates.course'), c.courseCode],
            [t('forces.certificates.issuedOn'), c.issuedOn],
            [t('forces.certificates.validUntil'), c.validUntil],
            [t('forces.certificates.status'), <span key="s" className={`badge cert-${c.status}`}>{t(`forces.certificates.statusText.${c.status}`)}</span>],
            ...(c.revokedAt ? [[t('forces.certificates.revoked'), `${formatDateTime(c.revokedAt)} · ${c.revokedReason ?? ''}`] as const] : []),
            [t('forces.certificates.code'), <code key="c">{groupCode(c.code)}</code>],
            [t('units.fields.classification'), <ClassificationBadge key="cl" value={c.classification} />],
          ] as const).map(([term, value]) => (
            <div key={String(term)} className="details-row"><dt>{term}</dt><dd>{value}</dd></div>
          ))}
        </dl>
        <figure className="certificate-qr">
          <img src={certificateQrUrl(c.id)} alt={t('forces.certificates.qrAlt')} width={180} height={180} />
          <figcaption>
            <a href={c.verifyPath} target="_blank" rel="noopener noreferrer">{t('forces.certificates.verifyLink')}</a>
            <br />
            <span className="small muted">{t('forces.certificates.verifyHint')}</span>
          </figcaption>
        </figure>
      </div>
      {revoked?.id === id && <Alert kind="success">{t('training.revoke.done')}</Alert>}
      {mayRevoke && <RevokeForm certificate={c} onRevoked={setRevoked} />}
    </section>
  );
}
