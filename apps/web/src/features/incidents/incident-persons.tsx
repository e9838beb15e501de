import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSuspect, TVictim } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { useSubmission } from '../../app/use-submission.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { CheckboxField } from '../../app/ui/checkbox-field.tsx';
import type { FieldErrors } from '../../app/ui/form-errors.ts';
import { Loading } from '../../app/ui/loading.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { addSuspect, addVictim, listPersons } from './incidents-api.ts';
import './incidents.css';
import {
  checkSuspectDraft,
  checkVictimDraft,
  emptySuspectDraft,
  emptyVictimDraft,
  personsAccess,
  type Sex,
  type SuspectDraft,
  type VictimDraft,
} from './incident-persons-model.ts';

/**
 * "Victims and persons under investigation" of an incident: personal data (Ley 29733) the API keeps apart. The lists
 * only for roles with `incident:person:read` (the server audits each read, and the screen says so); others see one
 * line saying the data is restricted and why. The add forms for `incident:person:write`. The server still decides per
 * incident (agency, classification): its refusals are shown as it words them.
 */
export function IncidentPersons({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const access = personsAccess(session.permissions);
  const [version, setVersion] = useState(0);

  return (
    <section className="card incident-persons" aria-labelledby="incident-persons-title">
      <h2 id="incident-persons-title">{t('incidentDetail.persons.title')}</h2>
      <p className="muted">{t('incidentDetail.persons.neverShared')}</p>
      {access.read
        ? <PersonsLists incidentId={incidentId} version={version} />
        : <p className="restricted-note">{t('incidentDetail.persons.restricted')}</p>}
      {access.write && !access.read && <p className="muted">{t('incidentDetail.persons.writeOnly')}</p>}
      {access.write && (
        <div className="form-columns">
          <VictimForm incidentId={incidentId} onSaved={() => { setVersion((v) => v + 1); }} />
          <SuspectForm incidentId={incidentId} onSaved={() => { setVersion((v) => v + 1); }} />
        </div>
      )}
    </section>
  );
}

function PersonsLists({ incidentId, version }: { incidentId: string; version: number }) {
  const { t } = useTranslation();
  const persons = useResource(`persons:${incidentId}:${version}`, (signal) => listPersons(incidentId, signal));
  return (
    <>
      <Alert kind="info">{t('incidentDetail.persons.audited')}</Alert>
      {persons.error !== null && <Alert kind="error">{errorMessage(persons.error)}</Alert>}
      {persons.loading && !persons.data && <Loading />}
      {persons.data && <VictimsTable victims={persons.data.victims} />}
      {persons.data && <SuspectsTable suspects={persons.data.suspects} />}
    </>
  );
}

function useSexLabel(): (sex: string | null) => string {
  const { t } = useTranslation();
  return (sex) => (sex === 'F' || sex === 'M' || sex === 'X' ? t(`incidentDetail.persons.sex.${sex}`) : t('common.none'));
}

function VictimsTable({ victims }: { victims: TVictim[] }) {
  const { t } = useTranslation();
  const sexLabel = useSexLabel();
  const none = t('common.none');
  return (
    <>
      <h3>{t('incidentDetail.persons.victims')}</h3>
      {victims.length === 0 ? <p className="empty">{t('incidentDetail.persons.noVictims')}</p> : (
        <table className="data-table">
          <caption className="visually-hidden">{t('incidentDetail.persons.victims')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incidentDetail.persons.columns.fullName')}</th>
              <th scope="col">{t('incidentDetail.persons.columns.documentId')}</th>
              <th scope="col">{t('incidentDetail.persons.columns.sex')}</th>
              <th scope="col">{t('incidentDetail.persons.columns.age')}</th>
              <th scope="col">{t('incidentDetail.persons.columns.notes')}</th>
              <th scope="col">{t('incidentDetail.persons.columns.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {victims.map((v) => (
              <tr key={v.id}>
                <td>{v.fullName ?? none}</td>
                <td>{v.documentId ?? none}</td>
                <td>{sexLabel(v.sex)}</td>
                <td>{v.age ?? none}</td>
                <td>{v.notes ?? none}</td>
                <td>{formatDateTime(v.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function SuspectsTable({ suspects }: { suspects: TSuspect[] }) {
  const { t } = useTranslation();
  const sexLabel = useSexLabel();
  const none = t('common.none');
  return (
    <>
      <h3>{t('incidentDetail.persons.suspects')}</h3>
      {suspects.length === 0 ? <p className="empty">{t('incidentDetail.persons.noSuspects')}</p> : (
        <table className="data-table">
          <caption className="visually-hidden">{t('incidentDetail.persons.suspects')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incidentDetail.persons.columns.fullName')}</th>
              <th scope="col">{t('incidentDetail.persons.columns.alias')}</th>
              <th scope="col">{t('incidentDetail.persons.columns.documentId')}</th>
              <th scope="col">{t('incidentDetail.persons.columns.sex')}</th>
              <th scope="col">{t('incidentDetail.persons.columns.age')}</th>
              <th scope="col">{t('incidentDetail.persons.columns.description')}</th>
              <th scope="col">{t('incidentDetail.persons.columns.detained')}</th>
              <th scope="col">{t('incidentDetail.persons.columns.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {suspects.map((s) => (
              <tr key={s.id}>
                <td>{s.fullName ?? none}</td>
                <td>{s.alias ?? none}</td>
                <td>{s.documentId ?? none}</td>
                <td>{sexLabel(s.sex)}</td>
                <td>{s.age ?? none}</td>
                <td>{s.description ?? none}</td>
                <td>{s.detained ? t('incidentDetail.persons.yes') : t('incidentDetail.persons.no')}</td>
                <td>{formatDateTime(s.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

const SEXES = ['F', 'M', 'X'] as const;

function SexField({ value, onChange }: { value: Sex; onChange: (sex: Sex) => void }) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('incidentDetail.persons.sexLabel')}
      value={value}
      options={[{ value: '', label: t('incidentDetail.persons.sexUnknown') }, ...SEXES.map((s) => ({ value: s, label: t(`incidentDetail.persons.sex.${s}`) }))]}
      onValueChange={(v) => { onChange(SEXES.find((s) => s === v) ?? ''); }}
    />
  );
}

/** The form's problems: the field messages plus the server's refusal, one list above the button. */
function Problems({ fields, errors }: { fields: FieldErrors; errors: string[] }) {
  const form = fields.form;
  const all = [...(form ? [form] : []), ...errors];
  return all.length > 0 ? <Alert kind="error"><ul>{all.map((e) => <li key={e}>{e}</li>)}</ul></Alert> : null;
}

function VictimForm({ incidentId, onSaved }: { incidentId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<VictimDraft>(emptyVictimDraft());
  const [fields, setFields] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const { busy, errors, setErrors, send } = useSubmission();
  const set = (patch: Partial<VictimDraft>): void => { setDraft({ ...draft, ...patch }); };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaved(false);
    setErrors([]);
    const checked = checkVictimDraft(draft);
    setFields(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    await send(async () => {
      await addVictim(incidentId, checked.value);
      setDraft(emptyVictimDraft());
      setSaved(true);
      onSaved();
    });
  };

  return (
    <form className="form-grid" aria-labelledby="add-victim-title" onSubmit={(e) => { void submit(e); }} noValidate>
      <h3 id="add-victim-title">{t('incidentDetail.persons.addVictim')}</h3>
      <TextField label={t('incidentDetail.persons.fullName')} value={draft.fullName} maxLength={200} error={fields.fullName} onValueChange={(fullName) => { set({ fullName }); }} />
      <TextField label={t('incidentDetail.persons.documentId')} value={draft.documentId} maxLength={32} error={fields.documentId} onValueChange={(documentId) => { set({ documentId }); }} />
      <SexField value={draft.sex} onChange={(sex) => { set({ sex }); }} />
      <TextField label={t('incidentDetail.persons.age')} value={draft.age} inputMode="numeric" maxLength={3} error={fields.age} onValueChange={(age) => { set({ age }); }} />
      <TextField label={t('incidentDetail.persons.notes')} value={draft.notes} maxLength={2000} error={fields.notes} onValueChange={(notes) => { set({ notes }); }} />
      <Problems fields={fields} errors={errors} />
      {saved && <Alert kind="success">{t('incidentDetail.persons.victimSaved')}</Alert>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('incidentDetail.persons.saving') : t('incidentDetail.persons.addVictim')}
        </button>
      </div>
    </form>
  );
}

function SuspectForm({ incidentId, onSaved }: { incidentId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SuspectDraft>(emptySuspectDraft());
  const [fields, setFields] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const { busy, errors, setErrors, send } = useSubmission();
  const set = (patch: Partial<SuspectDraft>): void => { setDraft({ ...draft, ...patch }); };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaved(false);
    setErrors([]);
    const checked = checkSuspectDraft(draft);
    setFields(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    await send(async () => {
      await addSuspect(incidentId, checked.value);
      setDraft(emptySuspectDraft());
      setSaved(true);
      onSaved();
    });
  };

  return (
    <form className="form-grid" aria-labelledby="add-suspect-title" onSubmit={(e) => { void submit(e); }} noValidate>
      <h3 id="add-suspect-title">{t('incidentDetail.persons.addSuspect')}</h3>
      <TextField label={t('incidentDetail.persons.fullName')} value={draft.fullName} maxLength={200} error={fields.fullName} onValueChange={(fullName) => { set({ fullName }); }} />
      <TextField label={t('incidentDetail.persons.alias')} value={draft.alias} maxLength={200} error={fields.alias} onValueChange={(alias) => { set({ alias }); }} />
      <TextField label={t('incidentDetail.persons.documentId')} value={draft.documentId} maxLength={32} error={fields.documentId} onValueChange={(documentId) => { set({ documentId }); }} />
      <SexField value={draft.sex} onChange={(sex) => { set({ sex }); }} />
      <TextField label={t('incidentDetail.persons.age')} value={draft.age} inputMode="numeric" maxLength={3} error={fields.age} onValueChange={(age) => { set({ age }); }} />
      <TextField label={t('incidentDetail.persons.description')} value={draft.description} maxLength={2000} error={fields.description} onValueChange={(description) => { set({ description }); }} />
      <CheckboxField label={t('incidentDetail.persons.detained')} checked={draft.detained} onCheckedChange={(detained) => { set({ detained }); }} />
      <Problems fields={fields} errors={errors} />
      {saved && <Alert kind="success">{t('incidentDetail.persons.suspectSaved')}</Alert>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('incidentDetail.persons.saving') : t('incidentDetail.persons.addSuspect')}
        </button>
      </div>
    </form>
  );
}
