import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { FORCES, LIVE_AREA_LAYERS, PICTURE_COLORS, type TAlert, type TCopDrawing, type TForce, type TLiveAreaLayer, type TTrack } from '@enlace/contracts';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import type { MapFeatureHit } from '../../app/map/map-view.tsx';
import type { AreaOverlay, MapOverlay } from '../../app/map/overlays.ts';
import { incidentSidc } from '../../app/map/sidc.ts';
import { can, useSession } from '../../app/session.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { AlertPanel } from './alert-panel.tsx';
import { ChatPanel } from './chat-panel.tsx';
import { listAlerts, listGeofences, listLegalAreas, listRecentIncidents, listTaskAreas } from './cop-api.ts';
import { CopMap, FORCE_COLORS } from './cop-map.tsx';
import { CopStore } from './cop-store.ts';
import './cop.css';
import { LiveClient } from './live-client.ts';
import { loadReplay, REPLAY_MAX_POINTS, type Replay } from './replay.ts';
import { MapLegend } from './map-legend.tsx';
import { StatusBoard } from './status-board.tsx';
import { TimelineBar } from './timeline-bar.tsx';
import { TrackDetails } from './track-details.tsx';
import { type FreshnessFilter, type TrackFilter } from './track-model.ts';

type Tab = 'alerts' | 'chat' | 'track';
type Bounds = [[number, number], [number, number]];


/** Changes announced within this time are read once (an import of many evaluations is one reading). */
const AREAS_RELOAD_DELAY_MS = 400;
/** How often the incident layer is read again. */
const INCIDENTS_REFRESH_MS = 5 * 60_000;

/** Colour of an area by what it watches: lawful areas (exit) amber, restricted areas (entry) red. */
const AREA_COLORS = { exit: '#f5a524', enter: '#ff6b6b', both: '#ff922b' } as const;

/**
 * An area overlay of server drawings (legal areas, task areas): their polygons, labelled with their names, each in
 * its stroke colour or `color`; the remarks are kept for the click details.
 */
function drawingsOverlay(id: string, items: readonly TCopDrawing[], color: string, style: Pick<AreaOverlay, 'fillOpacity' | 'lineWidth' | 'dashed'>): MapOverlay {
  return {
    id,
    kind: 'area',
    data: {
      type: 'FeatureCollection',
      features: items.flatMap((d) =>
        d.geometry.type === 'Point'
          ? []
          : [{ type: 'Feature' as const, properties: { uid: d.uid, name: d.name, color: d.stroke ?? color, remarks: d.remarks ?? '' }, geometry: d.geometry }],
      ),
    },
    labelProperty: 'name',
    ...style,
  };
}

/** A time of day (the date is today's on an operations screen). */
function formatClock(epochMs: number): string {
  return new Intl.DateTimeFormat(currentLanguage() === 'es' ? 'es-PE' : 'en-GB', { timeStyle: 'medium' }).format(epochMs);
}

function around(lon: number, lat: number, d = 0.01): Bounds {
  return [[lon - d, lat - d], [lon + d, lat + d]];
}

/**
 * The common operational picture: live map of both forces, status board, alerts, chat and replay. Tracks arrive over
 * `/api/v1/live`; the map redraws at most once per animation frame and the panels a few times a second, so the page
 * stays responsive with 10,000 live tracks.
 */
export function CopPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const store = useMemo(() => new CopStore(), []);
  const summary = useSyncExternalStore(store.subscribe, store.getSummary);
  const [filter, setFilter] = useState<TrackFilter>({ forces: new Set([...FORCES, 'none']), freshness: 'current' });
  const [selectedUid, setSelectedUid] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('alerts');
  const [focus, setFocus] = useState<Bounds | null>(null);
  const [showAreas, setShowAreas] = useState(true);
  const [showIncidents, setShowIncidents] = useState(true);
  const [showLegal, setShowLegal] = useState(true);
  const [legalAreas, setLegalAreas] = useState<MapOverlay | null>(null);
  const [showTasks, setShowTasks] = useState(true);
  const [taskAreas, setTaskAreas] = useState<MapOverlay | null>(null);
  const [areas, setAreas] = useState<MapOverlay | null>(null);
  const [incidents, setIncidents] = useState<MapOverlay | null>(null);
  const [incidentsCapped, setIncidentsCapped] = useState<{ shown: number; total: number } | null>(null);
  const [replay, setReplay] = useState<Replay | null>(null);
  const [replayLoading, setReplayLoading] = useState(false);
  const [replayHours, setReplayHours] = useState(3);
  const [replayMessage, setReplayMessage] = useState<string | null>(null);
  const [trails, setTrails] = useState<MapOverlay | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [inspected, setInspected] = useState<{ title: string; detail: string; exercise: boolean } | null>(null);

  // Live feed, alerts, and the freshness clock (tracks go stale with time, not only with messages).
  useEffect(() => {
    const client = new LiveClient(store);
    client.start();
    const controller = new AbortController();
    if (can(session, 'alert:read')) listAlerts(controller.signal).then((items) => { store.setAlerts(items); }, () => undefined);
    const clock = setInterval(() => { store.refreshFreshness(); }, 5000);
    return () => {
      controller.abort();
      clearInterval(clock);
      client.close();
      store.dispose();
    };
  }, [store, session]);

  // Areas (legal bases in force, lawful task areas, geofences) as overlays, read again when the live socket says a
  // layer changed (an instrument, an evaluation or a geofence saved anywhere), a burst read once.
  useEffect(() => {
    const controller = new AbortController();
    const load = (layer: TLiveAreaLayer): void => {
      if (layer === 'geofences' && can(session, 'geofence:read')) {
        listGeofences(controller.signal).then(
          (items) => {
            setAreas({
              id: 'cop-areas',
              kind: 'area',
              data: {
                type: 'FeatureCollection',
                features: items.filter((g) => g.active).map((g) => ({
                  type: 'Feature',
                  properties: { id: g.id, name: g.name, color: AREA_COLORS[g.trigger], trigger: g.trigger, exercise: g.exercise },
                  geometry: g.geometry,
                })),
              },
              labelProperty: 'name',
              fillOpacity: 0.08,
              lineWidth: 2,
              dashed: true,
            });
          },
          () => undefined,
        );
      }
      if (layer === 'legal' && can(session, 'legal:read')) {
        listLegalAreas(controller.signal).then(
          (items) => setLegalAreas(drawingsOverlay('cop-legal-areas', items, PICTURE_COLORS.noScenario, { fillOpacity: 0.06, lineWidth: 2.5 })),
          () => undefined,
        );
      }
      if (layer === 'tasks' && can(session, 'geofence:read')) {
        // Lawful task areas (stored evaluations that allowed a unit's task): dashed, in their own colour.
        listTaskAreas(controller.signal).then(
          (items) => setTaskAreas(drawingsOverlay('cop-task-areas', items, PICTURE_COLORS.taskArea, { fillOpacity: 0.05, lineWidth: 2.5, dashed: true })),
          () => undefined,
        );
      }
    };
    for (const layer of LIVE_AREA_LAYERS) load(layer);
    const pending = new Set<TLiveAreaLayer>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = store.subscribeAreas((layers) => {
      for (const l of layers) pending.add(l);
      timer ??= setTimeout(() => {
        timer = null;
        const due = [...pending];
        pending.clear();
        for (const l of due) load(l);
      }, AREAS_RELOAD_DELAY_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
      controller.abort();
    };
  }, [store, session]);

  // Recent incidents, as an overlay, read again every few minutes (a map stays open for a whole shift).
  useEffect(() => {
    const controller = new AbortController();
    const load = (): void => {
      listRecentIncidents('-81.4,-18.4,-68.6,0', 24, controller.signal).then(
        ({ items, total }) => {
          setIncidentsCapped(total > items.length ? { shown: items.length, total } : null);
          setIncidents({
            id: 'cop-incidents',
            kind: 'symbol',
            data: {
              type: 'FeatureCollection',
              features: items.map((i) => ({
                type: 'Feature',
                properties: { id: i.id, sidc: incidentSidc(i.exercise), name: i.crimeType, occurredAt: i.occurredAt },
                geometry: { type: 'Point', coordinates: [i.location.lon, i.location.lat] },
              })),
            },
            iconSize: ['interpolate', ['linear'], ['zoom'], 8, 0.45, 13, 0.75],
          });
        },
        () => undefined, // the layer keeps what it last showed; the next read tries again
      );
    };
    let timer: ReturnType<typeof setInterval> | undefined;
    if (can(session, 'incident:read')) {
      load();
      timer = setInterval(load, INCIDENTS_REFRESH_MS);
    }
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [session]);

  const overlays = useMemo(() => {
    const list: MapOverlay[] = [];
    if (legalAreas) list.push({ ...legalAreas, visible: showLegal });
    if (taskAreas) list.push({ ...taskAreas, visible: showTasks });
    if (areas) list.push({ ...areas, visible: showAreas });
    if (trails) list.push(trails);
    if (incidents && !replay) list.push({ ...incidents, visible: showIncidents });
    return list;
  }, [legalAreas, taskAreas, areas, incidents, trails, replay, showLegal, showTasks, showAreas, showIncidents]);

  // The first picture frames the tracks (then the operator is in charge of the view).
  const framed = useRef(false);
  useEffect(() => {
    if (framed.current || summary.total === 0) return;
    const extent = store.extent();
    if (!extent) return;
    framed.current = true;
    const [[w, s], [e, n]] = extent;
    const pad = 0.004;
    setFocus([[w - pad, s - pad], [e + pad, n + pad]]);
  }, [store, summary.total]);

  // Units that need attention, on the summary's clock (not on every message).
  const attention = useMemo(() => store.attention(12), [store, summary.version]);
  const hasSimulated = summary.simulated > 0;

  const select = useCallback((uid: string | null) => {
    setSelectedUid(uid);
    if (uid) setTab('track');
  }, []);

  const centreOn = (track: TTrack): void => { setFocus(around(track.lon, track.lat, 0.02)); };
  const locateAlert = (alert: TAlert): void => {
    if (alert.lat === null || alert.lon === null) return;
    setFocus(around(alert.lon, alert.lat));
    if (alert.trackUid) select(alert.trackUid);
  };

  const onOverlayClick = (hit: MapFeatureHit): void => {
    const props: Record<string, unknown> = hit.feature.properties;
    const name = typeof props['name'] === 'string' ? props['name'] : '';
    if (hit.overlayId === 'cop-areas') {
      const trigger = props['trigger'];
      const detail = trigger === 'exit' || trigger === 'enter' || trigger === 'both' ? t(`cop.area.trigger.${trigger}`) : '';
      setInspected({ title: name, detail, exercise: props['exercise'] === true });
    } else if (hit.overlayId === 'cop-legal-areas' || hit.overlayId === 'cop-task-areas') {
      setInspected({ title: name, detail: typeof props['remarks'] === 'string' ? props['remarks'] : '', exercise: false });
    } else if (hit.overlayId === 'cop-incidents') {
      const when = typeof props['occurredAt'] === 'string' ? formatDateTime(props['occurredAt']) : '';
      setInspected({ title: name, detail: when, exercise: false });
    }
  };

  const toggleForce = (force: TForce | 'none'): void => {
    setFilter((f) => {
      const forces = new Set(f.forces);
      if (forces.has(force)) forces.delete(force);
      else forces.add(force);
      return { ...f, forces };
    });
  };

  // Replay of everything in view (as filtered by force), loaded on demand in one request.
  const replayAbort = useRef<AbortController | null>(null);
  const startReplay = async (): Promise<void> => {
    const bounds = mapRef.current?.getBounds();
    const clamp = (v: number, limit: number): number => Math.max(-limit, Math.min(limit, v));
    const bbox: [number, number, number, number] | undefined = bounds
      ? [clamp(bounds.getWest(), 180), clamp(bounds.getSouth(), 90), clamp(bounds.getEast(), 180), clamp(bounds.getNorth(), 90)]
      : undefined;
    replayAbort.current?.abort();
    const controller = new AbortController();
    replayAbort.current = controller;
    setReplayLoading(true);
    setReplayMessage(null);
    try {
      const loaded = await loadReplay({ bbox, forces: filter.forces }, replayHours, controller.signal);
      if (controller.signal.aborted) return;
      if (loaded.replay.tracks.length === 0) {
        setReplayMessage(t('cop.replay.none'));
        return;
      }
      setReplayMessage(loaded.truncated ? t('cop.replay.limited', { count: REPLAY_MAX_POINTS }) : null);
      setReplay(loaded.replay);
      setTrails({ id: 'cop-trails', kind: 'line', data: loaded.replay.trails(), interactive: false, lineWidth: 2, opacity: 0.6, color: '#7fd1ff' });
    } catch (cause) {
      if (!controller.signal.aborted) setReplayMessage(errorMessage(cause));
    } finally {
      setReplayLoading(false);
    }
  };
  const stopReplay = (): void => {
    replayAbort.current?.abort();
    setReplay(null);
    setTrails(null);
    setReplayMessage(null);
  };
  const lastTrailUpdate = useRef(0);
  const onSeek = useCallback((_time: number) => {
    const now = performance.now();
    if (!replay || now - lastTrailUpdate.current < 250) return;
    lastTrailUpdate.current = now;
    setTrails((current) => (current ? { ...current, data: replay.trails() } : current));
  }, [replay]);

  const selectedTrack = selectedUid ? store.track(selectedUid) : undefined;
  const openAlerts = summary.alerts.filter((a) => a.state === 'open').length;

  return (
    <div className="cop-page">
      <h1 className="visually-hidden">{t('cop.title')}</h1>
      <div className="cop-topbar" role="toolbar" aria-label={t('cop.filters.label')}>
        <span className={`cop-connection cop-connection-${summary.state}`} role="status">
          <span className="cop-dot" aria-hidden="true" /> {t(`cop.connection.${summary.state}`)}
        </span>
        <span className="cop-stat numeric" data-testid="cop-track-count">{t('cop.counts.tracks', { count: summary.total })}</span>
        <span className="cop-stat cop-muted small">
          {summary.lastUpdate ? t('cop.counts.lastUpdate', { time: formatClock(summary.lastUpdate) }) : t('cop.counts.never')}
        </span>
        {hasSimulated ? <span className="cop-tag cop-tag-sim">{t('cop.simulated')}</span> : null}
        <span className="cop-topbar-spacer" />
        <div className="cop-chips" role="group" aria-label={t('cop.filters.forces')}>
          {([...FORCES, 'none'] as const).map((force) => (
            <button
              key={force}
              type="button"
              className="cop-chip"
              aria-pressed={filter.forces.has(force)}
              style={{ borderColor: FORCE_COLORS[force] }}
              onClick={() => { toggleForce(force); }}
            >
              {force === 'none' ? t('cop.filters.noForce') : force}
            </button>
          ))}
        </div>
        <label className="cop-field cop-field-inline">
          <span className="visually-hidden">{t('cop.filters.freshness')}</span>
          <select value={filter.freshness} title={t('cop.filters.freshness')} onChange={(e) => { setFilter((f) => ({ ...f, freshness: e.target.value as FreshnessFilter })); }}>
            <option value="current">{t('cop.filters.freshnessCurrent')}</option>
            <option value="live">{t('cop.filters.freshnessLive')}</option>
            <option value="all">{t('cop.filters.freshnessAll')}</option>
          </select>
        </label>
      </div>

      <div className="cop-body">
        <aside className="cop-left">
          <StatusBoard summary={summary} attention={attention} onSelect={(uid) => {
            select(uid);
            const track = store.track(uid);
            if (track) centreOn(track);
          }} onMapStatus={(status, base) => { store.mapStatus(status, base); }} />
        </aside>

        <div className="cop-centre">
          {replay ? <div className="cop-replay-banner" role="status">{t('cop.replay.banner')}</div> : null}
          <CopMap
            tracks={store.features}
            replay={replay?.features ?? null}
            filter={filter}
            overlays={overlays}
            selectedUid={selectedUid}
            onSelectTrack={select}
            onSelectOverlayFeature={onOverlayClick}
            focus={focus}
            onMapReady={(map) => { mapRef.current = map; }}
          />
          <MapLegend
            showLegal={legalAreas ? showLegal : null}
            onToggleLegal={() => { setShowLegal((v) => !v); }}
            showTasks={taskAreas ? showTasks : null}
            onToggleTasks={() => { setShowTasks((v) => !v); }}
            showAreas={areas ? showAreas : null}
            showIncidents={incidents ? showIncidents : null}
            incidentsCapped={incidentsCapped}
            onToggleAreas={() => { setShowAreas((v) => !v); }}
            onToggleIncidents={() => { setShowIncidents((v) => !v); }}
          />
          {inspected ? (
            <div className="cop-inspector" role="status">
              <strong>{inspected.title}</strong>
              {inspected.exercise ? <span className="cop-tag">{t('cop.alerts.exercise')}</span> : null}
              <span className="cop-muted small">{inspected.detail}</span>
              <button type="button" className="cop-icon-button" aria-label={t('cop.track.close')} onClick={() => { setInspected(null); }}>×</button>
            </div>
          ) : null}
          <TimelineBar
            replay={replay}
            loading={replayLoading}
            hours={replayHours}
            onHours={setReplayHours}
            onStart={() => { void startReplay(); }}
            onStop={stopReplay}
            onSeek={onSeek}
            message={replayMessage}
          />
        </div>

        <aside className="cop-right">
          <div className="cop-tabs" role="tablist" aria-label={t('cop.tabs.label')}>
            {(['alerts', 'chat', 'track'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`cop-tab-${name}`}
                aria-selected={tab === name}
                aria-controls={`cop-tabpanel-${name}`}
                className="cop-tab"
                onClick={() => { setTab(name); }}
              >
                {t(`cop.tabs.${name}`)}
                {name === 'alerts' && openAlerts > 0 ? <span className="cop-count cop-count-hot">{openAlerts}</span> : null}
              </button>
            ))}
          </div>
          <div className="cop-tabpanel" role="tabpanel" id={`cop-tabpanel-${tab}`} aria-labelledby={`cop-tab-${tab}`}>
            {tab === 'alerts' ? (
              <AlertPanel
                alerts={summary.alerts}
                canAcknowledge={can(session, 'alert:write')}
                onAcknowledged={(alert) => { store.alert(alert); }}
                onLocate={locateAlert}
              />
            ) : null}
            {tab === 'chat' ? (
              can(session, 'chat:read') ? <ChatPanel store={store} userId={session.user.id} canWrite={can(session, 'chat:write')} /> : null
            ) : null}
            {tab === 'track' ? (
              <TrackDetails
                track={selectedTrack}
                videoUrl={selectedUid ? store.videoUrl(selectedUid) : null}
                onClose={() => { setSelectedUid(null); setTab('alerts'); }}
                onCentre={centreOn}
              />
            ) : null}
          </div>
        </aside>
      </div>
    </div>
  );
}
