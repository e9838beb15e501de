import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_CODES, CLASSIFICATIONS, ROLES, ZUserUpdate, type TUser, type TUserUpdate } from '@enlace/contracts';
import { Link, navigate } from '../../../app/router.tsx';
import { checkedBy, useCheckedForm, type Checked } from '../../../app/use-checked-form.ts';
import { Alert } from '../../../app/ui/alert.tsx';
import { CheckboxField } from '../../../app/ui/checkbox-field.tsx';
import { agencyOptions, classificationOptions, oneOf, roleOptions } from '../../../app/ui/options.ts';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { SelectField } from '../../../app/ui/select-field.tsx';
import { TextField } from '../../../app/ui/text-field.tsx';
import { useFocusFirstInvalid } from '../../../app/ui/use-focus-first-invalid.ts';
import { updateUser } from './users-api.ts';

type Editable = Pick<TUser, 'displayName' | 'agency' | 'role' | 'clearance' | 'active'> & { password: string };

/** What changed between the user and the form, checked with the shared `ZUserUpdate` schema. */
function checkChanges(user: TUser, draft: Editable): Checked<TUserUpdate> {
  const changes = {
    ...(draft.displayName !== user.displayName && { displayName: draft.displayName }),
    ...(draft.agency !== user.agency && { agency: draft.agency }),
    ...(draft.role !== user.role && { role: draft.role }),
    ...(draft.clearance !== user.clearance && { clearance: draft.clearance }),
    ...(draft.active !== user.active && { active: draft.active }),
    ...(draft.password !== '' && { password: draft.password }),
  };
  return checkedBy(ZUserUpdate, changes);
}

/** Edits name, agency, role, clearance and active flag, and resets the password; sends only what changed. */
export function UserEditForm({ user }: { user: TUser }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Editable>({ ...user, password: '' });
  const { errors, failure, saving, submit } = useCheckedForm(
    (d: Editable) => checkChanges(user, d),
    async (changes) => {
      await updateUser(user.id, changes);
      navigate('/admin/users?saved=1');
    },
  );
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const set = <K extends keyof Editable>(key: K) => (value: Editable[K]): void => {
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit(draft);
  };

  return (
    <>
      <PageHeader title={t('admin.users.editTitle', { username: user.username })} />
      <form ref={formRef} className="card form-grid" onSubmit={onSubmit} noValidate>
        {failure && <Alert kind="error">{failure}</Alert>}
        <TextField
          label={t('admin.users.fields.displayName')}
          value={draft.displayName}
          onValueChange={set('displayName')}
          error={errors['displayName']}
          required
        />
        <SelectField
          label={t('admin.users.fields.agency')}
          value={draft.agency}
          options={agencyOptions()}
          onValueChange={(v) => { set('agency')(oneOf(AGENCY_CODES, v, user.agency)); }}
          error={errors['agency']}
        />
        <SelectField
          label={t('admin.users.fields.role')}
          value={draft.role}
          options={roleOptions()}
          onValueChange={(v) => { set('role')(oneOf(ROLES, v, user.role)); }}
          error={errors['role']}
        />
        <SelectField
          label={t('admin.users.fields.clearance')}
          value={draft.clearance}
          options={classificationOptions()}
          onValueChange={(v) => { set('clearance')(oneOf(CLASSIFICATIONS, v, user.clearance)); }}
          error={errors['clearance']}
        />
        <TextField
          label={`${t('admin.users.fields.newPassword')} ${t('common.optional')}`}
          hint={t('admin.users.fields.newPasswordHint')}
          type="password"
          value={draft.password}
          onValueChange={set('password')}
          error={errors['password']}
          autoComplete="new-password"
        />
        <CheckboxField label={t('admin.users.fields.active')} checked={draft.active} onCheckedChange={set('active')} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
          <Link to="/admin/users" className="button">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
