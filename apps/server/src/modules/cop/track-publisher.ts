import { COP_SUBJECTS } from '@enlace/contracts';
import type { TTrack, TTrackBusEvent } from '@enlace/contracts';
import type { EventBus } from '../../platform/events/event-bus.ts';

/**
 * Rough upper bound of one track's JSON on the bus, to keep a message under NATS' default 1 MiB payload limit
 * (the raw TAK detail dominates when present).
 */
const estimateBytes = (t: TTrack): number => 600 + 2 * ((t.detail?.length ?? 0) + (t.status?.length ?? 0) + t.callsign.length + t.uid.length);
const MAX_EVENT_BYTES = 512 * 1024;

/**
 * Publishes changed tracks on `cop.track` in batches: every track changed in the same turn of the event loop
 * (many API posts, several CoT batches) goes out in one bus message, latest state per uid, split so a message stays
 * well under the bus payload limit. One message instead of one per request keeps NATS and every subscriber's
 * per-message work (live hub, TAK fan-out, other instances) proportional to time, not to the number of callers.
 */
export class TrackPublisher {
  private pending = new Map<string, TTrack>();
  private scheduled = false;

  constructor(
    private readonly bus: EventBus,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Queues changed tracks; they are published after the current turn of the event loop. */
  publish(tracks: readonly TTrack[]): void {
    for (const t of tracks) {
      this.pending.delete(t.uid); // re-inserted last: a message keeps the order of the latest changes
      this.pending.set(t.uid, t);
    }
    if (this.scheduled || this.pending.size === 0) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Publishes what is queued now. */
  flush(): void {
    this.scheduled = false;
    if (this.pending.size === 0) return;
    const tracks = [...this.pending.values()];
    this.pending = new Map();
    let batch: TTrack[] = [];
    let bytes = 0;
    const send = (): void => {
      const event: TTrackBusEvent = { tracks: batch, removed: [] };
      this.bus.publish(COP_SUBJECTS.track, event).catch(this.onError);
      batch = [];
      bytes = 0;
    };
    for (const t of tracks) {
      const size = estimateBytes(t);
      if (batch.length > 0 && bytes + size > MAX_EVENT_BYTES) send();
      batch.push(t);
      bytes += size;
    }
    if (batch.length > 0) send();
  }
}
