import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, CRIME_TYPES } from '@enlace/contracts';
import type { TClassification, TCrimeType } from '@enlace/contracts';
import { useSubmission } from '../../app/use-submission.ts';
import { LIMA_OFFSET } from '../../app/lima-time.ts';
import { Link } from '../../app/router.tsx';
import { Alert } from '../../app/ui/alert.tsx';
import { CheckboxField } from '../../app/ui/checkbox-field.tsx';
import { classificationOptions, oneOf } from '../../app/ui/options.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { createIncident } from './incidents-api.ts';
import { useCrimeTypeNames } from './use-crime-type-names.ts';

/** A coordinate typed by hand, within its range, or null. */
function coordinate(text: string, limit: number): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

/**
 * Records one incident of the user's agency by hand: type, Lima time, point (the server finds the district),
 * address, description, classification, and whether it comes from an exercise. The answer names the district found.
 */
export function IncidentCreatePage() {
  const { t } = useTranslation();
  const typeName = useCrimeTypeNames();
  const [type, setType] = useState<TCrimeType | ''>('');
  const [occurredAt, setOccurredAt] = useState('');
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const [address, setAddress] = useState('');
  const [description, setDescription] = useState('');
  const [classification, setClassification] = useState<TClassification>('RESERVADO');
  const [exercise, setExercise] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, errors, setErrors, send } = useSubmission();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const x = coordinate(lon, 180);
    const y = coordinate(lat, 90);
    const problems = [
      type === '' ? t('incidents.create.needType') : null,
      occurredAt === '' ? t('incidents.create.needTime') : null,
      x === null || y === null ? t('incidents.create.needLocation') : null,
    ].filter((p): p is string => p !== null);
    setErrors(problems);
    setSaved(null);
    if (problems.length > 0 || type === '' || x === null || y === null) return;
    await send(async () => {
      const stored = await createIncident({
        crimeType: type,
        occurredAt: `${occurredAt.length === 16 ? `${occurredAt}:00` : occurredAt}${LIMA_OFFSET}`,
        location: { lon: x, lat: y },
        ...(address.trim() ? { address: address.trim() } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
        classification,
        exercise,
      });
      setSaved(stored.ubigeo ? t('incidents.create.saved', { ubigeo: stored.ubigeo }) : t('incidents.create.savedOutside'));
      setAddress('');
      setDescription('');
    });
  };

  return (
    <section>
      <Link to="/incidents" className="back-link">← {t('incidents.title')}</Link>
      <PageHeader title={t('incidents.create.title')}>
        <p className="muted">{t('incidents.create.intro')}</p>
      </PageHeader>
      <form className="card form-grid" onSubmit={(e) => { void submit(e); }} noValidate>
        <SelectField
          label={t('incidents.create.type')}
          value={type}
          options={[{ value: '', label: '—' }, ...CRIME_TYPES.map((c) => ({ value: c, label: typeName(c) }))]}
          onValueChange={(v) => { setType(CRIME_TYPES.find((c) => c === v) ?? ''); }}
        />
        <TextField label={t('incidents.create.occurredAt')} type="datetime-local" value={occurredAt} onValueChange={setOccurredAt} />
        <TextField label={t('incidents.create.lon')} inputMode="decimal" value={lon} hint={t('incidents.create.locationHint')} onValueChange={setLon} />
        <TextField label={t('incidents.create.lat')} inputMode="decimal" value={lat} onValueChange={setLat} />
        <TextField label={t('incidents.create.address')} value={address} maxLength={500} onValueChange={setAddress} />
        <div className="field">
          <label htmlFor="incident-description">{t('incidents.create.description')}</label>
          <textarea id="incident-description" rows={3} maxLength={4000} value={description} onChange={(e) => { setDescription(e.target.value); }} />
        </div>
        <SelectField
          label={t('incidents.create.classification')}
          value={classification}
          options={classificationOptions()}
          onValueChange={(v) => { setClassification(oneOf(CLASSIFICATIONS, v, 'RESERVADO')); }}
        />
        <CheckboxField label={t('incidents.create.exercise')} checked={exercise} onCheckedChange={setExercise} />
        {errors.length > 0 && <Alert kind="error"><ul>{errors.map((e) => <li key={e}>{e}</li>)}</ul></Alert>}
        {saved && <Alert kind="success">{saved}</Alert>}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('incidents.create.saving') : t('incidents.create.save')}</button>
        </div>
      </form>
    </section>
  );
}
