import { useTranslation } from 'react-i18next';
import { INSTRUMENT_KINDS, LEGAL_SCENARIOS } from '@enlace/rules';
import { errorMessage } from '../../app/api.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { Alert } from '../../app/ui/alert.tsx';
import { ClassificationBadge } from '../../app/ui/classification-badge.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { SelectField } from '../../app/ui/select-field.tsx';
import { TextField } from '../../app/ui/text-field.tsx';
import { daysBetween, effectiveTo, isExpiring, limaToday, validityOn, type TValidity } from './instrument-model.ts';
import type { TInstrumentRecord } from './legal-api.ts';
import { LegalTabs } from './legal-tabs.tsx';
import { useRegistry } from './use-registry.ts';
import './legal.css';

const VALIDITIES = ['in_force', 'expiring', 'upcoming', 'expired', 'revoked'] as const;
type TValidityFilter = (typeof VALIDITIES)[number];

interface Filter {
  q: string;
  kind: string;
  scenario: string;
  validity: string;
}

function matches(i: TInstrumentRecord, f: Filter, today: string, alertDays: number): boolean {
  if (f.kind && i.kind !== f.kind) return false;
  if (f.scenario && i.scenario !== f.scenario) return false;
  if (f.validity) {
    const v: TValidity = validityOn(i, today);
    if (f.validity === 'expiring' ? !isExpiring(i, today, alertDays) : v !== f.validity) return false;
  }
  const q = f.q.trim().toLowerCase();
  if (q) {
    const text = [i.id, i.number, i.title, ...(i.area?.ubigeo ?? []), i.pnpCoordinatingAuthority].filter(Boolean).join(' ').toLowerCase();
    if (!text.includes(q)) return false;
  }
  return true;
}

/** The instrument registry as a list, with filters (kept in the URL so Back works) and expiry highlighted. */
export function InstrumentsPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const registry = useRegistry();
  const today = limaToday();
  const filter: Filter = {
    q: query.get('q') ?? '',
    kind: INSTRUMENT_KINDS.find((k) => k === query.get('kind')) ?? '',
    scenario: LEGAL_SCENARIOS.find((s) => s === query.get('scenario')) ?? '',
    validity: VALIDITIES.find((v) => v === query.get('validity')) ?? '',
  };
  const go = (changes: Partial<Filter>): void => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filter, ...changes })) if (value) next.set(key, value);
    const search = next.toString();
    navigate(search ? `/legal/instruments?${search}` : '/legal/instruments', { replace: true });
  };
  const all = { value: '', label: t('common.all') };
  const items = registry.data ? registry.data.instruments.filter((i) => matches(i, filter, today, registry.data!.alertDays)) : [];

  return (
    <section>
      <PageHeader title={t('legal.registry.title')}>
        <p className="muted">{t('legal.registry.intro')}</p>
      </PageHeader>
      <LegalTabs />
      <div className="filters" role="search">
        <TextField label={t('legal.registry.search')} value={filter.q} onValueChange={(q) => { go({ q }); }} type="search" />
        <SelectField
          label={t('legal.registry.kind')}
          value={filter.kind}
          options={[all, ...INSTRUMENT_KINDS.map((k) => ({ value: k, label: t(`legal.kind.${k}`) }))]}
          onValueChange={(kind) => { go({ kind }); }}
        />
        <SelectField
          label={t('legal.registry.scenario')}
          value={filter.scenario}
          options={[all, ...LEGAL_SCENARIOS.map((s) => ({ value: s, label: t(`legal.scenarioName.${s}`) }))]}
          onValueChange={(scenario) => { go({ scenario }); }}
        />
        <SelectField
          label={t('legal.registry.validity')}
          value={filter.validity}
          options={[all, ...VALIDITIES.map((v: TValidityFilter) => ({ value: v, label: t(`legal.validity.${v}`) }))]}
          onValueChange={(validity) => { go({ validity }); }}
        />
      </div>
      {registry.error !== null && <Alert kind="error">{errorMessage(registry.error)}</Alert>}
      {registry.loading && !registry.data && <Loading />}
      {registry.data && (
        <>
          <p className="muted" role="status">{t('legal.registry.total', { count: items.length })}</p>
          {items.length === 0 ? (
            <p className="empty">{t('legal.registry.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table instruments-table">
                <caption className="visually-hidden">{t('legal.registry.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('legal.registry.number')}</th>
                    <th scope="col">{t('legal.registry.kind')}</th>
                    <th scope="col">{t('legal.registry.scenario')}</th>
                    <th scope="col">{t('legal.registry.area')}</th>
                    <th scope="col">{t('legal.registry.period')}</th>
                    <th scope="col">{t('legal.registry.validity')}</th>
                    <th scope="col">{t('legal.registry.control')}</th>
                    <th scope="col"><span className="visually-hidden">{t('legal.registry.source')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => {
                    const validity = validityOn(i, today);
                    const expiring = isExpiring(i, today, registry.data!.alertDays);
                    return (
                      <tr key={i.id} className={expiring ? 'row-expiring' : undefined}>
                        <th scope="row">
                          {i.number ?? i.id}
                          {i.title && <><br /><span className="muted small">{i.title}</span></>}
                          {i.extends && <><br /><span className="small">{t('legal.registry.extends')} {i.extends}</span></>}
                          {i.appliesTo && i.appliesTo.length > 0 && <><br /><span className="small">{t('legal.registry.appliesTo')} {i.appliesTo.join(', ')}</span></>}
                        </th>
                        <td>{t(`legal.kind.${i.kind}`)}</td>
                        <td>{i.scenario ? t(`legal.scenarioName.${i.scenario}`) : '—'}</td>
                        <td>{[...(i.area?.ubigeo ?? []), ...(i.area?.geometry ? [t('legal.registry.polygon')] : [])].join(', ') || '—'}</td>
                        <td className="numeric">{i.validFrom} – {i.validTo}</td>
                        <td>
                          <span className={`badge badge-validity-${expiring ? 'expiring' : validity}`}>{t(`legal.validity.${expiring ? 'expiring' : validity}`)}</span>
                          {expiring && <><br /><span className="small">{t('legal.registry.daysLeft', { count: daysBetween(today, effectiveTo(i)) })}</span></>}
                          {i.revocation && (
                            <><br /><span className="small revocation-note">
                              {i.revocation.inheritedFrom
                                ? t('legal.registry.revokedWith', { id: i.revocation.inheritedFrom, date: i.revocation.revokedOn })
                                : t('legal.registry.revokedBy', { date: i.revocation.revokedOn, by: i.revocation.revokingInstrument, reason: i.revocation.reason })}
                            </span></>
                          )}
                        </td>
                        <td>{i.controlAuthority ?? '—'}</td>
                        <td>
                          <ClassificationBadge value={i.classification} />
                          {i.sourceUrl && <> <a href={i.sourceUrl} rel="noreferrer noopener" target="_blank">{t('legal.registry.source')}</a></>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
