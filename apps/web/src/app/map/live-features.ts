/**
 * A keyed set of point features that changes many times a second (live tracks) and reaches the map at most once per
 * animation frame: `upsert`/`remove` only mark the set dirty; one `requestAnimationFrame` callback hands the whole
 * collection to the GeoJSON source. MapLibre itself drops intermediate `setData` calls while its worker is busy, so
 * 10,000 tracks updating every second cost one tiling pass per frame at most, never one per message.
 *
 * Pure bookkeeping lives in `LiveFeatureSet` (testable without a browser); `attachLiveSource` connects it to a map.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

export type PointFeature = Feature<Point, Record<string, unknown>>;

/** Features by key, with a version that changes whenever the set does. */
export class LiveFeatureSet {
  private readonly features = new Map<string, PointFeature>();
  private cached: FeatureCollection<Point> | null = null;
  version = 0;

  get size(): number {
    return this.features.size;
  }

  upsert(key: string, feature: PointFeature): void {
    this.features.set(key, feature);
    this.touch();
  }

  upsertMany(entries: Iterable<[string, PointFeature]>): void {
    for (const [key, feature] of entries) this.features.set(key, feature);
    this.touch();
  }

  remove(keys: Iterable<string>): void {
    let changed = false;
    for (const key of keys) changed = this.features.delete(key) || changed;
    if (changed) this.touch();
  }

  /** Replaces everything (a snapshot). */
  reset(entries: Iterable<[string, PointFeature]>): void {
    this.features.clear();
    this.upsertMany(entries);
  }

  get(key: string): PointFeature | undefined {
    return this.features.get(key);
  }

  values(): IterableIterator<PointFeature> {
    return this.features.values();
  }

  /** The features as a collection; the same object until the set changes. */
  collection(filter?: (feature: PointFeature) => boolean): FeatureCollection<Point> {
    if (filter) return { type: 'FeatureCollection', features: [...this.features.values()].filter(filter) };
    this.cached ??= { type: 'FeatureCollection', features: [...this.features.values()] };
    return this.cached;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private readonly listeners = new Set<() => void>();

  private touch(): void {
    this.version += 1;
    this.cached = null;
    for (const listener of this.listeners) listener();
  }
}

/** Default spacing of redraws: none up to 1,000 features, then 0.1 ms per feature (1 s at 10,000), at most 1 s. */
export function flushInterval(size: number): number {
  return size <= 1000 ? 0 : Math.min(1000, size / 10);
}

export interface LiveSourceHandle {
  /** Asks for a redraw on the next animation frame (coalesced). */
  schedule(): void;
  /** Number of `setData` calls so far (for performance checks). */
  readonly flushes: number;
  detach(): void;
}

/**
 * Feeds `set` into the GeoJSON source `sourceId` of `map`, at most once per animation frame, only when the set (or
 * the filter, after `schedule()`) changed since the last frame. Large sets are also spaced by `minIntervalMs(size)`
 * (default `flushInterval`): re-tiling and placing 10,000 symbols costs the main thread far more than a frame on a
 * modest machine, and positions arrive about once a second anyway.
 */
export function attachLiveSource(
  map: MapLibreMap,
  sourceId: string,
  set: LiveFeatureSet,
  filter?: () => ((feature: PointFeature) => boolean) | undefined,
  minIntervalMs: (size: number) => number = flushInterval,
): LiveSourceHandle {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sentVersion = -1;
  let forced = false;
  let flushes = 0;
  let lastFlush = -Infinity;
  const flush = (now: number): void => {
    frame = 0;
    if (!forced && sentVersion === set.version) return;
    const wait = lastFlush + minIntervalMs(set.size) - now;
    if (wait > 0) {
      timer ??= setTimeout(() => {
        timer = null;
        schedule();
      }, wait);
      return;
    }
    const source = map.getSource<GeoJSONSource>(sourceId);
    if (!source) return;
    forced = false;
    sentVersion = set.version;
    flushes += 1;
    lastFlush = now;
    void source.setData(set.collection(filter?.()));
  };
  const schedule = (): void => {
    if (frame === 0 && timer === null) frame = requestAnimationFrame(flush);
  };
  const unsubscribe = set.subscribe(schedule);
  schedule();
  return {
    schedule: () => {
      forced = true;
      schedule();
    },
    get flushes() {
      return flushes;
    },
    detach: () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
      frame = 0;
      timer = null;
    },
  };
}
