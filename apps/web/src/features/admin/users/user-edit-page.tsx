import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { Link } from '../../../app/router.tsx';
import { useResource } from '../../../app/use-resource.ts';
import { Alert } from '../../../app/ui/alert.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { AdminTabs } from '../admin-tabs.tsx';
import { UserEditForm } from './user-edit-form.tsx';
import { getUser } from './users-api.ts';

/** Loads one user and shows the edit form. */
export function UserEditPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const user = useResource(`user:${id}`, (signal) => getUser(id, signal));
  return (
    <section>
      <AdminTabs />
      <Link to="/admin/users" className="back-link">{t('common.back')}</Link>
      {user.error !== null && <Alert kind="error">{errorMessage(user.error)}</Alert>}
      {user.loading && !user.data && <Loading />}
      {user.data && <UserEditForm key={user.data.id} user={user.data} />}
    </section>
  );
}
