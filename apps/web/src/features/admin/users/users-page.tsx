import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { Link, useLocation } from '../../../app/router.tsx';
import { useResource } from '../../../app/use-resource.ts';
import { Alert } from '../../../app/ui/alert.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { AdminTabs } from '../admin-tabs.tsx';
import { listUsers } from './users-api.ts';
import { UsersTable } from './users-table.tsx';

/** Users administration: the list, with links to create and edit. */
export function UsersPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const users = useResource('users', listUsers);
  return (
    <section>
      <AdminTabs />
      <PageHeader
        title={t('admin.users.title')}
        actions={<Link to="/admin/users/new" className="button button-primary">{t('admin.users.create')}</Link>}
      />
      {query.get('saved') && <Alert kind="success">{t('common.saved')}</Alert>}
      {query.get('created') && <Alert kind="success">{t('admin.users.created')}</Alert>}
      {users.error !== null && <Alert kind="error">{errorMessage(users.error)}</Alert>}
      {users.loading && !users.data && <Loading />}
      {users.data && <UsersTable users={users.data} />}
    </section>
  );
}
