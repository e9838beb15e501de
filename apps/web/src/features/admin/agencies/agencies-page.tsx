import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { Link, useLocation } from '../../../app/router.tsx';
import { useResource } from '../../../app/use-resource.ts';
import { Alert } from '../../../app/ui/alert.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { AdminTabs } from '../admin-tabs.tsx';
import { listAgencies } from './agencies-api.ts';

/** Agencies administration: code, stored name and short name, kind, active flag, and an edit link. */
export function AgenciesPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const agencies = useResource('agencies', listAgencies);
  const label = {
    code: t('admin.agencies.fields.code'),
    name: t('admin.agencies.fields.name'),
    shortName: t('admin.agencies.fields.shortName'),
    kind: t('admin.agencies.fields.kind'),
    active: t('admin.agencies.fields.active'),
    actions: t('common.actions'),
  };
  return (
    <section>
      <AdminTabs />
      <PageHeader title={t('admin.agencies.title')} />
      {query.get('saved') && <Alert kind="success">{t('common.saved')}</Alert>}
      {agencies.error !== null && <Alert kind="error">{errorMessage(agencies.error)}</Alert>}
      {agencies.loading && !agencies.data && <Loading />}
      {agencies.data?.length === 0 && <p className="empty">{t('admin.agencies.empty')}</p>}
      {agencies.data && agencies.data.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('admin.agencies.listCaption')}</caption>
          <thead>
            <tr>{Object.values(label).map((text) => <th key={text} scope="col">{text}</th>)}</tr>
          </thead>
          <tbody>
            {agencies.data.map((agency) => (
              <tr key={agency.code} className={agency.active ? undefined : 'row-inactive'}>
                <th scope="row" data-label={label.code}><code>{agency.code}</code></th>
                <td data-label={label.name}>{agency.name}</td>
                <td data-label={label.shortName}>{agency.shortName}</td>
                <td data-label={label.kind}>{t(`agencyKind.${agency.kind}`)}</td>
                <td data-label={label.active}>{agency.active ? t('common.yes') : t('common.no')}</td>
                <td data-label={label.actions}>
                  <Link to={`/admin/agencies/${agency.code}`} aria-label={t('common.editNamed', { name: agency.code })}>
                    {t('common.edit')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
