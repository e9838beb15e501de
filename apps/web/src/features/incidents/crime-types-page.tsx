import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CRIME_TYPES, normalizeLocalCode, type TCrimeTypeMapping } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { Link } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { useSubmission } from '../../app/use-submission.ts';
import { Alert } from '../../app/ui/alert.tsx';
import type { FieldErrors } from '../../app/ui/form-errors.ts';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import {
  checkMappingDraft,
  draftOf,
  emptyMappingDraft,
  groupMappings,
  sourceSystems,
  type MappingDraft,
  type MappingFilter,
} from './crime-mappings-model.ts';
import { getCrimeTypes, putCrimeTypeMapping, removeCrimeTypeMapping } from './incidents-api.ts';
import { useCrimeTypeNames } from './use-crime-type-names.ts';
import './incidents.css';

/**
 * The table that maps each source system's local crime codes to Enlace's crime types, by source system with a
 * filter. Users with `incident:mapping:write` add a row, change one's type or note, or remove one (the server refuses
 * a row that records use, with the count, and the screen shows its message).
 */
export function CrimeTypesPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  // The server's rule: the permission, and the PNP's staff or a platform administrator (the classification is the PNP's).
  const canEdit = can(session, 'incident:mapping:write') && session !== null && (session.user.role === 'admin' || session.user.agency === 'PNP');
  const typeName = useCrimeTypeNames();
  const [version, setVersion] = useState(0);
  const catalogue = useResource(`crime-types:${version}`, (signal) => getCrimeTypes(signal));
  const [filter, setFilter] = useState<MappingFilter>({ system: '', text: '' });
  const [draft, setDraft] = useState<MappingDraft>(emptyMappingDraft());
  const [editing, setEditing] = useState<TCrimeTypeMapping | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, errors, setErrors, send } = useSubmission();

  const mappings = catalogue.data?.mappings ?? [];
  const groups = groupMappings(mappings, filter, typeName);

  const reset = (): void => {
    setDraft(emptyMappingDraft());
    setEditing(null);
    setFields({});
  };
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setNotice(null);
    setErrors([]);
    const checked = checkMappingDraft(draft, { sourceSystem: t('crimeMappings.badSystem'), localCode: t('crimeMappings.badCode') });
    setFields(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    await send(async () => {
      const saved = await putCrimeTypeMapping(checked.value);
      setNotice(t('crimeMappings.saved', { system: saved.sourceSystem, code: saved.localCode }));
      reset();
      setVersion((v) => v + 1);
    });
  };
  const remove = async (m: TCrimeTypeMapping): Promise<void> => {
    if (!window.confirm(t('crimeMappings.confirmRemove', { system: m.sourceSystem, code: m.localCode }))) return;
    setNotice(null);
    setErrors([]);
    await send(async () => {
      await removeCrimeTypeMapping({ sourceSystem: m.sourceSystem, localCode: m.localCode });
      setNotice(t('crimeMappings.removed', { system: m.sourceSystem, code: m.localCode }));
      if (editing?.sourceSystem === m.sourceSystem && editing.localCode === m.localCode) reset();
      setVersion((v) => v + 1);
    });
  };

  return (
    <section className="crime-mappings">
      <Link to="/incidents" className="back-link">← {t('incidents.title')}</Link>
      <PageHeader title={t('crimeMappings.title')}>
        <p className="muted">{t('crimeMappings.intro')}</p>
        {!canEdit && <p className="muted">{t('crimeMappings.readOnly')}</p>}
      </PageHeader>
      {errors.length > 0 && <Alert kind="error"><ul>{errors.map((e) => <li key={e}>{e}</li>)}</ul></Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {canEdit && (
        <form className="card form-grid" aria-labelledby="mapping-form-title" onSubmit={(e) => { void submit(e); }} noValidate>
          <h2 id="mapping-form-title">
            {editing ? t('crimeMappings.formEdit', { system: editing.sourceSystem, code: editing.localCode }) : t('crimeMappings.formAdd')}
          </h2>
          <TextField
            label={t('crimeMappings.sourceSystem')}
            value={draft.sourceSystem}
            maxLength={32}
            readOnly={editing !== null}
            hint={t('crimeMappings.sourceSystemHint')}
            error={fields.sourceSystem}
            onValueChange={(sourceSystem) => { setDraft({ ...draft, sourceSystem }); }}
          />
          <TextField
            label={t('crimeMappings.localCode')}
            value={draft.localCode}
            maxLength={200}
            readOnly={editing !== null}
            hint={draft.localCode.trim() ? t('crimeMappings.storedAs', { code: normalizeLocalCode(draft.localCode) }) : undefined}
            error={fields.localCode}
            onValueChange={(localCode) => { setDraft({ ...draft, localCode }); }}
          />
          <SelectField
            label={t('crimeMappings.crimeType')}
            value={draft.crimeType}
            error={fields.crimeType}
            options={[{ value: '', label: '—' }, ...CRIME_TYPES.map((c) => ({ value: c, label: typeName(c) }))]}
            onValueChange={(v) => { setDraft({ ...draft, crimeType: CRIME_TYPES.find((c) => c === v) ?? '' }); }}
          />
          <TextField label={t('crimeMappings.note')} value={draft.note} maxLength={500} error={fields.note} onValueChange={(note) => { setDraft({ ...draft, note }); }} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('crimeMappings.saving') : t('crimeMappings.save')}</button>
            {editing && <button type="button" className="button" onClick={reset}>{t('crimeMappings.cancel')}</button>}
          </div>
        </form>
      )}
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); }}>
        <SelectField
          label={t('crimeMappings.filterSystem')}
          value={filter.system}
          options={[{ value: '', label: t('crimeMappings.allSystems') }, ...sourceSystems(mappings).map((s) => ({ value: s, label: s }))]}
          onValueChange={(system) => { setFilter({ ...filter, system }); }}
        />
        <TextField label={t('crimeMappings.filterText')} type="search" value={filter.text} onValueChange={(text) => { setFilter({ ...filter, text }); }} />
      </form>
      {catalogue.error !== null && <Alert kind="error">{errorMessage(catalogue.error)}</Alert>}
      {catalogue.loading && !catalogue.data && <Loading />}
      {catalogue.data && groups.length === 0 && <p className="empty">{t('crimeMappings.empty')}</p>}
      {groups.map((g) => (
        <section key={g.system} aria-labelledby={`mappings-${g.system}`}>
          <h2 id={`mappings-${g.system}`}>{g.system} <span className="muted">({t('crimeMappings.count', { count: g.rows.length })})</span></h2>
          <table className="data-table">
            <caption className="visually-hidden">{t('crimeMappings.caption', { system: g.system })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('crimeMappings.columns.localCode')}</th>
                <th scope="col">{t('crimeMappings.columns.crimeType')}</th>
                <th scope="col">{t('crimeMappings.columns.note')}</th>
                {canEdit && <th scope="col">{t('crimeMappings.columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {g.rows.map((m) => (
                <tr key={m.localCode}>
                  <td>{m.localCode}</td>
                  <td>{typeName(m.crimeType)}</td>
                  <td>{m.note ?? '—'}</td>
                  {canEdit && (
                    <td>
                      <RowActions
                        mapping={m}
                        busy={busy}
                        onEdit={() => { setEditing(m); setDraft(draftOf(m)); setFields({}); setNotice(null); window.scrollTo(0, 0); }}
                        onRemove={() => { void remove(m); }}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}

/** Change and remove buttons of one row, named with the row for screen readers. */
function RowActions({ mapping, busy, onEdit, onRemove }: { mapping: TCrimeTypeMapping; busy: boolean; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const name = `${mapping.sourceSystem} / ${mapping.localCode}`;
  return (
    <div className="row-actions">
      <button type="button" className="button" aria-label={`${t('crimeMappings.edit')} ${name}`} onClick={onEdit}>{t('crimeMappings.edit')}</button>
      <button type="button" className="button" disabled={busy} aria-label={`${t('crimeMappings.remove')} ${name}`} onClick={onRemove}>
        {t('crimeMappings.remove')}
      </button>
    </div>
  );
}
