import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAlert } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { acknowledgeAlert } from './cop-api.ts';

export interface AlertPanelProps {
  alerts: readonly TAlert[];
  canAcknowledge: boolean;
  onAcknowledged: (alert: TAlert) => void;
  onLocate: (alert: TAlert) => void;
}

/** Alerts raised to this command post: open ones first; a person acknowledges each one (audited on the server). */
export function AlertPanel({ alerts, canAcknowledge, onAcknowledged, onLocate }: AlertPanelProps) {
  const { t } = useTranslation();
  const open = alerts.filter((a) => a.state === 'open').length;
  return (
    <section className="cop-alerts" aria-labelledby="cop-alerts-title">
      <h2 id="cop-alerts-title" className="cop-panel-title">
        {t('cop.alerts.title')} <span className={open ? 'cop-count cop-count-hot' : 'cop-count'}>{t('cop.alerts.openCount', { count: open })}</span>
      </h2>
      {alerts.length === 0 ? (
        <p className="cop-muted small">{t('cop.alerts.empty')}</p>
      ) : (
        <ol className="cop-alert-list">
          {alerts.slice(0, 100).map((alert) => (
            <AlertItem key={alert.id} alert={alert} canAcknowledge={canAcknowledge} onAcknowledged={onAcknowledged} onLocate={onLocate} />
          ))}
        </ol>
      )}
    </section>
  );
}

function AlertItem({ alert, canAcknowledge, onAcknowledged, onLocate }: { alert: TAlert } & Omit<AlertPanelProps, 'alerts'>) {
  const { t } = useTranslation();
  const [acking, setAcking] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const language = currentLanguage();

  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onAcknowledged(await acknowledgeAlert(alert.id, note.trim() || undefined));
      setAcking(false);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={`cop-alert cop-alert-${alert.severity} cop-alert-state-${alert.state}`} aria-label={`${t(`cop.alerts.kind.${alert.kind}`)} ${alert.callsign ?? ''}`}>
      <div className="cop-alert-head">
        <span className={`cop-severity cop-severity-${alert.severity}`}>{t(`cop.alerts.severity.${alert.severity}`)}</span>
        <strong>{t(`cop.alerts.kind.${alert.kind}`)}</strong>
        {alert.exercise ? <span className="cop-tag">{t('cop.alerts.exercise')}</span> : null}
      </div>
      <p className="cop-alert-message">
        {alert.callsign ? <strong>{alert.callsign}: </strong> : null}
        {alert.message[language]}
      </p>
      <p className="cop-muted small">
        <time dateTime={alert.raisedAt}>{formatDateTime(alert.raisedAt)}</time> · {t(`cop.alerts.state.${alert.state}`)}
        {alert.acknowledgedAt ? ` · ${t('cop.alerts.acknowledgedBy', { name: alert.acknowledgedBy ?? '', time: formatDateTime(alert.acknowledgedAt) })}` : ''}
      </p>
      {alert.acknowledgementNote ? <p className="cop-alert-note small">{alert.acknowledgementNote}</p> : null}
      <div className="cop-alert-actions">
        {alert.lat !== null && alert.lon !== null ? (
          <button type="button" className="cop-button" onClick={() => { onLocate(alert); }}>{t('cop.alerts.locate')}</button>
        ) : null}
        {alert.state === 'open' && canAcknowledge && !acking ? (
          <button type="button" className="cop-button cop-button-primary" onClick={() => { setAcking(true); }}>{t('cop.alerts.acknowledge')}</button>
        ) : null}
      </div>
      {acking ? (
        <form className="cop-ack-form" onSubmit={(e) => { e.preventDefault(); void confirm(); }}>
          <label>
            <span>{t('cop.alerts.note')}</span>
            <input value={note} maxLength={2000} onChange={(e) => { setNote(e.target.value); }} />
          </label>
          <div className="cop-alert-actions">
            <button type="submit" className="cop-button cop-button-primary" disabled={busy}>{t('cop.alerts.confirm')}</button>
            <button type="button" className="cop-button" onClick={() => { setAcking(false); }}>{t('cop.alerts.cancel')}</button>
          </div>
          {error ? <p role="alert" className="cop-error small">{error}</p> : null}
        </form>
      ) : null}
    </li>
  );
}
