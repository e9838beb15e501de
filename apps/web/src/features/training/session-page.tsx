import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TRAINING_RESULTS, type TTrainingRecord, type TTrainingSession } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { CheckboxField } from '../../app/ui/checkbox-field.tsx';
import { ClassificationBadge } from '../../app/ui/classification-badge.tsx';
import type { FieldErrors } from '../../app/ui/form-errors.ts';
import { Loading } from '../../app/ui/loading.tsx';
import { oneOf } from '../../app/ui/options.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { getUnit, listCourses, listMembers } from '../forces/forces-api.ts';
import '../forces/forces.css';
import { checkRecordRows, recordRows, type RecordRow } from './session-draft.ts';
import { mayWriteTraining } from './training-access.ts';
import { getSession, recordResults } from './training-api.ts';
import './training.css';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return <div className="details-row"><dt>{label}</dt><dd>{children}</dd></div>;
}

/** The certificates issued from the session's passed results, each linked to its page. */
function IssuedCertificates({ records }: { records: readonly TTrainingRecord[] }) {
  const { t } = useTranslation();
  const issued = records.filter((r) => r.certificateId !== null);
  return (
    <section className="card" aria-labelledby="session-certificates">
      <h2 id="session-certificates">{t('training.issued.title')} ({issued.length})</h2>
      {issued.length === 0 ? <p className="muted">{t('training.issued.empty')}</p> : (
        <ul>
          {issued.map((r) => (
            <li key={r.id}><Link to={`/training/certificates/${r.certificateId ?? ''}`}>{t('training.issued.open', { name: r.personName })}</Link></li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Attendance and results as recorded, for users who may only read them. */
function RecordsView({ records }: { records: readonly TTrainingRecord[] }) {
  const { t } = useTranslation();
  if (records.length === 0) return <p className="muted">{t('training.records.noMembers')}</p>;
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('training.records.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('training.records.member')}</th>
          <th scope="col">{t('training.records.attended')}</th>
          <th scope="col">{t('training.records.result')}</th>
          <th scope="col">{t('training.records.score')}</th>
          <th scope="col">{t('training.records.remarks')}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.personName}</th>
            <td>{r.attended ? t('common.yes') : t('common.no')}</td>
            <td>{r.result ? t(`training.records.results.${r.result}`) : '—'}</td>
            <td>{r.score ?? '—'}</td>
            <td>{r.remarks ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The sheet of attendance and results: the members already recorded and the organising unit's others. Saved all or
 * nothing; the server issues a certificate to each member who passed and answers the records as stored.
 */
function RecordsForm({ session, records, onSaved }: { session: TTrainingSession; records: readonly TTrainingRecord[]; onSaved: (records: TTrainingRecord[]) => void }) {
  const { t } = useTranslation();
  const members = useResource(`training-session-members:${session.unitId}`, (signal) => listMembers(session.unitId, signal));
  const [edited, setEdited] = useState<RecordRow[] | null>(null);
  const [complete, setComplete] = useState(session.status === 'completed');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const people = (members.data?.items ?? []).map((p) => ({ id: p.id, name: `${p.rank} ${p.givenNames} ${p.familyNames}` }));
  const rows = edited ?? recordRows(people, records);
  const setRow = (personId: string, patch: Partial<RecordRow>): void => {
    setSaved(false);
    setEdited(rows.map((r) => (r.personId === personId ? { ...r, ...patch } : r)));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const checked = checkRecordRows(rows, { complete });
    setErrors(checked.ok ? {} : checked.errors);
    setFailure(null);
    setSaved(false);
    if (!checked.ok) return;
    setSaving(true);
    try {
      const stored = await recordResults(session.id, checked.value);
      setEdited(null);
      onSaved(stored.records);
      setSaved(true);
    } catch (cause) {
      setFailure(errorMessage(cause));
    } finally {
      setSaving(false);
    }
  };

  const messages = [...Object.values(errors), ...(failure ? [failure] : [])].filter((m): m is string => m !== undefined);
  return (
    <form className="records-form" onSubmit={(e) => { void submit(e); }} noValidate>
      <p className="muted small">{t('training.records.intro')}</p>
      {members.error !== null && <Alert kind="error">{errorMessage(members.error)}</Alert>}
      {members.loading && !members.data && <Loading />}
      {members.data && rows.length === 0 && <p className="muted">{t('training.records.noMembers')}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table records-table">
            <caption className="visually-hidden">{t('training.records.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('training.records.member')}</th>
                <th scope="col">{t('training.records.attended')}</th>
                <th scope="col">{t('training.records.result')}</th>
                <th scope="col">{t('training.records.score')}</th>
                <th scope="col">{t('training.records.remarks')}</th>
                <th scope="col">{t('training.records.certificate')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.personId} className={errors[r.personId] ? 'row-selected' : undefined}>
                  <th scope="row">{r.name}</th>
                  <td>
                    <input type="checkbox" aria-label={t('training.records.attendedOf', { name: r.name })} checked={r.attended} onChange={(e) => { setRow(r.personId, { attended: e.target.checked }); }} />
                  </td>
                  <td>
                    <select aria-label={t('training.records.resultOf', { name: r.name })} value={r.result} aria-invalid={errors[r.personId] ? true : undefined}
                      onChange={(e) => { setRow(r.personId, { result: oneOf<RecordRow['result']>(['', ...TRAINING_RESULTS], e.target.value, '') }); }}>
                      <option value="">{t('training.records.noResult')}</option>
                      {TRAINING_RESULTS.map((v) => <option key={v} value={v}>{t(`training.records.results.${v}`)}</option>)}
                    </select>
                  </td>
                  <td><input type="text" inputMode="decimal" size={5} aria-label={t('training.records.scoreOf', { name: r.name })} value={r.score} onChange={(e) => { setRow(r.personId, { score: e.target.value }); }} /></td>
                  <td><input type="text" maxLength={2000} aria-label={t('training.records.remarksOf', { name: r.name })} value={r.remarks} onChange={(e) => { setRow(r.personId, { remarks: e.target.value }); }} /></td>
                  <td>{r.certificateId ? <Link to={`/training/certificates/${r.certificateId}`}>{t('training.issued.open', { name: r.name })}</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CheckboxField label={t('training.records.complete')} checked={complete} onCheckedChange={setComplete} />
      {messages.length > 0 && <Alert kind="error"><ul>{messages.map((m) => <li key={m}>{m}</li>)}</ul></Alert>}
      {saved && <Alert kind="success">{t('training.records.saved')}</Alert>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || rows.length === 0}>{saving ? t('training.records.saving') : t('training.records.save')}</button>
      </div>
    </form>
  );
}

/**
 * One training session: course, organising unit, days, place, trainers and seats; its attendance and results (a
 * sheet to record them for users of the organising agency who may write training) and the certificates issued.
 */
export function SessionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session: user } = useSession();
  const resource = useResource(`training-session:${id}`, (signal) => getSession(id, signal));
  const courses = useResource('training-courses', (signal) => listCourses(signal));
  const unitId = resource.data?.session.unitId ?? '';
  const unit = useResource(`training-session-unit:${unitId}`, (signal) => (unitId && can(user, 'unit:read') ? getUnit(unitId, signal) : Promise.resolve(null)));
  const [fresh, setFresh] = useState<TTrainingRecord[] | null>(null);
  const back = <Link to="/training" className="back-link">{t('training.sessions.back')}</Link>;
  if (resource.error !== null) return <section>{back}<Alert kind="error">{errorMessage(resource.error)}</Alert></section>;
  if (!resource.data) return <Loading />;
  const s = resource.data.session;
  const records = fresh ?? resource.data.records;
  const course = courses.data?.items.find((c) => c.code === s.courseCode);
  const courseName = course ? (currentLanguage() === 'es' ? course.nameEs : course.nameEn) : s.courseCode;
  const mayRecord = mayWriteTraining(user, s) && s.status !== 'cancelled';
  const onSaved = (stored: TTrainingRecord[]): void => {
    setFresh(stored);
    resource.reload();
  };
  return (
    <section className="training-session">
      {back}
      <PageHeader title={s.title} actions={<span className={`badge session-status-${s.status}`}>{t(`forces.calendar.status.${s.status}`)}</span>} />
      <dl className="details">
        <Row label={t('training.sessions.detail.course')}>{`${courseName} (${s.courseCode})`}</Row>
        <Row label={t('training.sessions.detail.unit')}>{unit.data ? <Link to={`/units/${s.unitId}`}>{unit.data.name}</Link> : s.unitId}</Row>
        <Row label={t('training.sessions.detail.period')}>{s.startsOn === s.endsOn ? s.startsOn : `${s.startsOn} – ${s.endsOn}`}</Row>
        <Row label={t('training.sessions.detail.location')}>{s.location}</Row>
        <Row label={t('training.sessions.detail.district')}>{s.ubigeo ?? '—'}</Row>
        <Row label={t('training.sessions.detail.trainers')}>{s.trainers.join(', ')}</Row>
        <Row label={t('training.sessions.detail.attendance')}>{t('forces.calendar.attendance', { enrolled: s.enrolled, capacity: s.capacity, passed: s.passed })}</Row>
        <Row label={t('units.fields.classification')}><ClassificationBadge value={s.classification} /></Row>
      </dl>
      <section className="card" aria-labelledby="session-records">
        <h2 id="session-records">{t('training.records.title')}</h2>
        {s.status === 'cancelled' && <Alert kind="info">{t('training.records.cancelled')}</Alert>}
        {mayRecord ? <RecordsForm key={s.id} session={s} records={records} onSaved={onSaved} /> : (
          <>
            {s.status !== 'cancelled' && <p className="muted small">{t('training.records.readOnly')}</p>}
            <RecordsView records={records} />
          </>
        )}
      </section>
      <IssuedCertificates records={records} />
    </section>
  );
}
