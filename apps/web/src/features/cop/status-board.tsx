import { useTranslation } from 'react-i18next';
import type { TTrack } from '@enlace/contracts';
import { BASE_STATUS_COLORS, BASE_STATUSES, type BaseStatus } from './status-types.ts';
import type { CopSummary } from './cop-store.ts';

export interface StatusBoardProps {
  summary: CopSummary;
  /** Units in an emergency or at an incident, most urgent first (at most a dozen). */
  attention: readonly { track: TTrack; base: BaseStatus }[];
  onSelect: (uid: string) => void;
  onMapStatus: (status: string, base: BaseStatus) => void;
}

/** Unit status board: counts per base type, the units that need attention, and the mapping of free statuses. */
export function StatusBoard({ summary, attention, onSelect, onMapStatus }: StatusBoardProps) {
  const { t } = useTranslation();
  const max = Math.max(1, ...BASE_STATUSES.map((b) => summary.byBase[b]));
  return (
    <section className="cop-board" aria-labelledby="cop-board-title">
      <h2 id="cop-board-title" className="cop-panel-title">{t('cop.board.title')}</h2>
      <table className="cop-board-table" aria-labelledby="cop-board-title">
        <tbody>
          {BASE_STATUSES.map((base) => (
            <tr key={base} data-base={base}>
              <th scope="row">
                <span className="cop-dot" style={{ background: BASE_STATUS_COLORS[base] }} aria-hidden="true" />
                {t(`cop.base.${base}`)}
              </th>
              <td className="cop-board-bar" aria-hidden="true">
                <span style={{ width: `${(100 * summary.byBase[base]) / max}%`, background: BASE_STATUS_COLORS[base] }} />
              </td>
              <td className="numeric cop-board-count">{summary.byBase[base].toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="cop-subtitle">{t('cop.board.attention')}</h3>
      {attention.length === 0 ? (
        <p className="cop-muted small">{t('cop.board.noAttention')}</p>
      ) : (
        <ul className="cop-attention">
          {attention.map(({ track, base }) => (
            <li key={track.uid}>
              <button type="button" className="cop-link-button" onClick={() => { onSelect(track.uid); }}>
                <span className="cop-dot" style={{ background: BASE_STATUS_COLORS[base] }} aria-hidden="true" />
                <span className="cop-attention-callsign">{track.callsign}</span>
                <span className="cop-muted small">{track.status ?? t(`cop.base.${base}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <details className="cop-statuses">
        <summary>{t('cop.board.statuses')} ({summary.statuses.length})</summary>
        <p className="cop-muted small">{t('cop.board.statusesHint')}</p>
        <ul>
          {summary.statuses.slice(0, 40).map((s) => (
            <li key={s.status}>
              <span className="cop-status-name" title={s.status}>{s.status}</span>
              <span className="numeric cop-muted small">{s.count.toLocaleString()}</span>
              <select
                aria-label={t('cop.board.mapTo', { status: s.status })}
                value={s.base}
                onChange={(e) => { onMapStatus(s.status, e.target.value as BaseStatus); }}
              >
                {BASE_STATUSES.map((b) => (
                  <option key={b} value={b}>{t(`cop.base.${b}`)}</option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
