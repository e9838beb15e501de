import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EXERCISE_RATINGS, FORCES, type TForce, type TJointExercise } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { limaToday } from '../../app/lima-time.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useCheckedForm } from '../../app/use-checked-form.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { ClassificationBadge } from '../../app/ui/classification-badge.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { oneOf } from '../../app/ui/options.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { useFocusFirstInvalid } from '../../app/ui/use-focus-first-invalid.ts';
import { getJointExercise } from '../forces/forces-api.ts';
import { exerciseDays } from '../sharing/exercise-bases.ts';
import '../forces/forces.css';
import { blankLesson, checkEvaluationDraft, evaluationDraftOf, type EvaluationDraft, type LessonRow } from './exercise-draft.ts';
import { exerciseStatus } from './exercise-status.ts';
import { TextAreaField } from '../../app/ui/text-area-field.tsx';
import { mayWriteTraining } from './training-access.ts';
import { evaluateJointExercise } from './training-api.ts';
import './training.css';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return <div className="details-row"><dt>{label}</dt><dd>{children}</dd></div>;
}

/** The participating units, one table per force (the PNP first). */
function UnitsByForce({ exercise }: { exercise: TJointExercise }) {
  const { t } = useTranslation();
  const forces = [...new Set(exercise.units.map((u) => u.force))].sort((a, b) => FORCES.indexOf(a as TForce) - FORCES.indexOf(b as TForce));
  const forceName = (f: string): string => (FORCES.includes(f as TForce) ? t(`force.${f as TForce}`) : f);
  return (
    <section className="card" aria-labelledby="exercise-units">
      <h2 id="exercise-units">{t('training.exercises.detail.unitsTitle')}</h2>
      {forces.map((force) => (
        <div key={force}>
          <h3>{forceName(force)} ({force})</h3>
          <table className="data-table">
            <caption className="visually-hidden">{t('training.exercises.detail.unitsCaption', { force: forceName(force) })}</caption>
            <thead><tr><th scope="col">{t('training.exercises.detail.unit')}</th><th scope="col">{t('training.exercises.detail.role')}</th></tr></thead>
            <tbody>
              {exercise.units.filter((u) => u.force === force).map((u) => (
                <tr key={u.unitId}><th scope="row"><Link to={`/units/${u.unitId}`}>{u.name}</Link></th><td>{u.role}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

/** The recorded evaluation and lessons learned. */
function Evaluation({ exercise }: { exercise: TJointExercise }) {
  const { t } = useTranslation();
  const e = exercise.evaluation;
  return (
    <section className="card" aria-labelledby="exercise-evaluation">
      <h2 id="exercise-evaluation">{t('training.exercises.detail.evaluationTitle')}</h2>
      {e === null ? <p className="muted">{t('training.exercises.detail.notEvaluated')}</p> : (
        <dl className="details">
          <Row label={t('training.exercises.detail.rating')}>{t(`training.exercises.rating.${e.rating}`)}</Row>
          <Row label={t('training.exercises.detail.summary')}>{e.summary}</Row>
          <Row label={t('training.exercises.detail.evaluator')}>{e.evaluator}</Row>
        </dl>
      )}
      <h3>{t('training.exercises.detail.lessonsTitle')}</h3>
      {exercise.lessons.length === 0 ? <p className="muted">{t('training.exercises.detail.noLessons')}</p> : (
        <table className="data-table">
          <caption className="visually-hidden">{t('training.exercises.detail.lessonsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('training.exercises.detail.observation')}</th>
              <th scope="col">{t('training.exercises.detail.recommendation')}</th>
              <th scope="col">{t('training.exercises.detail.responsible')}</th>
            </tr>
          </thead>
          <tbody>
            {exercise.lessons.map((l, i) => (
              <tr key={i}><td>{l.observation}</td><td>{l.recommendation}</td><td>{l.responsible ?? '—'}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Records (replaces) the evaluation and lessons; the server audits it and answers the exercise as stored. */
function EvaluationForm({ exercise, onSaved }: { exercise: TJointExercise; onSaved: (e: TJointExercise) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [draft, setDraft] = useState<EvaluationDraft>(() => evaluationDraftOf(exercise, session.user.displayName));
  const { errors, failure, saving, saved, submit } = useCheckedForm(checkEvaluationDraft, async (value) => onSaved(await evaluateJointExercise(exercise.id, value)));
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const set = <K extends keyof EvaluationDraft>(key: K) => (value: EvaluationDraft[K]): void => { setDraft((d) => ({ ...d, [key]: value })); };
  const setLesson = (index: number, patch: Partial<LessonRow>): void => {
    setDraft((d) => ({ ...d, lessons: d.lessons.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit(draft);
  };

  return (
    <form ref={formRef} className="card form-grid evaluation-form" aria-labelledby="evaluate-title" onSubmit={onSubmit} noValidate>
      <div className="field-wide">
        <h2 id="evaluate-title">{t('training.exercises.evaluate.title')}</h2>
        <p className="muted small">{t('training.exercises.evaluate.intro')}</p>
      </div>
      {failure && <div className="field-wide"><Alert kind="error">{failure}</Alert></div>}
      {saved && <div className="field-wide"><Alert kind="success">{t('training.exercises.evaluate.saved')}</Alert></div>}
      <SelectField
        label={t('training.exercises.detail.rating')}
        value={draft.rating}
        options={EXERCISE_RATINGS.map((r) => ({ value: r, label: t(`training.exercises.rating.${r}`) }))}
        onValueChange={(v) => { set('rating')(oneOf(EXERCISE_RATINGS, v, 'satisfactory')); }}
      />
      <TextField label={t('training.exercises.detail.evaluator')} value={draft.evaluator} onValueChange={set('evaluator')} error={errors['evaluation.evaluator']} maxLength={200} />
      <TextAreaField className="field-wide" label={t('training.exercises.detail.summary')} value={draft.summary} onValueChange={set('summary')} error={errors['evaluation.summary']} rows={3} maxLength={4000} />
      <fieldset className="lesson-rows">
        <legend>{t('training.exercises.detail.lessonsTitle')}</legend>
        {errors['lessons'] && <p className="field-error">{errors['lessons']}</p>}
        {draft.lessons.map((l, i) => (
          <div key={i} className="lesson-row" role="group" aria-label={t('training.exercises.evaluate.lesson', { n: i + 1 })}>
            <TextAreaField label={`${t('training.exercises.detail.observation')} ${i + 1}`} value={l.observation} onValueChange={(v) => { setLesson(i, { observation: v }); }} error={errors[`lessons.${i}.observation`]} rows={2} maxLength={2000} />
            <TextAreaField label={`${t('training.exercises.detail.recommendation')} ${i + 1}`} value={l.recommendation} onValueChange={(v) => { setLesson(i, { recommendation: v }); }} error={errors[`lessons.${i}.recommendation`]} rows={2} maxLength={2000} />
            <TextField label={`${t('training.exercises.detail.responsible')} ${i + 1} ${t('common.optional')}`} value={l.responsible} onValueChange={(v) => { setLesson(i, { responsible: v }); }} error={errors[`lessons.${i}.responsible`]} maxLength={200} />
            <button type="button" className="button" onClick={() => { set('lessons')(draft.lessons.filter((_, j) => j !== i)); }}>
              {t('training.exercises.evaluate.removeLesson', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="button" disabled={draft.lessons.length >= 100} onClick={() => { set('lessons')([...draft.lessons, blankLesson()]); }}>
          {t('training.exercises.evaluate.addLesson')}
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>{saving ? t('training.exercises.evaluate.saving') : t('training.exercises.evaluate.save')}</button>
      </div>
    </form>
  );
}

/**
 * One joint exercise: status on the Lima day, scenario, period, district, the units by force, the evaluation and
 * lessons learned, and the form to record them for users of the owning agency who may write training.
 */
export function ExercisePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const resource = useResource(`training-exercise:${id}`, (signal) => getJointExercise(id, signal));
  const [fresh, setFresh] = useState<TJointExercise | null>(null);
  const exercise = fresh?.id === id ? fresh : resource.data;
  const back = <Link to="/training/exercises" className="back-link">{t('training.exercises.back')}</Link>;
  if (resource.error !== null) return <section>{back}<Alert kind="error">{errorMessage(resource.error)}</Alert></section>;
  if (!exercise) return <Loading />;
  const status = exerciseStatus(exercise, limaToday());
  return (
    <section className="training-exercise">
      {back}
      <PageHeader title={exercise.name} actions={<span className={`badge exercise-${status}`}>{t(`training.exercises.statusOne.${status}`)}</span>} />
      <dl className="details">
        <Row label={t('training.exercises.detail.status')}>{t(`training.exercises.statusOne.${status}`)}</Row>
        <Row label={t('training.exercises.detail.period')}>{exerciseDays(exercise)}</Row>
        <Row label={t('training.exercises.detail.district')}>{exercise.ubigeo ?? t('training.exercises.detail.noDistrict')}</Row>
        <Row label={t('training.exercises.detail.scenario')}><span className="pre-line">{exercise.scenario}</span></Row>
        <Row label={t('training.exercises.detail.owner')}>{`${exercise.agency} · ${t(`agency.${exercise.agency}`)}`}</Row>
        <Row label={t('units.fields.classification')}><ClassificationBadge value={exercise.classification} /></Row>
      </dl>
      <UnitsByForce exercise={exercise} />
      <Evaluation exercise={exercise} />
      {mayWriteTraining(session, exercise) && <EvaluationForm key={exercise.id} exercise={exercise} onSaved={setFresh} />}
    </section>
  );
}
