import type { Actor } from './actor.ts';

interface Entry {
  actor: Actor;
  /** When the session itself expires (ms since epoch). */
  expiresAt: number;
  /** When this copy stops being trusted without asking the database again (ms since epoch). */
  freshUntil: number;
}

export interface SessionCacheOptions {
  /** How long a session read from the database is trusted at most; 0 turns the cache off. */
  ttlMs: number;
  /** Sessions kept at most (least recently used dropped first). */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Who is behind each session token, kept in memory so that a request costs no database round trip to learn it.
 * Under load that round trip queued behind the position writer on the shared pool (issue 5's tail).
 *
 * Correctness does not rest on the time to live alone. A copy is dropped:
 * - at once on this instance when a use-case ends sessions ({@link forgetTokens}, {@link forgetUsers});
 * - on the other instances when the bus brings them the same news (`identity.sessions.ended`);
 * - everywhere when the `identity` change counter moves (every change to `session` or `app_user`, migration 0014,
 *   polled a few times a second), which also covers changes made outside the product;
 * - and in any case after `ttlMs`, or when the session expires.
 * A database read that started before a drop is not cached when it completes after it (the generation check),
 * so a revocation can never be overwritten by an answer read just before it.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private generation = 0;
  private counter: string | null = null;

  constructor(options: SessionCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = Math.max(1, options.maxEntries ?? 50_000);
    this.now = options.now ?? Date.now;
  }

  /** A cache that keeps nothing (contexts without an HTTP front, or `ENLACE_SESSION_CACHE_SECONDS=0`). */
  static disabled(): SessionCache {
    return new SessionCache({ ttlMs: 0 });
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached actor of a token hash, or undefined when the database must be asked. */
  get(tokenHash: string): Actor | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    const now = this.now();
    if (entry.freshUntil <= now || entry.expiresAt <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, entry);
    return entry.actor;
  }

  /** Taken before a database read; {@link set} stores its answer only if nothing was dropped meanwhile. */
  ticket(): number {
    return this.generation;
  }

  set(tokenHash: string, actor: Actor, expiresAt: number, ticket: number): void {
    // Nothing is kept before the first counter reading: a change made before it would go unnoticed.
    if (!this.enabled || ticket !== this.generation || this.counter === null) return;
    const now = this.now();
    if (expiresAt <= now) return;
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, { actor, expiresAt, freshUntil: Math.min(expiresAt, now + this.ttlMs) });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forgetTokens(tokenHashes: readonly string[]): void {
    this.generation++;
    for (const h of tokenHashes) this.entries.delete(h);
  }

  forgetUsers(userIds: readonly string[]): void {
    this.generation++;
    const ids = new Set(userIds);
    for (const [h, e] of this.entries) if (ids.has(e.actor.userId)) this.entries.delete(h);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /**
   * The `identity` change counter as just read: when it moved since the last reading, every copy goes (a session
   * or a user changed somewhere). The first reading only sets the mark.
   */
  observeCounter(version: string): void {
    if (this.counter !== null && this.counter !== version) this.clear();
    this.counter = version;
  }
}
