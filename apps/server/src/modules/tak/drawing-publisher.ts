import type { TCopDrawing } from '@enlace/contracts';

/** How often the picture's sources are read again for changes, and how often every drawing is sent again. */
export interface PublisherTiming {
  refreshMs: number;
  /** Below the drawings' stale time, so phones never drop an item that is still there. */
  renewMs: number;
}

/** A drawing to send, and the version phones had before (to take it off those that may no longer see it). */
export interface DrawingChange {
  drawing: TCopDrawing;
  previous?: TCopDrawing | undefined;
}

export const DEFAULT_PUBLISHER_TIMING: PublisherTiming = { refreshMs: 60_000, renewMs: 300_000 };

/**
 * Keeps the drawings the command post shows on phones (units, incidents, legal and task areas) and hands on what
 * changed: it reads them again every `refreshMs` (or when asked), compares with what it holds, and sends the new
 * and changed ones and the removal of those that went; every `renewMs` it sends all of them again so they do not
 * go stale on the phones. Each instance runs its own for its own clients, reading the shared database, so a
 * change made through any instance reaches every phone without a message per instance.
 */
export class DrawingPublisher {
  private held = new Map<string, { drawing: TCopDrawing; key: string }>();
  private first: Promise<void> | null = null;
  private running: Promise<DrawingChange[]> | null = null;
  private again: Promise<DrawingChange[]> | null = null;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly load: () => Promise<TCopDrawing[]>,
    private readonly send: (changes: readonly DrawingChange[]) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Starts the periodic reading and renewal (the first reading starts now). */
  start(timing: PublisherTiming = DEFAULT_PUBLISHER_TIMING): void {
    void this.loaded().catch(this.onError);
    const every = (ms: number, fn: () => void): void => {
      const t = setInterval(fn, ms);
      t.unref();
      this.timers.push(t);
    };
    every(timing.refreshMs, () => void this.refresh().catch(this.onError));
    every(timing.renewMs, () => this.send(this.current().map((drawing) => ({ drawing }))));
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
  }

  /** Resolves once the drawings have been read at least once. */
  loaded(): Promise<void> {
    this.first ??= this.refresh().then(
      () => undefined,
      (err: unknown) => {
        this.first = null;
        throw err;
      },
    );
    return this.first;
  }

  /** The drawings held now. */
  current(): TCopDrawing[] {
    return [...this.held.values()].map((h) => h.drawing);
  }

  /**
   * Reads the drawings again and sends what changed (new, changed, removed); returns it. One reading at a time: asked
   * during a reading (which may have read its sources before the change that prompted the call), it reads once more
   * after that one, and every call made meanwhile shares that next reading.
   */
  refresh(): Promise<DrawingChange[]> {
    if (this.running) {
      this.again ??= this.running
        .catch(() => undefined)
        .then(() => {
          this.again = null;
          return this.refresh();
        });
      return this.again;
    }
    this.running = this.load()
      .then((drawings) => {
        const next = new Map<string, { drawing: TCopDrawing; key: string }>();
        const changed: DrawingChange[] = [];
        for (const d of drawings) {
          const key = JSON.stringify(d);
          next.set(d.uid, { drawing: d, key });
          const held = this.held.get(d.uid);
          if (held?.key !== key) changed.push({ drawing: d, previous: held?.drawing });
        }
        for (const [uid, h] of this.held) if (!next.has(uid)) changed.push({ drawing: { ...h.drawing, removed: true } });
        this.held = next;
        if (changed.length > 0) this.send(changed);
        return changed;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
