import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_CODES, FORCES } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useDebounced } from '../../app/use-debounced.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { agencyOptions, forceOptions, oneOf } from '../../app/ui/options.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { listUnits } from './units-api.ts';
import { UnitsPager } from './units-pager.tsx';
import { UnitsTable } from './units-table.tsx';

const PAGE_SIZE = 50;

/** Units list with a search by name and filters by force and agency; filters and page live in the URL so Back works. */
export function UnitsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { query } = useLocation();
  const force = FORCES.find((f) => f === query.get('force'));
  const agency = AGENCY_CODES.find((a) => a === query.get('agency'));
  const q = (query.get('q') ?? '').trim().slice(0, 100) || undefined;
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const filter = { force, agency, q, limit: PAGE_SIZE, offset };
  const units = useResource(JSON.stringify(filter), (signal) => listUnits(filter, signal));

  const go = (changes: Record<string, string | number | undefined>, options: { replace?: boolean } = {}): void => {
    const next = new URLSearchParams();
    const merged = { force, agency, q, offset: 0, ...changes };
    for (const [key, value] of Object.entries(merged)) if (value) next.set(key, String(value));
    const search = next.toString();
    navigate(search ? `/units?${search}` : '/units', options);
  };
  // The search box asks once the typing pauses, and replaces the history entry rather than adding one per word.
  const [typed, setTyped] = useState(q ?? '');
  const settled = useDebounced(typed.trim(), 300);
  useEffect(() => {
    if ((settled || undefined) !== q) go({ q: settled || undefined }, { replace: true });
  }, [settled]);
  // Back and Forward bring their own search into the box.
  useEffect(() => {
    if ((q ?? '') !== typed.trim()) setTyped(q ?? '');
  }, [q]);

  const allOption = { value: '', label: t('common.all') };
  return (
    <section>
      <PageHeader
        title={t('units.title')}
        actions={can(session, 'unit:write') && <Link to="/units/new" className="button button-primary">{t('units.create')}</Link>}
      >
        {units.data && <p className="muted">{t('units.total', { count: units.data.total })}</p>}
      </PageHeader>
      <div className="filters" role="search">
        <TextField label={t('units.picker.search')} type="search" value={typed} onValueChange={setTyped} maxLength={100} />
        <SelectField
          label={t('units.fields.force')}
          value={force ?? ''}
          options={[allOption, ...forceOptions()]}
          onValueChange={(v) => { go({ force: v ? oneOf(FORCES, v, 'PNP') : undefined }); }}
        />
        <SelectField
          label={t('units.fields.agency')}
          value={agency ?? ''}
          options={[allOption, ...agencyOptions()]}
          onValueChange={(v) => { go({ agency: v ? oneOf(AGENCY_CODES, v, 'PNP') : undefined }); }}
        />
      </div>
      {units.error !== null && <Alert kind="error">{errorMessage(units.error)}</Alert>}
      {units.loading && !units.data && <Loading />}
      {units.data && (
        <>
          <UnitsTable units={units.data.items} />
          <UnitsPager
            offset={offset}
            pageSize={PAGE_SIZE}
            shown={units.data.items.length}
            total={units.data.total}
            onPage={(next) => { go({ offset: next }); }}
          />
        </>
      )}
    </section>
  );
}
