import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { limaToday } from '../../app/lima-time.ts';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useCheckedForm } from '../../app/use-checked-form.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { oneOf } from '../../app/ui/options.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { useFocusFirstInvalid } from '../../app/ui/use-focus-first-invalid.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { listCourses } from '../forces/forces-api.ts';
import { listUnits } from '../units/units-api.ts';
import { UnitPicker } from '../units/unit-picker.tsx';
import '../forces/forces.css';
import { checkSessionDraft, emptySessionDraft, type SessionDraft } from './session-draft.ts';
import { TextAreaField } from '../../app/ui/text-area-field.tsx';
import { classificationsWithin } from './training-access.ts';
import { createSession } from './training-api.ts';
import './training.css';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Schedules a training session from the calendar (`?day=` starts it on that day): a course of the catalogue, the
 * organising unit of the user's agency, the days, the place, the trainers and the seats.
 */
export function SessionCreatePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { query } = useLocation();
  const day = query.get('day') ?? '';
  const [draft, setDraft] = useState<SessionDraft>(() => emptySessionDraft(ISO_DAY.test(day) ? day : limaToday()));
  const { errors, failure, saving, submit } = useCheckedForm(checkSessionDraft, async (value) => navigate(`/training/sessions/${(await createSession(value)).id}`));
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const agency = session.user.agency;
  // Whether the agency has a unit at all (the picker searches them as the user types).
  const units = useResource(`training-session-units:${agency}`, (signal) => listUnits({ agency, limit: 1, offset: 0 }, signal));
  const courses = useResource('training-courses', (signal) => listCourses(signal));
  const es = currentLanguage() === 'es';
  const courseOptions = [
    { value: '', label: t('training.sessions.form.chooseCourse') },
    ...(courses.data?.items ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: `${es ? c.nameEs : c.nameEn} (${c.hours} h)` })),
  ];
  const set = <K extends keyof SessionDraft>(key: K) => (value: SessionDraft[K]): void => { setDraft((d) => ({ ...d, [key]: value })); };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void submit(draft);
  };

  return (
    <section>
      <Link to="/training" className="back-link">{t('training.sessions.back')}</Link>
      <PageHeader title={t('training.sessions.form.title')}>
        <p className="muted">{t('training.sessions.form.intro')}</p>
      </PageHeader>
      {[units.error, courses.error].filter((e) => e !== null).map((e, i) => <Alert key={i} kind="error">{errorMessage(e)}</Alert>)}
      {(units.loading || courses.loading) && !(units.data && courses.data) && <Loading />}
      {units.data?.items.length === 0 && <Alert kind="info">{t('training.sessions.form.noUnits')}</Alert>}
      <form ref={formRef} className="card form-grid training-form" onSubmit={onSubmit} noValidate>
        {failure && <div className="field-wide"><Alert kind="error">{failure}</Alert></div>}
        <SelectField label={t('training.sessions.form.course')} value={draft.courseCode} options={courseOptions} onValueChange={set('courseCode')} error={errors['courseCode']} />
        <UnitPicker label={t('training.sessions.form.unit')} hint={t('training.sessions.form.unitHint')} agency={agency} required value={draft.unitId} onValueChange={set('unitId')} error={errors['unitId']} />
        <TextField label={`${t('training.sessions.form.sessionTitle')} ${t('common.optional')}`} hint={t('training.sessions.form.sessionTitleHint')} value={draft.title} onValueChange={set('title')} error={errors['title']} maxLength={200} />
        <TextField label={t('training.sessions.form.location')} value={draft.location} onValueChange={set('location')} error={errors['location']} maxLength={200} />
        <TextField label={t('training.sessions.form.startsOn')} type="date" value={draft.startsOn} onValueChange={set('startsOn')} error={errors['startsOn']} />
        <TextField label={t('training.sessions.form.endsOn')} type="date" value={draft.endsOn} onValueChange={set('endsOn')} error={errors['endsOn']} />
        <TextField label={`${t('training.sessions.form.ubigeo')} ${t('common.optional')}`} hint={t('training.exercises.form.ubigeoHint')} value={draft.ubigeo} onValueChange={set('ubigeo')} error={errors['ubigeo']} inputMode="numeric" maxLength={6} />
        <TextField label={t('training.sessions.form.capacity')} type="number" min={1} max={1000} value={draft.capacity} onValueChange={set('capacity')} error={errors['capacity']} />
        <TextAreaField label={t('training.sessions.form.trainers')} hint={t('training.sessions.form.trainersHint')} value={draft.trainers} onValueChange={set('trainers')} error={errors['trainers']} rows={3} />
        <SelectField label={t('training.sessions.form.classification')} value={draft.classification} options={classificationsWithin(session).map((c) => ({ value: c, label: t(`classification.${c}`) }))} onValueChange={(v) => { set('classification')(oneOf(CLASSIFICATIONS, v, 'PUBLICO')); }} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>{saving ? t('training.sessions.form.saving') : t('training.sessions.form.save')}</button>
          <Link to="/training" className="button">{t('common.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
