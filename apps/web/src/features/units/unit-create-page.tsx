import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_CODES, CLASSIFICATIONS, ECHELONS, FORCES, unitParentProblem } from '@enlace/contracts';
import { Link, navigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useCheckedForm } from '../../app/use-checked-form.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { CheckboxField } from '../../app/ui/checkbox-field.tsx';
import { agencyOptions, classificationOptions, echelonOptions, forceOptions, oneOf } from '../../app/ui/options.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { useFocusFirstInvalid } from '../../app/ui/use-focus-first-invalid.ts';
import { createUnit } from './units-api.ts';
import { UnitPicker } from './unit-picker.tsx';
import { checkUnitDraft, emptyUnitDraft, type UnitDraft } from './unit-draft.ts';

/** Form to register a unit, validated with the shared schema before it is sent. */
export function UnitCreatePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [draft, setDraft] = useState<UnitDraft>(() => emptyUnitDraft(session.user.agency));
  const { errors, failure, saving, submit } = useCheckedForm(checkUnitDraft, async (value) => navigate(`/units/${(await createUnit(value)).id}?created=1`));
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);

  const set = <K extends keyof UnitDraft>(key: K) => (value: UnitDraft[K]): void => {
    setDraft((d) => ({ ...d, [key]: value }));
  };


  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit(draft);
  };

  return (
    <section>
      <Link to="/units" className="back-link">{t('common.back')}</Link>
      <PageHeader title={t('units.createTitle')} />
      <form ref={formRef} className="card form-grid" onSubmit={onSubmit} noValidate>
        {failure && <Alert kind="error">{failure}</Alert>}
        <TextField label={t('units.fields.name')} value={draft.name} onValueChange={set('name')} error={errors['name']} required maxLength={200} />
        <TextField label={t('units.fields.shortName')} value={draft.shortName} onValueChange={set('shortName')} error={errors['shortName']} required maxLength={40} />
        <SelectField label={t('units.fields.force')} value={draft.force} options={forceOptions()} onValueChange={(v) => { set('force')(oneOf(FORCES, v, 'PNP')); }} error={errors['force']} />
        <SelectField label={t('units.fields.echelon')} value={draft.echelon} options={echelonOptions()} onValueChange={(v) => { set('echelon')(oneOf(ECHELONS, v, 'comisaria')); }} error={errors['echelon']} />
        <SelectField label={t('units.fields.agency')} value={draft.agency} options={agencyOptions()} onValueChange={(v) => { set('agency')(oneOf(AGENCY_CODES, v, session.user.agency)); }} error={errors['agency']} />
        <SelectField label={t('units.fields.classification')} value={draft.classification} options={classificationOptions()} onValueChange={(v) => { set('classification')(oneOf(CLASSIFICATIONS, v, 'CONFIDENCIAL')); }} error={errors['classification']} />
        <UnitPicker
          label={t('units.fields.parent')}
          value={draft.parentId}
          noneLabel={t('units.noParent')}
          // Only parents the server's rule allows (a higher echelon of the same force, or the CCFFAA over the services).
          accept={(u) => unitParentProblem(draft, u) === null}
          onValueChange={set('parentId')}
          error={errors['parentId']}
        />
        <TextField label={`${t('units.fields.homeUbigeo')} ${t('common.optional')}`} value={draft.homeUbigeo} onValueChange={set('homeUbigeo')} error={errors['homeUbigeo']} inputMode="numeric" maxLength={6} />
        <TextField label={`${t('units.fields.lon')} ${t('common.optional')}`} value={draft.lon} onValueChange={set('lon')} error={errors['home.lon'] ?? errors['home']} />
        <TextField label={`${t('units.fields.lat')} ${t('common.optional')}`} value={draft.lat} onValueChange={set('lat')} error={errors['home.lat']} />
        <TextField
          label={`${t('forces.basis.authorizedStrength')} ${t('common.optional')}`}
          hint={t('forces.basis.authorizedStrengthHint')}
          value={draft.authorizedStrength}
          onValueChange={set('authorizedStrength')}
          error={errors['authorizedStrength']}
          inputMode="numeric"
          maxLength={6}
        />
        <CheckboxField label={t('units.fields.exercise')} checked={draft.exercise} onCheckedChange={set('exercise')} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>{saving ? t('common.creating') : t('common.create')}</button>
          <Link to="/units" className="button">{t('common.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
