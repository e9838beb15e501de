import { useTranslation } from 'react-i18next';
import type { TJointExercise } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { limaToday } from '../../app/lima-time.ts';
import { Link } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { listJointExercises } from '../forces/forces-api.ts';
import { exerciseDays } from '../sharing/exercise-bases.ts';
import '../forces/forces.css';
import { EXERCISE_STATUSES, exercisesByStatus, type ExerciseStatus } from './exercise-status.ts';
import './training.css';

/** The units of an exercise as "force: short list" lines. */
function UnitsSummary({ exercise }: { exercise: TJointExercise }) {
  const byForce = new Map<string, string[]>();
  // The PNP first, as the force that leads citizen security.
  const units = [...exercise.units].sort((a, b) => Number(a.force !== 'PNP') - Number(b.force !== 'PNP') || a.force.localeCompare(b.force));
  for (const u of units) byForce.set(u.force, [...(byForce.get(u.force) ?? []), u.name]);
  return (
    <ul className="plain-list">
      {[...byForce].map(([force, names]) => <li key={force}><strong>{force}</strong>: {names.join(', ')}</li>)}
    </ul>
  );
}

function ExerciseTable({ status, items }: { status: ExerciseStatus; items: TJointExercise[] }) {
  const { t } = useTranslation();
  return (
    <section className="card exercise-group" aria-labelledby={`exercises-${status}`}>
      <h2 id={`exercises-${status}`}>{t(`training.exercises.status.${status}`)} ({items.length})</h2>
      {items.length === 0 ? <p className="muted small">{t('training.exercises.groupEmpty')}</p> : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('training.exercises.caption', { status: t(`training.exercises.status.${status}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('training.exercises.columns.name')}</th>
                <th scope="col">{t('training.exercises.columns.period')}</th>
                <th scope="col">{t('training.exercises.columns.district')}</th>
                <th scope="col">{t('training.exercises.columns.units')}</th>
                <th scope="col">{t('training.exercises.columns.evaluation')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <th scope="row"><Link to={`/training/exercises/${e.id}`}>{e.name}</Link></th>
                  <td className="nowrap">{exerciseDays(e)}</td>
                  <td>{e.ubigeo ?? '—'}</td>
                  <td><UnitsSummary exercise={e} /></td>
                  <td>{e.evaluation ? t(`training.exercises.rating.${e.evaluation.rating}`) : <span className="muted">{t('training.exercises.notEvaluated')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Joint exercises of the PNP with the armed forces the user may read: under way, planned and over on the Lima day. */
export function ExercisesPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const exercises = useResource('training-exercises', (signal) => listJointExercises(signal));
  const groups = exercisesByStatus(exercises.data ?? [], limaToday());
  return (
    <section className="training-exercises">
      <Link to="/training" className="back-link">{t('forces.calendar.back')}</Link>
      <PageHeader
        title={t('training.exercises.title')}
        actions={can(session, 'training:write') && <Link to="/training/exercises/new" className="button button-primary">{t('training.exercises.new')}</Link>}
      >
        <p className="muted">{t('training.exercises.intro')}</p>
      </PageHeader>
      {exercises.error !== null && <Alert kind="error">{errorMessage(exercises.error)}</Alert>}
      {exercises.loading && !exercises.data && <Loading />}
      {exercises.data?.length === 0 && <p className="empty">{t('training.exercises.empty')}</p>}
      {exercises.data && exercises.data.length > 0 && EXERCISE_STATUSES.map((s) => <ExerciseTable key={s} status={s} items={groups[s]} />)}
    </section>
  );
}
