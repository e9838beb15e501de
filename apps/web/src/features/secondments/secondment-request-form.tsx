import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPerson, TSecondment, TUnit } from '@enlace/contracts';
import { limaToday } from '../../app/lima-time.ts';
import { useSubmission } from '../../app/use-submission.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { TextAreaField } from '../../app/ui/text-area-field.tsx';
import { UnitPicker } from '../units/unit-picker.tsx';
import { requestSecondment } from './secondments-api.ts';
import { secondmentDraftProblems } from './secondment-view.ts';

/**
 * Asks to lend one of the unit's own members to another unit for a period, with the reason. The request waits for a
 * commander of the lending agency other than the requester; until then the member stays on the home roster.
 */
export function SecondmentRequestForm({ unit, members, onRequested, onClose }: {
  unit: TUnit;
  members: readonly TPerson[];
  onRequested: (s: TSecondment) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = limaToday();
  const [draft, setDraft] = useState({ personId: '', toUnitId: '', startsOn: today, endsOn: today, reason: '' });
  const [shown, setShown] = useState<string[]>([]);
  const { busy, errors, setErrors, send } = useSubmission();
  const set = (field: keyof typeof draft) => (value: string) => { setDraft((d) => ({ ...d, [field]: value })); };
  const own = members.filter((m) => m.unitId === unit.id);
  const fieldError = (field: string): string | undefined => (shown.includes(field) ? t(`secondments.form.problem.${field}` as 'secondments.form.problem.reason') : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = secondmentDraftProblems(draft);
    setShown(problems);
    setErrors(problems.length > 0 ? [t('common.formHasErrors')] : []);
    if (problems.length > 0) return;
    await send(async () => {
      onRequested(await requestSecondment({ ...draft, reason: draft.reason.trim() }));
    });
  }

  return (
    <form className="card" onSubmit={(e) => { void submit(e); }} noValidate aria-labelledby="secondment-form-title">
      <h3 id="secondment-form-title">{t('secondments.form.title')}</h3>
      <p className="small muted">{t('secondments.form.hint')}</p>
      {errors.map((e) => <Alert key={e} kind="error">{e}</Alert>)}
      <SelectField
        label={t('secondments.form.member')}
        value={draft.personId}
        required
        error={fieldError('personId')}
        options={[{ value: '', label: t('secondments.form.choose') }, ...own.map((m) => ({ value: m.id, label: `${m.rank} ${m.familyNames}, ${m.givenNames}` }))]}
        onValueChange={set('personId')}
      />
      <UnitPicker
        label={t('secondments.form.toUnit')}
        value={draft.toUnitId}
        required
        error={fieldError('toUnitId')}
        accept={(u) => u.id !== unit.id}
        onValueChange={set('toUnitId')}
      />
      <TextField label={t('secondments.form.startsOn')} type="date" required value={draft.startsOn} error={fieldError('startsOn')} onValueChange={set('startsOn')} />
      <TextField
        label={t('secondments.form.endsOn')}
        type="date"
        required
        value={draft.endsOn}
        error={fieldError('endsOn') ?? fieldError('endsBeforeStart')}
        onValueChange={set('endsOn')}
      />
      <TextAreaField
        label={t('secondments.form.reason')}
        rows={3}
        maxLength={2000}
        value={draft.reason}
        error={shown.includes('reason') ? t('secondments.form.problem.reason') : undefined}
        onValueChange={set('reason')}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('secondments.form.submit')}
        </button>
        <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
