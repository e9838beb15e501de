import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TJointExercise, TTrainingSession } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { listCourses, listJointExercises, listSessions } from '../forces/forces-api.ts';
import '../forces/forces.css';
import { exerciseDays } from '../sharing/exercise-bases.ts';
import { addDays, addMonths, itemsByDay, limaToday, monthGrid, weekOf } from './calendar.ts';
import './training.css';

type View = 'month' | 'week';

const locale = (): string => (currentLanguage() === 'es' ? 'es-PE' : 'en-GB');
const monthTitle = (iso: string): string =>
  new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const dayTitle = (iso: string, style: 'short' | 'long'): string =>
  new Intl.DateTimeFormat(locale(), { weekday: style, day: 'numeric', month: style === 'long' ? 'long' : 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/**
 * The training calendar: sessions and joint exercises by month or by week, with their course, unit, trainers and
 * attendance; from here a trainer schedules a session or opens the joint exercises.
 */
export function TrainingCalendarPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const today = limaToday();
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState(today);
  const days = view === 'month' ? monthGrid(anchor).flat() : weekOf(anchor);
  const from = days[0] ?? anchor;
  const to = days[days.length - 1] ?? anchor;
  const sessions = useResource(`training-sessions:${from}:${to}`, (signal) => listSessions(from, to, undefined, signal));
  const courses = useResource('training-courses', (signal) => listCourses(signal));
  const courseName = (code: string): string => {
    const c = courses.data?.items.find((x) => x.code === code);
    return c ? (currentLanguage() === 'es' ? c.nameEs : c.nameEn) : code;
  };
  const exercises = useResource('training-exercises', (signal) => listJointExercises(signal));
  const byDay = itemsByDay(sessions.data?.items ?? [], days);
  const exercisesByDay = itemsByDay(exercises.data ?? [], days);
  const month = anchor.slice(0, 7);
  const move = (step: number) => { setAnchor(view === 'month' ? addMonths(anchor, step) : addDays(anchor, 7 * step)); };

  return (
    <section className="training-calendar">
      <PageHeader
        title={t('forces.calendar.title')}
        actions={(
          <span className="calendar-actions">
            <Link to="/training/exercises" className="button">{t('training.exercises.calendarLink')}</Link>
            {can(session, 'training:write') && <Link to={`/training/sessions/new?day=${anchor < today ? today : anchor}`} className="button button-primary">{t('training.sessions.new')}</Link>}
          </span>
        )}
      >
        <p className="muted">{view === 'month' ? monthTitle(addMonths(anchor, 0)) : t('forces.calendar.weekOf', { day: dayTitle(from, 'long') })}</p>
      </PageHeader>
      <div className="calendar-toolbar" role="toolbar" aria-label={t('forces.calendar.toolbar')}>
        <button type="button" className="button" onClick={() => { move(-1); }}>{t('forces.calendar.previous')}</button>
        <button type="button" className="button" onClick={() => { setAnchor(today); }}>{t('forces.calendar.today')}</button>
        <button type="button" className="button" onClick={() => { move(1); }}>{t('forces.calendar.next')}</button>
        <span className="calendar-views">
          {(['month', 'week'] as const).map((v) => (
            <button key={v} type="button" className={`button ${view === v ? 'button-primary' : ''}`} aria-pressed={view === v} onClick={() => { setView(v); }}>
              {t(`forces.calendar.${v}`)}
            </button>
          ))}
        </span>
      </div>
      {sessions.error !== null && <Alert kind="error">{errorMessage(sessions.error)}</Alert>}
      {sessions.loading && !sessions.data && <Loading />}
      {view === 'month' ? (
        <table className="calendar-month">
          <caption className="visually-hidden">{monthTitle(addMonths(anchor, 0))}</caption>
          <thead>
            <tr>{weekOf(anchor).map((d) => <th key={d} scope="col">{new Intl.DateTimeFormat(locale(), { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`))}</th>)}</tr>
          </thead>
          <tbody>
            {monthGrid(anchor).map((week) => (
              <tr key={week[0]}>
                {week.map((day) => (
                  <td key={day} className={[day.slice(0, 7) !== month ? 'other-month' : '', day === today ? 'today' : ''].join(' ')}>
                    <span className="day-number">{Number(day.slice(8))}</span>
                    <ul>
                      {(exercisesByDay.get(day) ?? []).map((e) => (
                        <li key={e.id} className="exercise" title={t('training.calendar.exercise', { name: e.name })}>
                          <Link to={`/training/exercises/${e.id}`}>{e.name}</Link>
                        </li>
                      ))}
                      {(byDay.get(day) ?? []).map((s) => (
                        <li key={s.id} className={`session session-${s.status}`} title={`${courseName(s.courseCode)} · ${s.location}`}>
                          <button type="button" className="session-open" onClick={() => { setAnchor(day); setView('week'); }}>{s.title || courseName(s.courseCode)}</button>
                        </li>
                      ))}
                    </ul>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ol className="calendar-week">
          {days.map((day) => (
            <li key={day} className={day === today ? 'today' : undefined}>
              <h2>{dayTitle(day, 'long')}</h2>
              {(byDay.get(day) ?? []).length + (exercisesByDay.get(day) ?? []).length === 0 ? <p className="muted small">{t('forces.calendar.noSessions')}</p> : (
                <ul>
                  {(exercisesByDay.get(day) ?? []).map((e) => <ExerciseCard key={e.id} exercise={e} />)}
                  {(byDay.get(day) ?? []).map((s) => <SessionCard key={s.id} session={s} courseName={courseName(s.courseCode)} />)}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {sessions.data && sessions.data.items.length === 0 && days.every((d) => (exercisesByDay.get(d) ?? []).length === 0) && <p className="empty">{t('forces.calendar.empty')}</p>}
    </section>
  );
}

function SessionCard({ session: s, courseName }: { session: TTrainingSession; courseName: string }) {
  const { t } = useTranslation();
  return (
    <li className={`session-card session-${s.status}`}>
      <strong><Link to={`/training/sessions/${s.id}`}>{s.title || courseName}</Link></strong> <span className="muted small">{s.courseCode}</span>
      <br />
      <span className="small">{s.startsOn === s.endsOn ? s.startsOn : `${s.startsOn} – ${s.endsOn}`} · {s.location}</span>
      <br />
      <span className="small">{t('forces.calendar.trainers', { trainers: s.trainers.join(', ') })}</span>
      <br />
      <span className="small">{t(`forces.calendar.status.${s.status}`)} · {t('forces.calendar.attendance', { enrolled: s.enrolled, capacity: s.capacity, passed: s.passed })}</span>
    </li>
  );
}

function ExerciseCard({ exercise: e }: { exercise: TJointExercise }) {
  const { t } = useTranslation();
  return (
    <li className="session-card exercise-card">
      <strong><Link to={`/training/exercises/${e.id}`}>{t('training.calendar.exercise', { name: e.name })}</Link></strong>
      <br />
      <span className="small">{exerciseDays(e)}{e.ubigeo ? ` · ${e.ubigeo}` : ''} · {e.units.map((u) => `${u.force}: ${u.name}`).join('; ')}</span>
    </li>
  );
}
