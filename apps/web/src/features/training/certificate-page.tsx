import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Link } from '../../app/router.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { ClassificationBadge } from '../../app/ui/classification-badge.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { certificateQrUrl, getCertificate } from '../forces/forces-api.ts';
import '../forces/forces.css';

/** Groups a code in blocks of four for reading aloud or typing (ABCD-EFGH-...). */
export const groupCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/**
 * One certificate as its holder's organisation sees it, with the QR code of its public verification page. The
 * verification page (reachable without login) shows only the holder's name, the course and the validity.
 */
export function CertificatePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const cert = useResource(`certificate:${id}`, (signal) => getCertificate(id, signal));
  const back = <Link to="/training" className="back-link">{t('forces.calendar.back')}</Link>;
  if (cert.error !== null) return <section>{back}<Alert kind="error">{errorMessage(cert.error)}</Alert></section>;
  if (!cert.data) return <Loading />;
  const c = cert.data;
  return (
    <section className="certificate-view">
      {back}
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
    </section>
  );
}
