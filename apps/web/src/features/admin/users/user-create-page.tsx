import i18next from 'i18next';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_CODES, CLASSIFICATIONS, LANGUAGES, ROLES, ZUserCreate, type TUserCreate } from '@enlace/contracts';
import { Link, navigate } from '../../../app/router.tsx';
import { checkedBy, useCheckedForm, type Checked } from '../../../app/use-checked-form.ts';
import { Alert } from '../../../app/ui/alert.tsx';
import { agencyOptions, classificationOptions, languageOptions, oneOf, roleOptions } from '../../../app/ui/options.ts';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { SelectField } from '../../../app/ui/select-field.tsx';
import { TextField } from '../../../app/ui/text-field.tsx';
import { useFocusFirstInvalid } from '../../../app/ui/use-focus-first-invalid.ts';
import { AdminTabs } from '../admin-tabs.tsx';
import { createUser } from './users-api.ts';

const EMPTY: TUserCreate = {
  username: '',
  displayName: '',
  password: '',
  agency: 'PNP',
  role: 'operator',
  clearance: 'CONFIDENCIAL',
  language: 'es',
};

/** The shared `ZUserCreate` schema's check of the form, the user name trimmed. */
function checkUserDraft(draft: TUserCreate): Checked<TUserCreate> {
  return checkedBy(ZUserCreate, { ...draft, username: draft.username.trim() }, { username: i18next.t('validation.username') });
}

/** Form to create a user, validated with the shared `ZUserCreate` schema before it is sent. */
export function UserCreatePage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TUserCreate>(EMPTY);
  const { errors, failure, saving, submit } = useCheckedForm(checkUserDraft, async (value) => {
    await createUser(value);
    navigate('/admin/users?created=1');
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const set = <K extends keyof TUserCreate>(key: K) => (value: TUserCreate[K]): void => {
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit(draft);
  };

  return (
    <section>
      <AdminTabs />
      <Link to="/admin/users" className="back-link">{t('common.back')}</Link>
      <PageHeader title={t('admin.users.createTitle')} />
      <form ref={formRef} className="card form-grid" onSubmit={onSubmit} noValidate>
        {failure && <Alert kind="error">{failure}</Alert>}
        <TextField
          label={t('admin.users.fields.username')}
          value={draft.username}
          onValueChange={set('username')}
          error={errors['username']}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextField
          label={t('admin.users.fields.displayName')}
          value={draft.displayName}
          onValueChange={set('displayName')}
          error={errors['displayName']}
          required
        />
        <TextField
          label={t('admin.users.fields.password')}
          type="password"
          value={draft.password}
          onValueChange={set('password')}
          error={errors['password']}
          autoComplete="new-password"
          required
        />
        <SelectField
          label={t('admin.users.fields.agency')}
          value={draft.agency}
          options={agencyOptions()}
          onValueChange={(v) => { set('agency')(oneOf(AGENCY_CODES, v, 'PNP')); }}
          error={errors['agency']}
        />
        <SelectField
          label={t('admin.users.fields.role')}
          value={draft.role}
          options={roleOptions()}
          onValueChange={(v) => { set('role')(oneOf(ROLES, v, 'operator')); }}
          error={errors['role']}
        />
        <SelectField
          label={t('admin.users.fields.clearance')}
          value={draft.clearance ?? 'CONFIDENCIAL'}
          options={classificationOptions()}
          onValueChange={(v) => { set('clearance')(oneOf(CLASSIFICATIONS, v, 'CONFIDENCIAL')); }}
          error={errors['clearance']}
        />
        <SelectField
          label={t('admin.users.fields.language')}
          value={draft.language}
          options={languageOptions()}
          onValueChange={(v) => { set('language')(oneOf(LANGUAGES, v, 'es')); }}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('common.creating') : t('common.create')}
          </button>
          <Link to="/admin/users" className="button">{t('common.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
