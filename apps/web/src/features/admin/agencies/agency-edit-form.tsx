import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ZAgencyUpdate, type TAgency, type TAgencyUpdate } from '@enlace/contracts';
import { Link, navigate } from '../../../app/router.tsx';
import { checkedBy, useCheckedForm, type Checked } from '../../../app/use-checked-form.ts';
import { Alert } from '../../../app/ui/alert.tsx';
import { CheckboxField } from '../../../app/ui/checkbox-field.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { TextField } from '../../../app/ui/text-field.tsx';
import { useFocusFirstInvalid } from '../../../app/ui/use-focus-first-invalid.ts';
import { updateAgency } from './agencies-api.ts';

type Editable = Pick<TAgency, 'name' | 'shortName' | 'active'>;

/** What changed between the agency and the form, trimmed and checked with the shared `ZAgencyUpdate` schema. */
function checkChanges(agency: TAgency, draft: Editable): Checked<TAgencyUpdate> {
  return checkedBy(ZAgencyUpdate, {
    ...(draft.name !== agency.name && { name: draft.name.trim() }),
    ...(draft.shortName !== agency.shortName && { shortName: draft.shortName.trim() }),
    ...(draft.active !== agency.active && { active: draft.active }),
  });
}

/** Edits an agency's stored name, short name and active flag; sends only what changed. */
export function AgencyEditForm({ agency }: { agency: TAgency }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Editable>(agency);
  const { errors, failure, saving, submit } = useCheckedForm(
    (d: Editable) => checkChanges(agency, d),
    async (changes) => {
      await updateAgency(agency.code, changes);
      navigate('/admin/agencies?saved=1');
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
