import { useTranslation } from 'react-i18next';
import type { TSessionInfo } from '../features/auth/auth-api.ts';

/** Who is signed in: display name, agency (full name in the interface language) and role. */
export function UserSummary({ session }: { session: TSessionInfo }) {
  const { t } = useTranslation();
  const { user } = session;
  return (
    <dl className="user-summary">
      <div>
        <dt className="visually-hidden">{t('auth.user')}</dt>
        <dd className="user-name">{user.displayName}</dd>
      </div>
      <div>
        <dt className="visually-hidden">{t('auth.agency')}</dt>
        <dd className="user-agency">{t(`agency.${session.agency.code}`)}</dd>
      </div>
      <div>
        <dt className="visually-hidden">{t('auth.role')}</dt>
        <dd className="user-role">{t(`role.${user.role}`)}</dd>
      </div>
    </dl>
  );
}
