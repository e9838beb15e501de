import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCourseArea, TForcesEquipmentCategory } from '@enlace/contracts';
import { READINESS_PILLARS } from '@enlace/rules';
import type { TEquipmentRequirement, TReadinessStandard, TStandardVersion, TStandardVersionInfo, TTask } from '@enlace/rules';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Link } from '../../app/router.tsx';
import { can, useSession } from '../../app/session.ts';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { getStandard, getStandardVersion, listStandardVersions } from './forces-api.ts';
import { StandardEditForm } from './standard-edit-form.tsx';
import { requirementParts } from './standard-form.ts';
import { percent } from './readiness-view.ts';
import './forces.css';

/**
 * The readiness standard in force as readable tables (level boundaries, per-member courses, equipment, lethal share,
 * METs per task type), each line with its legal or doctrinal reference; the version history, any version viewable;
 * for admins, a form that puts a new version of the thresholds in force.
 */
export function ReadinessStandardPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [viewing, setViewing] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const inForce = useResource(`readiness-standard:${reload}`, (signal) => getStandard(signal));
  const versions = useResource(`readiness-standard-versions:${reload}`, (signal) => listStandardVersions(signal));
  const other = useResource(`readiness-standard-version:${viewing ?? ''}`, (signal) =>
    viewing ? getStandardVersion(viewing, signal) : Promise.resolve(null));
  const shown: TStandardVersion | undefined = (viewing ? other.data : null) ?? inForce.data;

  return (
    <section className="forces-national readiness-standard">
      <PageHeader title={t('forces.standard.title')}>
        <p className="muted">{t('forces.standard.subtitle')}</p>
        <p className="small"><Link to="/readiness">{t('forces.national.back')}</Link></p>
      </PageHeader>
      {inForce.error !== null && <Alert kind="error">{errorMessage(inForce.error)}</Alert>}
      {inForce.loading && !inForce.data && <Loading />}
      {shown && (
        <>
          <VersionSummary version={shown} />
          {viewing && shown.version === viewing && !shown.active && (
            <p className="small" role="status">
              {t('forces.standard.viewing', { version: viewing })}{' '}
              <button type="button" className="link-button" onClick={() => { setViewing(null); }}>{t('forces.standard.showInForce')}</button>
            </p>
          )}
          <StandardTables standard={shown.standard} />
        </>
      )}
      {versions.data && (
        <VersionHistory items={versions.data.items} viewing={shown?.version ?? null} onView={(v) => { setViewing(v); }} />
      )}
      {inForce.data && can(session, 'readiness:admin') && (
        <StandardEditForm
          inForce={inForce.data.standard}
          onSaved={() => { setViewing(null); setReload((n) => n + 1); }}
        />
      )}
    </section>
  );
}

function VersionSummary({ version }: { version: TStandardVersion }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section className="card" aria-labelledby="standard-version-title">
      <h2 id="standard-version-title">{t('forces.standard.inForce', { name: version.standard.name[lang], version: version.version })}</h2>
      <p className="small muted">
        <code>{version.ref}</code> · {version.seed ? t('forces.standard.seed') : t('forces.standard.by', { author: version.author, at: version.createdAt ? formatDateTime(version.createdAt) : '' })}
      </p>
      {version.remark && <p className="small">{t('forces.standard.remark')}: {version.remark}</p>}
      {version.standard.description && <p className="small">{version.standard.description}</p>}
    </section>
  );
}

/** A reference key shown as its source, with the key itself for the table of references. */
function Ref({ standard, refKey }: { standard: TReadinessStandard; refKey: string }) {
  const ref = standard.references[refKey];
  return <span title={ref?.note}>{ref ? `${ref.source}${ref.section ? `, ${ref.section}` : ''}` : refKey} <span className="muted small">[{refKey}]</span></span>;
}

function Requirement({ r }: { r: TEquipmentRequirement }) {
  const { t } = useTranslation();
  const parts = requirementParts(r);
  return (
    <>
      {t(`forces.standard.${parts.kind}`, { n: parts.n })}
      {parts.minimum > 0 && ` ${t('forces.standard.minimum', { n: parts.minimum })}`}
      {r.withRadio && `, ${t('forces.standard.withRadio')}`}
    </>
  );
}

function StandardTables({ standard }: { standard: TReadinessStandard }) {
  const { t } = useTranslation();
  const area = (c: string): string => t(`forces.area.${c as TCourseArea}`);
  const category = (c: string): string => t(`forces.category.${c as TForcesEquipmentCategory}`);
  const tasks = Object.entries(standard.mets.tasks);
  return (
    <>
      <section className="card" aria-labelledby="standard-levels-title">
        <h2 id="standard-levels-title">{t('forces.standard.levelsTitle')}</h2>
        <p className="small muted">{t('forces.standard.levelsHint')}</p>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('forces.standard.pillar')}</th>
              {[1, 2, 3].map((l) => <th key={l} scope="col" className="numeric">{t('forces.standard.levelAtLeast', { level: l })}</th>)}
              <th scope="col">{t('forces.standard.reference')}</th>
            </tr>
          </thead>
          <tbody>
            {READINESS_PILLARS.map((p) => (
              <tr key={p}>
                <th scope="row" data-label={t('forces.standard.pillar')}>{t(`forces.standard.pillarName.${p}`)}</th>
                {standard.levels[p].min.map((m, i) => (
                  <td key={i} className="numeric" data-label={t('forces.standard.levelAtLeast', { level: i + 1 })}>{percent(m)}</td>
                ))}
                <td data-label={t('forces.standard.reference')}><Ref standard={standard} refKey={standard.levels[p].ref} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="standard-personnel-title">
        <h2 id="standard-personnel-title">{t('forces.standard.personnelTitle')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('forces.standard.requirement')}</th>
              <th scope="col">{t('forces.standard.reference')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td data-label={t('forces.standard.requirement')}>
                {t('forces.standard.courses')}: {standard.personnel.courses.map(area).join(', ')}
                <br />
                <span className="small muted">
                  {t('forces.standard.counted')}: {standard.personnel.countedStatuses.map((s) => t(`forces.status.${s}`)).join(', ')}
                </span>
              </td>
              <td data-label={t('forces.standard.reference')}><Ref standard={standard} refKey={standard.personnel.ref} /></td>
            </tr>
            <tr>
              <td data-label={t('forces.standard.requirement')}>
                {t('forces.standard.lethalTitle')}: {t('forces.standard.lethalShare', { share: percent(standard.lethal.maxShare) })}
                {standard.lethal.requiresDesignation && `, ${t('forces.standard.designated')}`}
              </td>
              <td data-label={t('forces.standard.reference')}><Ref standard={standard} refKey={standard.lethal.ref} /></td>
            </tr>
          </tbody>
        </table>
        <h3>{t('forces.standard.equipmentTitle')}</h3>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('forces.standard.category')}</th>
              <th scope="col">{t('forces.standard.requirement')}</th>
              <th scope="col">{t('forces.standard.reference')}</th>
            </tr>
          </thead>
          <tbody>
            {standard.equipment.map((r, i) => (
              <tr key={`${r.category}-${i}`}>
                <th scope="row" data-label={t('forces.standard.category')}>{category(r.category)}</th>
                <td data-label={t('forces.standard.requirement')}><Requirement r={r} /></td>
                <td data-label={t('forces.standard.reference')}><Ref standard={standard} refKey={r.ref} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="standard-mets-title">
        <h2 id="standard-mets-title">{t('forces.standard.metsTitle')}</h2>
        <p className="small muted">
          {t('forces.standard.metsHint', {
            trained: percent(standard.mets.trainedShare), yes: percent(standard.mets.rating.yes), qualified: percent(standard.mets.rating.qualified),
          })}{' '}
          <Ref standard={standard} refKey={standard.mets.ref} />
        </p>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('forces.standard.task')}</th>
              <th scope="col">{t('forces.standard.extraCourses')}</th>
              <th scope="col">{t('forces.standard.extraEquipment')}</th>
              <th scope="col">{t('forces.standard.reference')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map(([task, met]) => met && (
              <tr key={task}>
                <th scope="row" data-label={t('forces.standard.task')}>{t(`forces.task.${task as TTask}`)}</th>
                <td data-label={t('forces.standard.extraCourses')}>{met.courses.map(area).join(', ') || t('forces.standard.none')}</td>
                <td data-label={t('forces.standard.extraEquipment')}>
                  {met.equipment.length === 0 ? t('forces.standard.none') : met.equipment.map((r, i) => (
                    <div key={i}>{category(r.category)}: <Requirement r={r} /></div>
                  ))}
                </td>
                <td data-label={t('forces.standard.reference')}><Ref standard={standard} refKey={met.ref} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="standard-refs-title">
        <h2 id="standard-refs-title">{t('forces.standard.referencesTitle')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('forces.standard.key')}</th>
              <th scope="col">{t('forces.standard.source')}</th>
              <th scope="col">{t('forces.standard.section')}</th>
              <th scope="col">{t('forces.standard.verified')}</th>
              <th scope="col">{t('forces.standard.note')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(standard.references).map(([key, ref]) => (
              <tr key={key}>
                <th scope="row" data-label={t('forces.standard.key')}><code>{key}</code></th>
                <td data-label={t('forces.standard.source')}>{ref.source}</td>
                <td data-label={t('forces.standard.section')}>{ref.section ?? t('forces.standard.none')}</td>
                <td data-label={t('forces.standard.verified')}>{ref.unverified ? t('forces.standard.unverified') : t('forces.standard.verified')}</td>
                <td data-label={t('forces.standard.note')} className="small">{ref.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function VersionHistory({ items, viewing, onView }: { items: readonly TStandardVersionInfo[]; viewing: string | null; onView: (version: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="standard-history-title">
      <h2 id="standard-history-title">{t('forces.standard.historyTitle')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('forces.standard.version')}</th>
            <th scope="col">{t('forces.standard.author')}</th>
            <th scope="col">{t('forces.standard.at')}</th>
            <th scope="col">{t('forces.standard.remark')}</th>
            <th scope="col">{t('forces.standard.state')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((v) => (
            <tr key={v.ref} className={v.version === viewing ? 'row-selected' : undefined}>
              <th scope="row" data-label={t('forces.standard.version')}>
                <button type="button" className="link-button" onClick={() => { onView(v.version); }}>{v.version}</button>
              </th>
              <td data-label={t('forces.standard.author')}>{v.seed ? t('forces.standard.seed') : v.author}</td>
              <td data-label={t('forces.standard.at')}>{v.createdAt ? formatDateTime(v.createdAt) : t('forces.standard.none')}</td>
              <td data-label={t('forces.standard.remark')}>{v.remark ?? ''}</td>
              <td data-label={t('forces.standard.state')}>{v.active ? <span className="badge cert-valid">{t('forces.standard.active')}</span> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
