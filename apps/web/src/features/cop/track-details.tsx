import { useTranslation } from 'react-i18next';
import type { TTrack } from '@enlace/contracts';
import { formatDateTime } from '../../app/format.ts';
import { symbolDataUrl } from '../../app/map/military-symbols.ts';
import { sidcForTrack } from '../../app/map/sidc.ts';
import { baseStatusOf, BASE_STATUS_COLORS } from './status-types.ts';
import { freshnessOf } from './track-model.ts';

export interface TrackDetailsProps {
  track: TTrack | undefined;
  videoUrl: string | null;
  onClose: () => void;
  onCentre: (track: TTrack) => void;
}

function fmt(value: number | null, digits: number, unit: string): string {
  return value === null ? '—' : `${value.toFixed(digits)} ${unit}`;
}

/** The selected track: symbol, identity, status, last report, movement, and the drone's video link. */
export function TrackDetails({ track, videoUrl, onClose, onCentre }: TrackDetailsProps) {
  const { t } = useTranslation();
  if (!track) return <p className="cop-muted small">{t('cop.track.none')}</p>;
  const sidc = sidcForTrack(track, { exercise: track.source === 'sim' });
  const icon = symbolDataUrl(sidc, 30);
  const base = baseStatusOf(track.status);
  const freshness = freshnessOf(track, Date.now());
  const rows: [string, string][] = [
    [t('cop.track.force'), track.force ? t(`force.${track.force}`) : t('cop.filters.noForce')],
    [t('cop.track.status'), `${t(`cop.base.${base}`)}${track.status ? ` (${track.status})` : ''}`],
    [t('cop.track.time'), `${formatDateTime(track.time)} · ${t(`cop.freshness.${freshness}`)}`],
    [t('cop.track.stale'), formatDateTime(track.stale)],
    [t('cop.track.position'), `${track.lat.toFixed(5)}, ${track.lon.toFixed(5)}`],
    [t('cop.track.accuracy'), fmt(track.ce, 0, 'm')],
    [t('cop.track.speed'), track.speed === null ? '—' : `${(track.speed * 3.6).toFixed(0)} km/h`],
    [t('cop.track.course'), fmt(track.course, 0, '°')],
    [t('cop.track.battery'), fmt(track.battery, 0, '%')],
    [t('cop.track.source'), t(`cop.track.sources.${track.source}`)],
  ];
  return (
    <section className="cop-track" aria-labelledby="cop-track-title">
      <div className="cop-track-head">
        {icon ? <img src={icon} alt="" className="cop-track-symbol" /> : null}
        <div>
          <h2 id="cop-track-title" className="cop-track-callsign">{track.callsign}</h2>
          <p className="cop-muted small"><code>{track.uid}</code> · {track.type}</p>
        </div>
        <button type="button" className="cop-icon-button" aria-label={t('cop.track.close')} onClick={onClose}>×</button>
      </div>
      <p className="cop-track-status" style={{ borderColor: BASE_STATUS_COLORS[base] }}>{t(`cop.base.${base}`)}</p>
      <dl className="cop-track-fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="cop-alert-actions">
        <button type="button" className="cop-button" onClick={() => { onCentre(track); }}>{t('cop.track.centre')}</button>
        {videoUrl ? (
          <a className="cop-button cop-button-primary" href={videoUrl} target="_blank" rel="noopener noreferrer" title={t('cop.track.videoHint')}>
            {t('cop.track.video')}
          </a>
        ) : null}
      </div>
    </section>
  );
}
