import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUnit } from '@enlace/contracts';
import type { TTask } from '@enlace/rules';
import { useSubmission } from '../../app/use-submission.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { CheckboxField } from '../../app/ui/checkbox-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { TextAreaField } from '../../app/ui/text-area-field.tsx';
import { getStandard, updateUnitBasis } from './forces-api.ts';
import { basisDraftOf, checkBasisDraft, type UnitBasisDraft } from './unit-basis.ts';

/**
 * What the unit's readiness is judged against: its authorized strength (P is measured against it; empty: the
 * roster), the task types it is rated on (T and the Y/Q/N list; only the METs of the standard in force can be
 * chosen), and a directed resource action (C5, with a remark naming the order). Saved as a unit edit (audited).
 */
export function UnitBasisForm({ unit, onSaved, mayDirect }: { unit: TUnit; onSaved: (unit: TUnit) => void; mayDirect: boolean }) {
  const { t } = useTranslation();
  const standard = useResource('forces-standard', (signal) => getStandard(signal));
  const [draft, setDraft] = useState<UnitBasisDraft>(() => basisDraftOf(unit));
  const [saved, setSaved] = useState(false);
  const { busy, errors, setErrors, send } = useSubmission();
  const tasks = Object.keys(standard.data?.standard.mets.tasks ?? {}) as TTask[];
  const set = <K extends keyof UnitBasisDraft>(key: K) => (value: UnitBasisDraft[K]): void => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const toggleTask = (task: TTask, on: boolean): void => {
    set('tasks')(on ? [...draft.tasks, task] : draft.tasks.filter((x) => x !== task));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkBasisDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors.map((e) => t(`forces.basis.errors.${e}`)));
      return;
    }
    setErrors([]);
    void send(async () => {
      const changed = await updateUnitBasis(unit.id, checked.value);
      setDraft(basisDraftOf(changed));
      setSaved(true);
      onSaved(changed);
    });
  }

  return (
    <form className="card basis-form" onSubmit={submit} noValidate aria-labelledby="basis-title">
      <h3 id="basis-title">{t('forces.basis.title')}</h3>
      {errors.length > 0 && <Alert kind="error">{errors.join(' ')}</Alert>}
      {saved && <Alert kind="info">{t('forces.basis.saved')}</Alert>}
      <TextField
        label={t('forces.basis.authorizedStrength')}
        hint={t('forces.basis.authorizedStrengthHint')}
        value={draft.authorizedStrength}
        onValueChange={set('authorizedStrength')}
        inputMode="numeric"
        maxLength={6}
      />
      <CheckboxField label={t('forces.basis.ownTasks')} checked={draft.ownTasks} onCheckedChange={set('ownTasks')} />
      {draft.ownTasks && (
        <fieldset className="basis-tasks">
          <legend>{t('forces.basis.tasksLegend', { version: standard.data?.ref ?? '' })}</legend>
          {tasks.map((task) => (
            <CheckboxField key={task} label={t(`forces.task.${task}`)} checked={draft.tasks.includes(task)} onCheckedChange={(on) => { toggleTask(task, on); }} />
          ))}
        </fieldset>
      )}
      <CheckboxField label={t('forces.basis.directed')} checked={draft.directed} onCheckedChange={set('directed')} disabled={!mayDirect} />
      {!mayDirect && <p className="field-hint">{t('forces.basis.directedCommanderOnly')}</p>}
      {draft.directed && mayDirect && (
        <TextAreaField label={t('forces.basis.remark')} hint={t('forces.basis.remarkHint')} value={draft.remark} onValueChange={set('remark')} rows={3} maxLength={2000} />
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('forces.basis.saving') : t('forces.basis.save')}</button>
      </div>
    </form>
  );
}
