import i18next from 'i18next';
import {
  ZJointExerciseCreate,
  ZJointExerciseEvaluate,
  type TClassification,
  type TJointExercise,
  type TJointExerciseCreate,
  type TJointExerciseEvaluate,
} from '@enlace/contracts';
import { fieldErrorsFromIssues, type FieldErrors } from '../../app/ui/form-errors.ts';

/** Result of checking a form draft: the body to send, or a message per field path. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** One participating unit as typed: the unit chosen (empty until chosen) and its role in the exercise. */
export interface ExerciseUnitRow {
  unitId: string;
  role: string;
}

/** The plan-an-exercise form as typed. */
export interface ExerciseDraft {
  name: string;
  scenario: string;
  startsOn: string;
  endsOn: string;
  ubigeo: string;
  classification: TClassification;
  units: ExerciseUnitRow[];
}

/** A blank plan starting and ending on `day`, with a row for a PNP unit and one for an armed forces unit. */
export function emptyExerciseDraft(day: string): ExerciseDraft {
  return { name: '', scenario: '', startsOn: day, endsOn: day, ubigeo: '', classification: 'PUBLICO', units: [{ unitId: '', role: '' }, { unitId: '', role: '' }] };
}

/**
 * Checks the plan with the shared `ZJointExerciseCreate` schema. A row without a unit is reported on that row; that
 * the units belong to both forces is left to the server, which refuses otherwise with its reason.
 */
export function checkExerciseDraft(draft: ExerciseDraft): Checked<TJointExerciseCreate> {
  const parsed = ZJointExerciseCreate.safeParse({
    name: draft.name,
    scenario: draft.scenario,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    ubigeo: draft.ubigeo.trim() || null,
    units: draft.units.map((u) => ({ unitId: u.unitId, role: u.role })),
    classification: draft.classification,
  });
  const errors: FieldErrors = parsed.success
    ? {}
    : fieldErrorsFromIssues(parsed.error.issues, { ubigeo: i18next.t('validation.ubigeo'), startsOn: i18next.t('validation.required'), endsOn: i18next.t('validation.required') });
  draft.units.forEach((u, i) => {
    if (u.unitId === '') errors[`units.${i}.unitId`] = i18next.t('training.exercises.form.needUnit');
  });
  if (draft.startsOn && draft.endsOn && draft.endsOn < draft.startsOn) errors['endsOn'] = i18next.t('training.form.endsBeforeStart');
  if (errors['units'] !== undefined) errors['units'] = i18next.t('training.exercises.form.needTwoUnits');
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors };
}

/** One lesson learned as typed. */
export interface LessonRow {
  observation: string;
  recommendation: string;
  responsible: string;
}

/** The evaluation form as typed. */
export interface EvaluationDraft {
  rating: TJointExerciseEvaluate['evaluation']['rating'];
  summary: string;
  evaluator: string;
  lessons: LessonRow[];
}

const blankLesson = (): LessonRow => ({ observation: '', recommendation: '', responsible: '' });

/** The form filled with the exercise's recorded evaluation and lessons, or blank (the evaluator defaulting to `evaluator`). */
export function evaluationDraftOf(exercise: Pick<TJointExercise, 'evaluation' | 'lessons'>, evaluator: string): EvaluationDraft {
  const e = exercise.evaluation;
  return {
    rating: e?.rating ?? 'satisfactory',
    summary: e?.summary ?? '',
    evaluator: e?.evaluator ?? evaluator,
    lessons: exercise.lessons.length > 0
      ? exercise.lessons.map((l) => ({ observation: l.observation, recommendation: l.recommendation, responsible: l.responsible ?? '' }))
      : [blankLesson()],
  };
}

export { blankLesson };

const isBlank = (l: LessonRow): boolean => !l.observation.trim() && !l.recommendation.trim() && !l.responsible.trim();

/**
 * Checks the evaluation with the shared `ZJointExerciseEvaluate` schema. Lesson rows left wholly blank are not sent;
 * a lesson needs both its observation and its recommendation. Errors are reported on the rows as shown.
 */
export function checkEvaluationDraft(draft: EvaluationDraft): Checked<TJointExerciseEvaluate> {
  const kept = draft.lessons.flatMap((l, shown) => (isBlank(l) ? [] : [{ l, shown }]));
  const parsed = ZJointExerciseEvaluate.safeParse({
    evaluation: { rating: draft.rating, summary: draft.summary, evaluator: draft.evaluator },
    lessons: kept.map(({ l }) => ({
      observation: l.observation,
      recommendation: l.recommendation,
      ...(l.responsible.trim() ? { responsible: l.responsible } : {}),
    })),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fieldErrorsFromIssues(parsed.error.issues))) {
    const m = /^lessons\.(\d+)\.(.+)$/.exec(path);
    const shown = m ? kept[Number(m[1])]?.shown : undefined;
    errors[m && shown !== undefined ? `lessons.${shown}.${m[2] ?? ''}` : path] = message;
  }
  return { ok: false, errors };
}
