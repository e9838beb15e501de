import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { listJointExercises } from '../forces/forces-api.ts';
import './sharing.css';
import { AgreementBasis } from './agreement-basis.tsx';
import { AgreementStatusBadge, effectivePeriod } from './agreement-status.tsx';
import { listAgreements } from './sharing-api.ts';

/** Sharing agreements the user may see: its agency's and those made for it, with their status decided now. */
export function SharingPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const agreements = useResource('sharing-agreements', (signal) => listAgreements(signal));
  // Names the exercises agreements rest on; an exercise the user may not read stays "joint exercise".
  const exercises = useResource('sharing-exercises', (signal) => listJointExercises(signal));
  const exerciseById = new Map((exercises.data ?? []).map((e) => [e.id, e]));
  const items = agreements.data ?? [];
  return (
    <section>
      <PageHeader
        title={t('sharing.title')}
        actions={can(session, 'sharing:write') && <Link to="/sharing/new" className="button button-primary">{t('sharing.new')}</Link>}
      >
        <p className="muted">{t('sharing.intro')}</p>
      </PageHeader>
      {agreements.error !== null && <Alert kind="error">{errorMessage(agreements.error)}</Alert>}
      {agreements.loading && !agreements.data && <Loading />}
      {agreements.data && items.length === 0 && <p className="empty">{t('sharing.empty')}</p>}
      {items.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('sharing.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sharing.columns.title')}</th>
              <th scope="col">{t('sharing.columns.parties')}</th>
              <th scope="col">{t('sharing.columns.basis')}</th>
              <th scope="col">{t('sharing.columns.area')}</th>
              <th scope="col">{t('sharing.columns.effective')}</th>
              <th scope="col">{t('sharing.columns.status')}</th>
              <th scope="col">{t('sharing.columns.fields')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <th scope="row"><Link to={`/sharing/${a.id}`}>{a.title}</Link></th>
                <td>{a.ownerAgency} → {a.recipientAgency}</td>
                <td><AgreementBasis agreement={a} exercise={a.exerciseId === null ? undefined : exerciseById.get(a.exerciseId)} /></td>
                <td>{a.areaUbigeo.join(', ')}</td>
                <td>{effectivePeriod(a, t('sharing.noAccessDays'))}</td>
                <td><AgreementStatusBadge agreement={a} /></td>
                <td>{a.fields.map((f) => t(`sharing.field.${f}`)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
