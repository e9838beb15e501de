import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS } from '@enlace/contracts';
import { limaToday } from '../../app/lima-time.ts';
import { Link, navigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useCheckedForm } from '../../app/use-checked-form.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { oneOf } from '../../app/ui/options.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { useFocusFirstInvalid } from '../../app/ui/use-focus-first-invalid.ts';
import { UnitPicker } from '../units/unit-picker.tsx';
import '../forces/forces.css';
import { checkExerciseDraft, emptyExerciseDraft, type ExerciseDraft, type ExerciseUnitRow } from './exercise-draft.ts';
import { TextAreaField } from '../../app/ui/text-area-field.tsx';
import { classificationsWithin } from './training-access.ts';
import { createJointExercise } from './training-api.ts';
import './training.css';

/**
 * Plans a joint exercise of the PNP with the armed forces: name, scenario, days, district, and the participating
 * units of both forces with their roles. The server refuses a plan without both forces; its message is shown.
 */
export function ExerciseCreatePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [draft, setDraft] = useState<ExerciseDraft>(() => emptyExerciseDraft(limaToday()));
  const { errors, failure, saving, submit } = useCheckedForm(checkExerciseDraft, async (value) => navigate(`/training/exercises/${(await createJointExercise(value)).id}`));
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);

  const set = <K extends keyof ExerciseDraft>(key: K) => (value: ExerciseDraft[K]): void => { setDraft((d) => ({ ...d, [key]: value })); };
  const setRow = (index: number, patch: Partial<ExerciseUnitRow>): void => {
    setDraft((d) => ({ ...d, units: d.units.map((u, i) => (i === index ? { ...u, ...patch } : u)) }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit(draft);
  };

  return (
    <section>
      <Link to="/training/exercises" className="back-link">{t('training.exercises.back')}</Link>
      <PageHeader title={t('training.exercises.form.title')}>
        <p className="muted">{t('training.exercises.form.intro')}</p>
      </PageHeader>
      <form ref={formRef} className="card form-grid training-form" onSubmit={onSubmit} noValidate>
        {failure && <div className="field-wide"><Alert kind="error">{failure}</Alert></div>}
        <TextField label={t('training.exercises.form.name')} value={draft.name} onValueChange={set('name')} error={errors['name']} required maxLength={200} />
        <TextField label={`${t('training.exercises.form.ubigeo')} ${t('common.optional')}`} hint={t('training.exercises.form.ubigeoHint')} value={draft.ubigeo} onValueChange={set('ubigeo')} error={errors['ubigeo']} inputMode="numeric" maxLength={6} />
        <TextField label={t('training.exercises.form.startsOn')} type="date" value={draft.startsOn} onValueChange={set('startsOn')} error={errors['startsOn']} required />
        <TextField label={t('training.exercises.form.endsOn')} type="date" value={draft.endsOn} onValueChange={set('endsOn')} error={errors['endsOn']} required />
        <TextAreaField className="field-wide" label={t('training.exercises.form.scenario')} value={draft.scenario} onValueChange={set('scenario')} error={errors['scenario']} rows={4} maxLength={8000} />
        <SelectField label={t('training.exercises.form.classification')} value={draft.classification} options={classificationsWithin(session).map((c) => ({ value: c, label: t(`classification.${c}`) }))} onValueChange={(v) => { set('classification')(oneOf(CLASSIFICATIONS, v, 'PUBLICO')); }} />
        <fieldset className="unit-rows" aria-describedby="exercise-units-hint">
          <legend>{t('training.exercises.form.units')}</legend>
          <p id="exercise-units-hint" className="field-hint">{t('training.exercises.form.unitsHint')}</p>
          {errors['units'] && <p className="field-error">{errors['units']}</p>}
          {draft.units.map((row, i) => (
            <div key={i} className="unit-row">
              <UnitPicker label={t('training.exercises.form.unit', { n: i + 1 })} required value={row.unitId} onValueChange={(v) => { setRow(i, { unitId: v }); }} error={errors[`units.${i}.unitId`]} />
              <TextField label={t('training.exercises.form.role', { n: i + 1 })} value={row.role} onValueChange={(v) => { setRow(i, { role: v }); }} error={errors[`units.${i}.role`]} maxLength={200} />
              {draft.units.length > 2 && (
                <button type="button" className="button" onClick={() => { set('units')(draft.units.filter((_, j) => j !== i)); }}>
                  {t('training.exercises.form.removeUnit', { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          <button type="button" className="button" disabled={draft.units.length >= 50} onClick={() => { set('units')([...draft.units, { unitId: '', role: '' }]); }}>
            {t('training.exercises.form.addUnit')}
          </button>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>{saving ? t('training.exercises.form.saving') : t('training.exercises.form.save')}</button>
          <Link to="/training/exercises" className="button">{t('common.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
