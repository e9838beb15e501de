import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CRIME_TYPES } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { ClassificationBadge } from '../../app/ui/classification-badge.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { exportUrl, listIncidents, type IncidentListFilter } from './incidents-api.ts';
import { useCrimeTypeNames } from './use-crime-type-names.ts';

const PAGE = 100;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const UBIGEO_RE = /^\d{2}(\d{2}(\d{2})?)?$/;

/**
 * Incidents the user may see, newest first, filtered by type, Lima days and UBIGEO (kept in the address, so a
 * filtered list can be shared and reloaded), with exports of the same filter as CSV or GeoJSON.
 */
export function IncidentsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { query } = useLocation();
  const filter: IncidentListFilter = {
    type: CRIME_TYPES.find((c) => c === query.get('type')),
    from: DAY_RE.test(query.get('from') ?? '') ? query.get('from')! : undefined,
    to: DAY_RE.test(query.get('to') ?? '') ? query.get('to')! : undefined,
    ubigeo: UBIGEO_RE.test(query.get('ubigeo') ?? '') ? query.get('ubigeo')! : undefined,
  };
  const offset = Math.max(0, Number.parseInt(query.get('offset') ?? '0', 10) || 0);
  const incidents = useResource(JSON.stringify({ filter, offset }), (signal) => listIncidents(filter, { limit: PAGE, offset }, signal));
  const typeName = useCrimeTypeNames();
  const applied = { type: filter.type ?? '', from: filter.from ?? '', to: filter.to ?? '', ubigeo: filter.ubigeo ?? '' };
  const [draft, setDraft] = useState(applied);
  // The fields show the filter in the address whenever it changes (back and forward, the menu's link), not only at
  // the first visit; what is typed and not yet applied is kept until then.
  const appliedKey = JSON.stringify(applied);
  const [shownKey, setShownKey] = useState(appliedKey);
  if (shownKey !== appliedKey) {
    setShownKey(appliedKey);
    setDraft(applied);
  }

  const go = (next: Record<string, string | number | undefined>): void => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value !== undefined && value !== '' && value !== 0) params.set(key, String(value));
    const search = params.toString();
    // A new entry in the history: the browser's back button returns to the previous filter or page.
    navigate(search ? `/incidents?${search}` : '/incidents');
  };
  const apply = (event: FormEvent): void => {
    event.preventDefault();
    go({ type: draft.type, from: draft.from, to: draft.to, ubigeo: draft.ubigeo.trim() });
  };
  const total = incidents.data?.total ?? 0;
  const items = incidents.data?.items ?? [];

  return (
    <section>
      <PageHeader
        title={t('incidents.title')}
        actions={<>
          <Link to="/incidents/crime-types" className="button">{t('crimeMappings.link')}</Link>
          {can(session, 'incident:write') && <Link to="/incidents/new" className="button button-primary">{t('incidents.new')}</Link>}
        </>}
      >
        <p className="muted">{t('incidents.intro')}</p>
      </PageHeader>
      <form className="filters" role="search" onSubmit={apply}>
        <SelectField
          label={t('incidents.filters.type')}
          value={draft.type}
          options={[{ value: '', label: t('incidents.filters.all') }, ...CRIME_TYPES.map((c) => ({ value: c, label: typeName(c) }))]}
          onValueChange={(type) => { setDraft({ ...draft, type }); }}
        />
        <TextField label={t('incidents.filters.from')} type="date" value={draft.from} onValueChange={(from) => { setDraft({ ...draft, from }); }} />
        <TextField label={t('incidents.filters.to')} type="date" value={draft.to} onValueChange={(to) => { setDraft({ ...draft, to }); }} />
        <TextField label={t('incidents.filters.ubigeo')} value={draft.ubigeo} inputMode="numeric" maxLength={6} onValueChange={(ubigeo) => { setDraft({ ...draft, ubigeo }); }} />
        <div className="form-actions">
          <button type="submit" className="button">{t('incidents.filters.apply')}</button>
          <button type="button" className="button" onClick={() => { setDraft({ type: '', from: '', to: '', ubigeo: '' }); go({}); }}>{t('incidents.filters.clear')}</button>
        </div>
      </form>
      <p className="incident-export">
        {t('incidents.export.label')}: <a href={exportUrl(filter, 'csv')} download>{t('incidents.export.csv')}</a> · <a href={exportUrl(filter, 'geojson')} download>{t('incidents.export.geojson')}</a>
      </p>
      {incidents.error !== null && <Alert kind="error">{errorMessage(incidents.error)}</Alert>}
      {incidents.loading && !incidents.data && <Loading />}
      {incidents.data && items.length === 0 && <p className="empty">{t('incidents.empty')}</p>}
      {items.length > 0 && (
        <>
          <table className="data-table">
            <caption className="visually-hidden">{t('incidents.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('incidents.columns.occurredAt')}</th>
                <th scope="col">{t('incidents.columns.type')}</th>
                <th scope="col">{t('incidents.columns.ubigeo')}</th>
                <th scope="col">{t('incidents.columns.address')}</th>
                <th scope="col">{t('incidents.columns.source')}</th>
                <th scope="col">{t('incidents.columns.classification')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td><Link to={`/incidents/${i.id}`} aria-label={`${t('incidentDetail.open')}: ${formatDateTime(i.occurredAt)}`}>{formatDateTime(i.occurredAt)}</Link></td>
                  <td>{typeName(i.crimeType)}{i.exercise && <> <span className="badge badge-exercise">{t('incidents.exercise')}</span></>}</td>
                  <td>{i.ubigeo ?? '—'}</td>
                  <td>{i.address ?? '—'}</td>
                  <td>{i.source}</td>
                  <td><ClassificationBadge value={i.classification} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions" aria-label={t('incidents.total', { total })}>
            <button type="button" className="button" disabled={offset === 0} onClick={() => { go({ ...filterQuery(filter), offset: Math.max(0, offset - PAGE) }); }}>{t('incidents.page.previous')}</button>
            <span>{t('incidents.page.range', { from: offset + 1, to: offset + items.length, total })}</span>
            <button type="button" className="button" disabled={offset + items.length >= total} onClick={() => { go({ ...filterQuery(filter), offset: offset + PAGE }); }}>{t('incidents.page.next')}</button>
          </div>
        </>
      )}
    </section>
  );
}

/** The filter as the screen's address keeps it. */
const filterQuery = (f: IncidentListFilter): Record<string, string | undefined> => ({ type: f.type, from: f.from, to: f.to, ubigeo: f.ubigeo });
