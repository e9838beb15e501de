import { COP_SUBJECTS } from '@enlace/contracts';
import type { TGeofence, TTrackBusEvent } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/db.ts';
import type { EventBus } from '../../platform/events/event-bus.ts';
import { LAWFUL_AREAS_CHANGED_SUBJECT } from '../legal/announce-lawful-areas-changed.ts';
import type { LawfulArea } from './lawful-areas.ts';
import { TrackPublisher } from './track-publisher.ts';
import { TrackStore } from './track-store.ts';
import { TRACK_WRITER_CONNECTIONS, TrackWriter } from './track-writer.ts';
import { listGeofenceRows, loadCurrentTracks } from './cop.repository.ts';

/**
 * How long the lawful areas read from stored evaluations are reused. Evaluations are only ever added, and each one
 * stored or instrument revoked clears the copy on every instance (`legal.lawful-areas.changed`), so this bounds only the delay after a lost
 * signal (each reading is audited as one entry, and the TAK picture asks for them every minute).
 */
const LAWFUL_AREAS_TTL_MS = 600_000;

/**
 * The live state of the operational picture in one server instance: current tracks in memory, the batched
 * writer of positions, and the bus subscription that keeps the memory in step with the other instances.
 * One per instance (keyed by its bus); created on first use, stopped when the app closes.
 */
export class CopRuntime {
  readonly tracks = new TrackStore();
  readonly writer: TrackWriter;
  /** Publishes accepted changes on `cop.track`, batched per turn of the event loop. */
  readonly publisher: TrackPublisher;
  private loading: Promise<void> | null = null;
  private geofenceCache: Promise<TGeofence[]> | null = null;
  private lawfulCache: { at: number; areas: Promise<LawfulArea[]> } | null = null;
  /** Causes of alerts already raised by this instance (the database refuses duplicates across instances). */
  readonly raised = new Set<string>();
  private readonly unsubscribe: () => void;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly closers: (() => Promise<void> | void)[] = [];

  /** The writer's own connections (see the constructor). */
  private readonly writerDb: Db;

  constructor(private readonly ctx: Pick<AppContext, 'db' | 'bus' | 'config' | 'afterAudit' | 'log'>) {
    // The writer has connections of its own: its callers (devices, the CoT gateway) wait for its commits, so it must
    // never queue for a connection behind API requests. Browsers' session checks once held up the shared pool so.
    this.writerDb = ctx.db.lane('positions', TRACK_WRITER_CONNECTIONS);
    this.writer = new TrackWriter(this.writerDb, ctx.config.trackFlushMs, ctx.afterAudit, {
      keep: (uid) => this.tracks.get(uid) !== undefined, // removed from the picture: its last state is not written back
      onError: (err: unknown) => ctx.log.error({ err }, 'newest track states not written (retried)'),
    });
    this.publisher = new TrackPublisher(ctx.bus, (err: unknown) => ctx.log.error({ err }, 'track changes not published'));
    this.unsubscribe = ctx.bus.subscribe(COP_SUBJECTS.track, (event) => {
      const data = event.data as TTrackBusEvent;
      for (const t of data.tracks) this.tracks.apply(t);
      for (const r of data.removed) this.tracks.remove(r.uid);
    });
    const offGeofences = ctx.bus.subscribe(COP_SUBJECTS.geofence, () => {
      this.geofenceCache = null;
    });
    this.closers.push(offGeofences);
    // A stored evaluation or a revoked instrument (on any instance) may add, change or withdraw a unit's lawful area.
    const offLawful = ctx.bus.subscribe(LAWFUL_AREAS_CHANGED_SUBJECT, () => {
      this.lawfulCache = null;
    });
    this.closers.push(offLawful);
  }

  /**
   * The lawful areas of units (from stored tasking evaluations), cached for LAWFUL_AREAS_TTL_MS or until an
   * evaluation is stored: evaluations are rare and reading them is audited. Callers judge periods against their own
   * clock (the copy keeps areas whose period had not ended when it was read).
   */
  lawfulAreas(load: () => Promise<LawfulArea[]>, now = Date.now()): Promise<LawfulArea[]> {
    if (!this.lawfulCache || now - this.lawfulCache.at > LAWFUL_AREAS_TTL_MS) {
      const areas = load().catch((err: unknown) => {
        this.lawfulCache = null;
        throw err;
      });
      this.lawfulCache = { at: now, areas };
    }
    return this.lawfulCache.areas;
  }

  /** Forgets the cached lawful areas (a new evaluation was stored; the bus signal does it on every instance). */
  refreshLawfulAreas(): void {
    this.lawfulCache = null;
  }

  /** The active geofences, cached until one changes on any instance. */
  activeGeofences(): Promise<TGeofence[]> {
    this.geofenceCache ??= listGeofenceRows(this.ctx.db, { activeOnly: true }).catch((err: unknown) => {
      this.geofenceCache = null;
      throw err;
    });
    return this.geofenceCache;
  }

  /** Loads the current tracks from the database once (after migrations); retried on failure. */
  loaded(): Promise<void> {
    this.loading ??= (async () => {
      const rows = await loadCurrentTracks(this.ctx.db);
      for (const t of rows) this.tracks.apply(t);
    })().catch((err: unknown) => {
      this.loading = null;
      throw err;
    });
    return this.loading;
  }

  /** Runs `fn` every `ms` until close; errors go to `onError`. */
  every(ms: number, fn: () => Promise<void>, onError: (err: unknown) => void): void {
    let busy = false;
    const t = setInterval(() => {
      if (busy) return;
      busy = true;
      fn().catch(onError).finally(() => (busy = false));
    }, ms);
    t.unref();
    this.timers.push(t);
  }

  onClose(fn: () => Promise<void> | void): void {
    this.closers.push(fn);
  }

  async close(): Promise<void> {
    this.publisher.flush();
    this.unsubscribe();
    for (const t of this.timers) clearInterval(t);
    for (const fn of this.closers) await fn();
    await this.writer.close();
    if (this.writerDb !== this.ctx.db) await this.writerDb.close();
    runtimes.delete(this.ctx.bus);
  }
}

const runtimes = new WeakMap<EventBus, CopRuntime>();

/** The runtime of the instance `ctx` belongs to. */
export function copRuntime(ctx: Pick<AppContext, 'db' | 'bus' | 'config' | 'afterAudit' | 'log'>): CopRuntime {
  let rt = runtimes.get(ctx.bus);
  if (!rt) {
    rt = new CopRuntime(ctx);
    runtimes.set(ctx.bus, rt);
  }
  return rt;
}
