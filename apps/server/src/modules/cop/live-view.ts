import { readableLabels } from '@enlace/access';
import type { TForce, TTrack } from '@enlace/contracts';
import { LabelSet } from './track-access.ts';
import type { CopActor } from './track-access.ts';
import { trackMatches } from './track-store.ts';
import type { TrackFilter } from './track-store.ts';

/** What a browser asked to see of the tracks. */
export interface TrackView {
  bbox?: readonly [number, number, number, number] | undefined;
  forces?: readonly TForce[] | undefined;
  maxAgeSeconds?: number | undefined;
}

/** Changes of one tick: the latest state per uid, or null when the track was removed. */
export type TrackChanges = ReadonlyMap<string, TTrack | null>;

/** What a view's clients get in one tick: tracks now in the view, uids that left it or were removed. */
export interface ViewBatch {
  tracks: TTrack[];
  removed: string[];
}

/** The readable labels of an actor for tracks, as a key: users of the same role, agency and clearance share it. */
export function trackLabelsKey(actor: CopActor): string {
  return readableLabels(actor, 'track:read')
    .map((l) => `${l.agency}/${l.classification}`)
    .sort()
    .join(',');
}

/** The key of a view: readable labels plus the subscription's box, forces and freshness. */
export function viewKey(labelsKey: string, view: TrackView): string {
  const forces = view.forces && view.forces.length > 0 ? [...view.forces].sort().join(',') : '';
  return `${labelsKey}|${view.bbox?.join(',') ?? ''}|${forces}|${view.maxAgeSeconds ?? ''}`;
}

/**
 * The clients that may read the same labels and subscribed to the same box, forces and freshness see exactly the
 * same tracks: each change is checked against their permissions and filter once for all of them, and each
 * tick's message is serialised once for all of them. A view remembers which tracks it holds, to tell its clients
 * when one leaves it (moved out of the box, reclassified, removed).
 */
export class LiveView<C> {
  readonly clients = new Set<C>();
  readonly filter: TrackFilter;
  private readonly inView = new Set<string>();

  constructor(
    readonly key: string,
    actor: CopActor,
    view: TrackView,
  ) {
    this.filter = { bbox: view.bbox, forces: view.forces, maxAgeSeconds: view.maxAgeSeconds, labels: new LabelSet(actor, 'track:read') };
  }

  /** The current tracks of the view (a client's snapshot), which the view now holds. */
  snapshot(all: Iterable<TTrack>, now: number): TTrack[] {
    const out: TTrack[] = [];
    for (const t of all) {
      if (!trackMatches(t, this.filter, now)) continue;
      out.push(t);
      this.inView.add(t.uid);
    }
    return out;
  }

  /** This tick's batch for the view, or null when nothing in it changed. */
  batch(changes: TrackChanges, now: number): ViewBatch | null {
    let tracks: TTrack[] | null = null;
    let removed: string[] | null = null;
    for (const [uid, t] of changes) {
      if (t !== null && trackMatches(t, this.filter, now)) {
        (tracks ??= []).push(t);
        this.inView.add(uid);
      } else if (this.inView.delete(uid)) {
        (removed ??= []).push(uid);
      }
    }
    return tracks || removed ? { tracks: tracks ?? [], removed: removed ?? [] } : null;
  }
}
