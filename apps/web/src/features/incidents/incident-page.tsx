import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Link } from '../../app/router.tsx';
import { useResource } from '../../app/use-resource.ts';
import { Alert } from '../../app/ui/alert.tsx';
import { ClassificationBadge } from '../../app/ui/classification-badge.tsx';
import { ExerciseBadge } from '../../app/ui/exercise-badge.tsx';
import { Loading } from '../../app/ui/loading.tsx';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { IncidentPersons } from './incident-persons.tsx';
import { getIncident } from './incidents-api.ts';
import { useCrimeTypeNames } from './use-crime-type-names.ts';

/**
 * One incident: its fields (no personal data), then the victims and persons under investigation, kept apart and
 * shown only to roles that may read them (see IncidentPersons).
 */
export function IncidentPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const typeName = useCrimeTypeNames();
  const incident = useResource(`incident:${id}`, (signal) => getIncident(id, signal));
  const back = <Link to="/incidents" className="back-link">← {t('incidents.title')}</Link>;

  if (incident.error !== null) return <section>{back}<Alert kind="error">{errorMessage(incident.error)}</Alert></section>;
  if (!incident.data) return <Loading />;
  const i = incident.data;
  const none = t('common.none');
  const rows: [string, ReactNode][] = [
    [t('incidentDetail.fields.occurredAt'), formatDateTime(i.occurredAt)],
    [t('incidentDetail.fields.type'), typeName(i.crimeType)],
    [t('incidentDetail.fields.localCode'), i.localCode === null ? none : i.codeSystem ? `${i.localCode} (${i.codeSystem})` : i.localCode],
    [t('incidentDetail.fields.ubigeo'), i.ubigeo ?? t('incidentDetail.outside')],
    [t('incidentDetail.fields.location'), `${i.location.lon.toFixed(5)}, ${i.location.lat.toFixed(5)}`],
    [t('incidentDetail.fields.address'), i.address ?? none],
    [t('incidentDetail.fields.description'), i.description ?? none],
    [t('incidentDetail.fields.source'), `${i.source} / ${i.sourceRef}`],
    [t('incidentDetail.fields.agency'), t(`agency.${i.agency}`)],
    [t('incidentDetail.fields.classification'), <ClassificationBadge key="c" value={i.classification} />],
    [t('incidentDetail.fields.status'), <ExerciseBadge key="e" exercise={i.exercise} />],
  ];
  return (
    <section>
      {back}
      <PageHeader title={`${typeName(i.crimeType)} · ${formatDateTime(i.occurredAt)}`} />
      <dl className="details">
        {rows.map(([term, value]) => (
          <div key={term} className="details-row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <IncidentPersons incidentId={i.id} />
    </section>
  );
}
