/**
 * The state of the common operational picture in the browser: tracks (as map features), alerts, chat and the live
 * connection. Messages can arrive hundreds of times a second; the map reads the feature set directly (one redraw per
 * animation frame) and React panels read a summary that is rebuilt at most a few times a second.
 */
import { LIVE_AREA_LAYERS } from '@enlace/contracts';
import type { TAlert, TChatMessage, TChatReceipt, TLiveAreaLayer, TTrack } from '@enlace/contracts';
import { LiveFeatureSet, type PointFeature } from '../../app/map/live-features.ts';
import type { LiveHandlers, LiveState } from './live-client.ts';
import { BASE_STATUSES, loadStatusOverrides, normaliseStatus, saveStatusOverrides, type BaseStatus } from './status-types.ts';
import { freshnessOf, trackFeature, videoUrlOf, type Freshness, type TrackProps } from './track-model.ts';

/** What the panels show, rebuilt at most every SUMMARY_MS. */
export interface CopSummary {
  total: number;
  byBase: Record<BaseStatus, number>;
  byFreshness: Record<Freshness, number>;
  /** Distinct free statuses seen, with their base type and count (for the mapping editor). */
  statuses: { status: string; base: BaseStatus; count: number }[];
  lastUpdate: number | null;
  state: LiveState;
  stateDetail: string | undefined;
  /** Tracks of the demo simulator (labelled on screen). */
  simulated: number;
  /** Open alerts first, newest first. */
  alerts: TAlert[];
  version: number;
}

const SUMMARY_MS = 400;
const MAX_ALERTS = 500;
/** An acknowledged alert stays among the open ones this long. */
const RECENTLY_ACKNOWLEDGED_MS = 10 * 60_000;
const MAX_MESSAGES_PER_ROOM = 500;

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export class CopStore implements LiveHandlers {
  readonly features = new LiveFeatureSet();
  private readonly tracksByUid = new Map<string, TTrack>();
  private readonly videoByUid = new Map<string, string>();
  private readonly alertsById = new Map<string, TAlert>();
  private readonly messagesByRoom = new Map<string, TChatMessage[]>();
  private overrides: Record<string, BaseStatus> = loadStatusOverrides();
  private connection: LiveState = 'connecting';
  private connectionDetail: string | undefined;
  private lastUpdate: number | null = null;
  private summaryCache: CopSummary | null = null;
  private summaryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly areaListeners = new Set<(layers: TLiveAreaLayer[]) => void>();
  private readonly chatListeners = new Set<() => void>();
  private chatVersion = 0;

  constructor(private readonly now: () => number = Date.now) {}

  // -- live handlers -------------------------------------------------------------------------------------------

  snapshot(tracks: TTrack[]): void {
    this.tracksByUid.clear();
    this.videoByUid.clear();
    const now = this.now();
    const entries: [string, PointFeature][] = [];
    for (const track of tracks) entries.push([track.uid, this.remember(track, now)]);
    this.features.reset(entries);
    this.touch();
  }

  tracks(tracks: TTrack[], removed: string[]): void {
    const now = this.now();
    const entries: [string, PointFeature][] = [];
    for (const track of tracks) entries.push([track.uid, this.remember(track, now)]);
    if (entries.length) this.features.upsertMany(entries);
    if (removed.length) {
      for (const uid of removed) {
        this.tracksByUid.delete(uid);
        this.videoByUid.delete(uid);
      }
      this.features.remove(removed);
    }
    this.touch();
  }

  alert(alert: TAlert): void {
    this.alertsById.set(alert.id, alert);
    if (this.alertsById.size > MAX_ALERTS) {
      const oldestClosed = [...this.alertsById.values()].filter((a) => a.state !== 'open').sort((a, b) => a.raisedAt.localeCompare(b.raisedAt))[0];
      if (oldestClosed) this.alertsById.delete(oldestClosed.id);
    }
    this.touch(true);
  }

  /** Alerts loaded through the API (page open, reconnect). */
  setAlerts(alerts: readonly TAlert[]): void {
    for (const alert of alerts) this.alertsById.set(alert.id, alert);
    this.touch(true);
  }

  chat(message: TChatMessage): void {
    const list = this.messagesByRoom.get(message.roomId) ?? [];
    const index = list.findIndex((m) => m.id === message.id);
    if (index >= 0) list[index] = message;
    else list.push(message);
    list.sort((a, b) => a.sentAt.localeCompare(b.sentAt));
    if (list.length > MAX_MESSAGES_PER_ROOM) list.splice(0, list.length - MAX_MESSAGES_PER_ROOM);
    this.messagesByRoom.set(message.roomId, list);
    this.touchChat();
  }

  receipt(receipt: TChatReceipt): void {
    const list = this.messagesByRoom.get(receipt.roomId);
    const message = list?.find((m) => m.id === receipt.messageId);
    if (!message) return;
    if (message.receipts.some((r) => r.kind === receipt.kind && r.by === receipt.by)) return;
    const updated = { ...message, receipts: [...message.receipts, { kind: receipt.kind, by: receipt.by, byName: receipt.byName, at: receipt.at }] };
    this.chat(updated);
  }

  areas(layers: TLiveAreaLayer[]): void {
    for (const listener of this.areaListeners) listener(layers);
  }

  /** Called with the layers of areas the server says changed (the page reads them again). */
  subscribeAreas(listener: (layers: TLiveAreaLayer[]) => void): () => void {
    this.areaListeners.add(listener);
    return () => {
      this.areaListeners.delete(listener);
    };
  }

  state(state: LiveState, detail?: string): void {
    // Back live after a drop: area changes announced meanwhile were missed, so every layer is read again (the tracks
    // resync by the server's new snapshot).
    if (state === 'live' && this.connection === 'reconnecting') this.areas([...LIVE_AREA_LAYERS]);
    this.connection = state;
    this.connectionDetail = detail;
    this.touch(true);
  }

  // -- chat ----------------------------------------------------------------------------------------------------

  setRoomMessages(roomId: string, messages: readonly TChatMessage[]): void {
    this.messagesByRoom.set(roomId, []);
    for (const m of messages) this.chat(m);
    this.touchChat();
  }

  roomMessages(roomId: string): readonly TChatMessage[] {
    return this.messagesByRoom.get(roomId) ?? [];
  }

  subscribeChat(listener: () => void): () => void {
    this.chatListeners.add(listener);
    return () => {
      this.chatListeners.delete(listener);
    };
  }

  getChatVersion = (): number => this.chatVersion;

  // -- tracks --------------------------------------------------------------------------------------------------

  track(uid: string): TTrack | undefined {
    return this.tracksByUid.get(uid);
  }

  videoUrl(uid: string): string | null {
    return this.videoByUid.get(uid) ?? null;
  }

  /** Every track, for the board (not for the map: it reads `features`). */
  allTracks(): IterableIterator<TTrack> {
    return this.tracksByUid.values();
  }

  /** Tracks in an emergency or at an incident, emergencies first then the latest reports, at most `limit`. */
  attention(limit: number): { track: TTrack; base: BaseStatus }[] {
    const urgent: { track: TTrack; base: BaseStatus }[] = [];
    for (const feature of this.features.values()) {
      const p = feature.properties as TrackProps;
      if (p.base !== 'emergency' && p.base !== 'engaged') continue;
      const track = this.tracksByUid.get(p.uid);
      if (track) urgent.push({ track, base: p.base });
    }
    urgent.sort((a, b) => (a.base === b.base ? b.track.time.localeCompare(a.track.time) : a.base === 'emergency' ? -1 : 1));
    return urgent.slice(0, limit);
  }

  /**
   * Where the tracks are: the box of the 2nd to 98th percentile of their positions (a few far-off tracks do not
   * zoom the picture out to the whole country). Null with no tracks.
   */
  extent(): [[number, number], [number, number]] | null {
    const lons: number[] = [];
    const lats: number[] = [];
    for (const track of this.tracksByUid.values()) {
      lons.push(track.lon);
      lats.push(track.lat);
    }
    if (lons.length === 0) return null;
    lons.sort((a, b) => a - b);
    lats.sort((a, b) => a - b);
    const at = (values: number[], q: number): number => values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
    return [[at(lons, 0.02), at(lats, 0.02)], [at(lons, 0.98), at(lats, 0.98)]];
  }

  /** Re-evaluates freshness (tracks go stale with time, not only with messages). Returns how many changed. */
  refreshFreshness(): number {
    const now = this.now();
    const changed: [string, PointFeature][] = [];
    for (const track of this.tracksByUid.values()) {
      const feature = this.features.get(track.uid);
      const props = feature?.properties as TrackProps | undefined;
      if (props && props.freshness !== freshnessOf(track, now)) changed.push([track.uid, this.remember(track, now)]);
    }
    if (changed.length) {
      this.features.upsertMany(changed);
      this.touch();
    }
    return changed.length;
  }

  /** Maps a free status to a base type (the operator's choice, kept in this browser) and redraws. */
  mapStatus(status: string, base: BaseStatus): void {
    this.overrides = { ...this.overrides, [normaliseStatus(status)]: base };
    saveStatusOverrides(this.overrides);
    const now = this.now();
    this.features.reset([...this.tracksByUid.values()].map((t) => [t.uid, this.remember(t, now)] as [string, PointFeature]));
    this.touch(true);
  }

  // -- summary for React ---------------------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSummary = (): CopSummary => {
    this.summaryCache ??= this.buildSummary();
    return this.summaryCache;
  };

  dispose(): void {
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    this.listeners.clear();
    this.chatListeners.clear();
    this.areaListeners.clear();
  }

  private remember(track: TTrack, now: number): PointFeature {
    this.tracksByUid.set(track.uid, track);
    // A later report without the detail keeps the known video link.
    const video = videoUrlOf(track) ?? this.videoByUid.get(track.uid) ?? null;
    if (video) this.videoByUid.set(track.uid, video);
    return trackFeature(track, now, this.overrides, video);
  }

  private buildSummary(): CopSummary {
    const byBase = emptyCounts(BASE_STATUSES);
    const byFreshness = emptyCounts(['live', 'recent', 'stale'] as const);
    const statuses = new Map<string, { status: string; base: BaseStatus; count: number }>();
    let simulated = 0;
    for (const feature of this.features.values()) {
      const p = feature.properties as TrackProps;
      byBase[p.base] += 1;
      if (p.source === 'sim') simulated += 1;
      byFreshness[p.freshness] += 1;
      const key = p.status || '—';
      const entry = statuses.get(key) ?? { status: key, base: p.base, count: 0 };
      entry.count += 1;
      statuses.set(key, entry);
    }
    // Open alerts first, and with them those acknowledged in the last minutes, so whoever acknowledged one sees it
    // confirmed where it was even when hundreds are open; then the rest, newest first.
    const recent = new Date(this.now() - RECENTLY_ACKNOWLEDGED_MS).toISOString();
    const current = (a: TAlert): boolean => a.state === 'open' || (a.state === 'acknowledged' && (a.acknowledgedAt ?? '') >= recent);
    const alerts = [...this.alertsById.values()].sort((a, b) => {
      if (current(a) !== current(b)) return current(a) ? -1 : 1;
      return b.raisedAt.localeCompare(a.raisedAt);
    });
    return {
      total: this.features.size,
      byBase,
      byFreshness,
      statuses: [...statuses.values()].sort((a, b) => b.count - a.count),
      lastUpdate: this.lastUpdate,
      simulated,
      state: this.connection,
      stateDetail: this.connectionDetail,
      alerts,
      version: (this.summaryCache?.version ?? 0) + 1,
    };
  }

  /** Marks the summary out of date and tells React, at most every SUMMARY_MS (at once when `urgent`). */
  private touch(urgent = false): void {
    this.lastUpdate = this.now();
    if (urgent) {
      if (this.summaryTimer) clearTimeout(this.summaryTimer);
      this.summaryTimer = null;
      this.publish();
      return;
    }
    this.summaryTimer ??= setTimeout(() => {
      this.summaryTimer = null;
      this.publish();
    }, SUMMARY_MS);
  }

  private publish(): void {
    const previous = this.summaryCache?.version ?? 0;
    this.summaryCache = null;
    this.summaryCache = { ...this.buildSummary(), version: previous + 1 };
    for (const listener of this.listeners) listener();
  }

  private touchChat(): void {
    this.chatVersion += 1;
    for (const listener of this.chatListeners) listener();
  }
}
