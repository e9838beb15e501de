import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { Link } from '../../../app/router.tsx';
import { useResource } from '../../../app/use-resource.ts';
import { Alert } from '../../../app/ui/alert.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { AdminTabs } from '../admin-tabs.tsx';
import { listAgencies } from './agencies-api.ts';
import { AgencyEditForm } from './agency-edit-form.tsx';

/** Loads the agency (from the list) and shows its edit form. */
export function AgencyEditPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const agencies = useResource('agencies', listAgencies);
  const agency = agencies.data?.find((a) => a.code === code);
  return (
    <section>
      <AdminTabs />
      <Link to="/admin/agencies" className="back-link">{t('common.back')}</Link>
      {agencies.error !== null && <Alert kind="error">{errorMessage(agencies.error)}</Alert>}
      {agencies.loading && !agencies.data && <Loading />}
      {agencies.data && !agency && <Alert kind="error">{t('admin.agencies.notFound')}</Alert>}
      {agency && <AgencyEditForm key={agency.code} agency={agency} />}
    </section>
  );
}
