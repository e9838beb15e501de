import { useTranslation } from 'react-i18next';
import type { TUser } from '@enlace/contracts';
import { Link } from '../../../app/router.tsx';
import { ClassificationBadge } from '../../../app/ui/classification-badge.tsx';

/** Users as a table (cards on narrow screens), each with an edit link. */
export function UsersTable({ users }: { users: readonly TUser[] }) {
  const { t } = useTranslation();
  if (users.length === 0) return <p className="empty">{t('admin.users.empty')}</p>;
  const label = {
    username: t('admin.users.fields.username'),
    name: t('admin.users.fields.displayName'),
    agency: t('admin.users.fields.agency'),
    role: t('admin.users.fields.role'),
    clearance: t('admin.users.fields.clearance'),
    active: t('admin.users.fields.active'),
    actions: t('common.actions'),
  };
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('admin.users.listCaption')}</caption>
      <thead>
        <tr>
          {Object.values(label).map((text) => <th key={text} scope="col">{text}</th>)}
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} className={user.active ? undefined : 'row-inactive'}>
            <th scope="row" data-label={label.username}><code>{user.username}</code></th>
            <td data-label={label.name}>{user.displayName}</td>
            <td data-label={label.agency}><abbr title={t(`agency.${user.agency}`)}>{user.agency}</abbr></td>
            <td data-label={label.role}>{t(`role.${user.role}`)}</td>
            <td data-label={label.clearance}><ClassificationBadge value={user.clearance} /></td>
            <td data-label={label.active}>{user.active ? t('common.yes') : t('common.no')}</td>
            <td data-label={label.actions}>
              <Link to={`/admin/users/${user.id}`} aria-label={t('common.editNamed', { name: user.username })}>
                {t('common.edit')}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
