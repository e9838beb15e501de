import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import type { Replay } from './replay.ts';

export const REPLAY_HOURS = [1, 3, 6, 12] as const;
const SPEEDS = [60, 300, 900] as const;

export interface TimelineBarProps {
  replay: Replay | null;
  loading: boolean;
  hours: number;
  onHours: (hours: number) => void;
  onStart: () => void;
  onStop: () => void;
  /** Called after every move of the cursor (the page redraws trails). */
  onSeek: (time: number) => void;
  message: string | null;
}

/** Replay of the last hours: window, play/pause, speed and a cursor over the window. */
export function TimelineBar({ replay, loading, hours, onHours, onStart, onStop, onSeek, message }: TimelineBarProps) {
  const { t } = useTranslation();
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(SPEEDS[1]);
  const [cursor, setCursor] = useState(replay?.time ?? 0);
  const frame = useRef(0);

  useEffect(() => {
    setCursor(replay?.time ?? 0);
    setPlaying(false);
  }, [replay]);

  // Playback: advance the cursor by `speed` seconds per real second, one step per animation frame.
  useEffect(() => {
    if (!playing || !replay) return;
    let last = performance.now();
    const step = (now: number): void => {
      const next = replay.time + (now - last) * speed;
      last = now;
      replay.seek(next);
      setCursor(replay.time);
      onSeek(replay.time);
      if (replay.time >= replay.to) {
        setPlaying(false);
        return;
      }
      frame.current = requestAnimationFrame(step);
    };
    frame.current = requestAnimationFrame(step);
    return () => { cancelAnimationFrame(frame.current); };
  }, [playing, replay, speed, onSeek]);

  if (!replay) {
    return (
      <div className="cop-timeline" role="group" aria-label={t('cop.replay.title')}>
        <label className="cop-field cop-field-inline">
          <span>{t('cop.replay.hours')}</span>
          <select value={hours} onChange={(e) => { onHours(Number(e.target.value)); }}>
            {REPLAY_HOURS.map((h) => (
              <option key={h} value={h}>{t('cop.replay.hoursOption', { count: h })}</option>
            ))}
          </select>
        </label>
        <button type="button" className="cop-button" onClick={onStart} disabled={loading}>
          {loading ? t('cop.replay.loading') : t('cop.replay.start')}
        </button>
        {message ? <span className="cop-muted small">{message}</span> : null}
      </div>
    );
  }

  return (
    <div className="cop-timeline cop-timeline-active" role="group" aria-label={t('cop.replay.title')}>
      <button type="button" className="cop-button cop-button-primary" onClick={() => {
        if (replay.time >= replay.to) replay.seek(replay.from);
        setPlaying((p) => !p);
      }}>
        {playing ? t('cop.replay.pause') : t('cop.replay.play')}
      </button>
      <label className="cop-field cop-field-inline">
        <span className="visually-hidden">{t('cop.replay.speed')}</span>
        <select value={speed} onChange={(e) => { setSpeed(Number(e.target.value)); }} aria-label={t('cop.replay.speed')}>
          {SPEEDS.map((s) => <option key={s} value={s}>×{s}</option>)}
        </select>
      </label>
      <input
        type="range"
        className="cop-timeline-range"
        min={replay.from}
        max={replay.to}
        step={1000}
        value={cursor}
        aria-label={t('cop.replay.cursor')}
        aria-valuetext={formatDateTime(new Date(cursor).toISOString())}
        onChange={(e) => {
          replay.seek(Number(e.target.value));
          setCursor(replay.time);
          onSeek(replay.time);
        }}
      />
      <time className="cop-timeline-time numeric" dateTime={new Date(cursor).toISOString()}>{formatDateTime(new Date(cursor).toISOString())}</time>
      <span className="cop-muted small">{message ?? t('cop.replay.tracks', { count: replay.tracks.length })}</span>
      <button type="button" className="cop-button" onClick={onStop}>{t('cop.replay.stop')}</button>
    </div>
  );
}
