import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ZAgencyUpdate, type TAgency } from '@enlace/contracts';
import { ApiError, errorMessage } from '../../../app/api.ts';
import { Link, navigate } from '../../../app/router.tsx';
import { Alert } from '../../../app/ui/alert.tsx';
import { CheckboxField } from '../../../app/ui/checkbox-field.tsx';
import { fieldErrorsFromDetails, fieldErrorsFromIssues, type FieldErrors } from '../../../app/ui/form-errors.ts';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { TextField } from '../../../app/ui/text-field.tsx';
import { useFocusFirstInvalid } from '../../../app/ui/use-focus-first-invalid.ts';
import { updateAgency } from './agencies-api.ts';

type Editable = Pick<TAgency, 'name' | 'shortName' | 'active'>;

/** Edits an agency's stored name, short name and active flag; sends only what changed. */
export function AgencyEditForm({ agency }: { agency: TAgency }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Editable>(agency);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Editable>(key: K) => (value: Editable[K]): void => {
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const save = async (): Promise<void> => {
    const parsed = ZAgencyUpdate.safeParse({
      ...(draft.name !== agency.name && { name: draft.name.trim() }),
      ...(draft.shortName !== agency.shortName && { shortName: draft.shortName.trim() }),
      ...(draft.active !== agency.active && { active: draft.active }),
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      setFailure(t('common.formHasErrors'));
      return;
    }
    setSaving(true);
    try {
      await updateAgency(agency.code, parsed.data);
      navigate('/admin/agencies?saved=1');
    } catch (cause) {
      setErrors(cause instanceof ApiError ? fieldErrorsFromDetails(cause.details) : {});
      setFailure(errorMessage(cause));
      setSaving(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void save();
  };

  return (
    <>
      <PageHeader title={t('admin.agencies.editTitle', { code: agency.code })}>
        <p className="muted">{t(`agency.${agency.code}`)} · {t(`agencyKind.${agency.kind}`)}</p>
      </PageHeader>
      <form ref={formRef} className="card form-grid" onSubmit={onSubmit} noValidate>
        {failure && <Alert kind="error">{failure}</Alert>}
        <TextField
          label={t('admin.agencies.fields.name')}
          value={draft.name}
          onValueChange={set('name')}
          error={errors['name']}
          required
          maxLength={200}
        />
        <TextField
          label={t('admin.agencies.fields.shortName')}
          value={draft.shortName}
          onValueChange={set('shortName')}
          error={errors['shortName']}
          required
          maxLength={40}
        />
        <CheckboxField label={t('admin.agencies.fields.active')} checked={draft.active} onCheckedChange={set('active')} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
          <Link to="/admin/agencies" className="button">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
