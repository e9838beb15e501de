import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueEs } from '../../i18n/catalogue.ts';
import { checkEvaluationDraft, checkExerciseDraft, emptyExerciseDraft, evaluationDraftOf } from './exercise-draft.ts';

beforeAll(async () => {
  await i18next.init({ lng: 'es', resources: { es: { translation: catalogueEs } } });
});

const PNP_UNIT = '0b3f1c2e-8d4a-4f6b-9c1d-2e3f4a5b6c7d';
const EP_UNIT = '1c4a2d3f-9e5b-4a7c-8d2e-3f4a5b6c7d8e';

const valid = {
  ...emptyExerciseDraft('2026-12-01'),
  name: ' Lima Sur 2026 ',
  scenario: 'Bloqueo de vía',
  endsOn: '2026-12-02',
  units: [{ unitId: PNP_UNIT, role: 'Control de multitudes' }, { unitId: EP_UNIT, role: 'Seguridad perimétrica' }],
};

describe('the plan-an-exercise form', () => {
  it('starts on the given day with two blank unit rows', () => {
    const d = emptyExerciseDraft('2026-11-29');
    expect(d).toMatchObject({ startsOn: '2026-11-29', endsOn: '2026-11-29', classification: 'PUBLICO' });
    expect(d.units).toEqual([{ unitId: '', role: '' }, { unitId: '', role: '' }]);
  });

  it('sends the trimmed plan, an empty district as null', () => {
    const checked = checkExerciseDraft(valid);
    expect(checked).toEqual({
      ok: true,
      value: {
        name: 'Lima Sur 2026', scenario: 'Bloqueo de vía', startsOn: '2026-12-01', endsOn: '2026-12-02', ubigeo: null,
        units: valid.units, classification: 'PUBLICO',
      },
    });
  });

  it('reports each problem on its field: unit rows without unit or role, a bad district, days in the wrong order', () => {
    const checked = checkExerciseDraft({ ...valid, name: '', ubigeo: '1501', endsOn: '2026-11-30', units: [{ unitId: PNP_UNIT, role: ' ' }, { unitId: '', role: 'Apoyo' }] });
    expect(checked.ok).toBe(false);
    expect(checked.ok ? {} : checked.errors).toMatchObject({
      name: 'Campo obligatorio.',
      ubigeo: 'Debe ser un UBIGEO de distrito de 6 dígitos.',
      endsOn: 'El último día no puede ser anterior al primero.',
      'units.0.role': 'Campo obligatorio.',
      'units.1.unitId': 'Elija la unidad.',
    });
  });

  it('needs two units, but leaves the both-forces rule to the server', () => {
    const one = checkExerciseDraft({ ...valid, units: [{ unitId: PNP_UNIT, role: 'A' }] });
    expect(one.ok ? {} : one.errors).toEqual({ units: 'Indique al menos dos unidades.' });
    // Two units of the same force pass the form: the server refuses them with JOINT_EXERCISE_NEEDS_BOTH_FORCES.
    expect(checkExerciseDraft({ ...valid, units: [{ unitId: PNP_UNIT, role: 'A' }, { unitId: PNP_UNIT.replace('0b', '0c'), role: 'B' }] }).ok).toBe(true);
  });
});

describe('the evaluation form', () => {
  it('is filled with what was recorded, or blank with one empty lesson and the user as evaluator', () => {
    expect(evaluationDraftOf({ evaluation: null, lessons: [] }, 'My. EP Chávez')).toEqual({
      rating: 'satisfactory', summary: '', evaluator: 'My. EP Chávez', lessons: [{ observation: '', recommendation: '', responsible: '' }],
    });
    const recorded = evaluationDraftOf({
      evaluation: { rating: 'needs_improvement', summary: 'Radios', evaluator: 'CCFFAA' },
      lessons: [{ observation: 'o', recommendation: 'r' }],
    }, 'x');
    expect(recorded).toEqual({ rating: 'needs_improvement', summary: 'Radios', evaluator: 'CCFFAA', lessons: [{ observation: 'o', recommendation: 'r', responsible: '' }] });
  });

  it('drops wholly blank lessons and an empty responsible', () => {
    const checked = checkEvaluationDraft({
      rating: 'satisfactory', summary: 'Bien', evaluator: 'CCFFAA',
      lessons: [{ observation: '', recommendation: '', responsible: '' }, { observation: 'Radios', recommendation: 'Pasarela', responsible: ' ' }],
    });
    expect(checked).toEqual({
      ok: true,
      value: { evaluation: { rating: 'satisfactory', summary: 'Bien', evaluator: 'CCFFAA' }, lessons: [{ observation: 'Radios', recommendation: 'Pasarela' }] },
    });
  });

  it('reports a half-written lesson on the row as shown, and a missing summary', () => {
    const checked = checkEvaluationDraft({
      rating: 'satisfactory', summary: ' ', evaluator: 'CCFFAA',
      lessons: [{ observation: '', recommendation: '', responsible: '' }, { observation: 'Radios', recommendation: '', responsible: '' }],
    });
    expect(checked.ok ? {} : checked.errors).toEqual({ 'evaluation.summary': 'Campo obligatorio.', 'lessons.1.recommendation': 'Campo obligatorio.' });
  });
});
