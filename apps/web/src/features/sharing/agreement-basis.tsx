import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TAgreement, TJointExercise } from '@enlace/contracts';
import { exerciseDays } from './exercise-bases.ts';

/** A joint exercise as a basis reads in the form and on the agreement: name, days and district. */
export const exerciseSummary = (t: TFunction, e: TJointExercise): string =>
  t('sharing.exerciseSummary', { name: e.name, days: exerciseDays(e), ubigeo: e.ubigeo ?? '—' });

/**
 * What an agreement rests on, as its reader recognises it: the instrument's number, or the joint exercise by name, days
 * and district (only "joint exercise" while the exercise loads, or when the reader may not read it).
 */
export function AgreementBasis({ agreement, exercise }: { agreement: TAgreement; exercise?: TJointExercise | undefined }) {
  const { t } = useTranslation();
  if (agreement.instrumentId !== null) return agreement.instrumentId;
  return exercise ? exerciseSummary(t, exercise) : t('sharing.basis.exercise');
}
