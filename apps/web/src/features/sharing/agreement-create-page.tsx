import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_CODES, CLASSIFICATIONS, SHAREABLE_FIELDS } from '@enlace/contracts';
import type { TAgencyCode, TAgreement, TClassification, TShareableField } from '@enlace/contracts';
import { BASIS_KINDS } from '@enlace/rules';
import { errorMessage } from '../../app/api.ts';
import { useSubmission } from '../../app/use-submission.ts';
import { limaToday } from '../../app/lima-time.ts';
import { Link, navigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { CheckboxField } from '../../app/ui/checkbox-field.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { classificationOptions, oneOf } from '../../app/ui/options.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { listJointExercises } from '../forces/forces-api.ts';
import { listAllInstruments } from '../legal/legal-api.ts';
import { exerciseSummary } from './agreement-basis.tsx';
import { exerciseBases } from './exercise-bases.ts';
import { createAgreement } from './sharing-api.ts';
import './sharing.css';

const BASES = new Set<string>(BASIS_KINDS);

type TBasisChoice = TAgreement['basisKind'];
const BASIS_CHOICES: readonly TBasisChoice[] = ['instrument', 'exercise'];

/** What the agreement rests on, as a radio group. */
function BasisChoice({ value, onValueChange }: { value: TBasisChoice; onValueChange: (value: TBasisChoice) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="sharing-fields">
      <legend>{t('sharing.create.basis')}</legend>
      {BASIS_CHOICES.map((kind) => (
        <div key={kind} className="field field-checkbox">
          <input id={`${id}-${kind}`} type="radio" name={`${id}-basis`} checked={value === kind} onChange={() => { onValueChange(kind); }} />
          <label htmlFor={`${id}-${kind}`}>{t(`sharing.basis.${kind}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * Opens a sharing agreement over a legal instrument the user may read (a state-of-emergency decree, an extension or a
 * supreme resolution, in force or to come) or over a joint exercise of both agencies (then only exercise data is
 * shared): the recipient agency, the fields shared and, optionally, a shorter period. The server checks it against
 * its basis as it stands and answers a refusal with its legal reason.
 */
export function AgreementCreatePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const own = session.user.agency;
  const instruments = useResource('sharing-bases', async (signal) => {
    const today = limaToday();
    return (await listAllInstruments(signal))
      // A revoked instrument gives no basis from its revocation day (the server would refuse it with the reason).
      .filter((i) => BASES.has(i.kind) && !i.exercise && i.validTo >= today && !(i.revocation && i.revocation.revokedOn <= today))
      .sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : a.id.localeCompare(b.id)));
  });
  const exercises = useResource('sharing-exercises', (signal) => listJointExercises(signal));
  const recipients = AGENCY_CODES.filter((code) => code !== own);
  const [title, setTitle] = useState('');
  const [recipient, setRecipient] = useState<TAgencyCode>(recipients.find((c) => c === 'CCFFAA') ?? recipients[0] ?? 'CCFFAA');
  const [basis, setBasis] = useState<TBasisChoice>('instrument');
  const [instrumentId, setInstrumentId] = useState('');
  const [exerciseId, setExerciseId] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [fields, setFields] = useState<TShareableField[]>(['crimeType', 'occurredAt', 'ubigeo']);
  const [maxClassification, setMaxClassification] = useState<TClassification>('RESERVADO');
  const [classification, setClassification] = useState<TClassification>('RESERVADO');
  const { busy, errors, setErrors, send } = useSubmission();
  const chosen = instrumentId || instruments.data?.[0]?.id || '';
  const offeredExercises = exerciseBases(exercises.data ?? [], { owner: own, recipient, today: limaToday() });
  // The offer follows the recipient: a choice it no longer includes falls back to the first one offered.
  const chosenExercise = offeredExercises.find((e) => e.id === exerciseId)?.id ?? offeredExercises[0]?.id ?? '';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const problems = [
      title.trim() === '' ? t('sharing.create.needTitle') : null,
      basis === 'instrument' && chosen === '' ? t('sharing.create.needInstrument') : null,
      basis === 'exercise' && chosenExercise === '' ? t('sharing.create.needExercise') : null,
      fields.length === 0 ? t('sharing.create.needFields') : null,
    ].filter((p): p is string => p !== null);
    setErrors(problems);
    if (problems.length > 0) return;
    await send(async () => {
      const created = await createAgreement({
        title: title.trim(),
        recipientAgency: recipient,
        ...(basis === 'instrument' ? { instrumentId: chosen } : { exerciseId: chosenExercise }),
        ...(validFrom ? { validFrom } : {}),
        ...(validTo ? { validTo } : {}),
        fields,
        maxClassification,
        classification,
      });
      navigate(`/sharing/${created.id}`);
    });
  };

  return (
    <section>
      <Link to="/sharing" className="back-link">← {t('sharing.back')}</Link>
      <PageHeader title={t('sharing.create.title')}>
        <p className="muted">{t('sharing.create.intro')}</p>
      </PageHeader>
      {basis === 'instrument' && (
        <>
          {instruments.error !== null && <Alert kind="error">{errorMessage(instruments.error)}</Alert>}
          {instruments.loading && !instruments.data && <Loading />}
          {instruments.data?.length === 0 && <Alert kind="info">{t('sharing.create.noInstruments')}</Alert>}
        </>
      )}
      {basis === 'exercise' && (
        <>
          {exercises.error !== null && <Alert kind="error">{errorMessage(exercises.error)}</Alert>}
          {exercises.loading && !exercises.data && <Loading />}
          {exercises.data && offeredExercises.length === 0 && <Alert kind="info">{t('sharing.create.noExercises', { recipient })}</Alert>}
        </>
      )}
      <form className="card form-grid" onSubmit={(e) => { void submit(e); }} noValidate>
        <TextField label={t('sharing.create.name')} value={title} maxLength={300} onValueChange={setTitle} />
        <SelectField
          label={t('sharing.create.recipient')}
          value={recipient}
          options={recipients.map((code) => ({ value: code, label: `${code} · ${t(`agency.${code}`)}` }))}
          onValueChange={(v) => { setRecipient(oneOf(recipients, v, recipient)); }}
        />
        <BasisChoice value={basis} onValueChange={setBasis} />
        {basis === 'instrument' ? (
          <SelectField
            label={t('sharing.create.instrument')}
            hint={t('sharing.create.instrumentHint')}
            value={chosen}
            options={(instruments.data ?? []).map((i) => ({ value: i.id, label: `${i.id} · ${t(`legal.kind.${i.kind}`)} · ${i.validFrom} – ${i.validTo}` }))}
            onValueChange={setInstrumentId}
          />
        ) : (
          <SelectField
            label={t('sharing.create.exercise')}
            hint={t('sharing.create.exerciseHint')}
            value={chosenExercise}
            options={offeredExercises.map((e) => ({ value: e.id, label: exerciseSummary(t, e) }))}
            onValueChange={setExerciseId}
          />
        )}
        <TextField
          label={t('sharing.create.validFrom')}
          type="date"
          value={validFrom}
          hint={t(basis === 'instrument' ? 'sharing.create.periodHint' : 'sharing.create.exercisePeriodHint')}
          onValueChange={setValidFrom}
        />
        <TextField label={t('sharing.create.validTo')} type="date" value={validTo} onValueChange={setValidTo} />
        <fieldset className="sharing-fields" aria-describedby="sharing-fields-hint">
          <legend>{t('sharing.create.fields')}</legend>
          {SHAREABLE_FIELDS.map((f) => (
            <CheckboxField
              key={f}
              label={t(`sharing.field.${f}`)}
              checked={fields.includes(f)}
              onCheckedChange={(on) => { setFields((now) => (on ? SHAREABLE_FIELDS.filter((x) => x === f || now.includes(x)) : now.filter((x) => x !== f))); }}
            />
          ))}
          <p id="sharing-fields-hint" className="field-hint">{t('sharing.create.fieldsHint')}</p>
        </fieldset>
        <SelectField
          label={t('sharing.create.maxClassification')}
          value={maxClassification}
          options={classificationOptions()}
          onValueChange={(v) => { setMaxClassification(oneOf(CLASSIFICATIONS, v, 'RESERVADO')); }}
        />
        <SelectField
          label={t('sharing.create.classification')}
          value={classification}
          options={classificationOptions()}
          onValueChange={(v) => { setClassification(oneOf(CLASSIFICATIONS, v, 'RESERVADO')); }}
        />
        {errors.length > 0 && <Alert kind="error"><ul>{errors.map((e) => <li key={e}>{e}</li>)}</ul></Alert>}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('sharing.create.saving') : t('sharing.create.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
