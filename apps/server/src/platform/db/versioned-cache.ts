/**
 * Values loaded from the database and kept in memory while a change version (change-versions.ts) stays the same: the
 * first request at a new version clears the entries and loads again; concurrent requests for one key share one
 * load; a request that read an older version than the cache's loads for itself without storing. A failed load is
 * not kept. At most `maxEntries` keys are kept (the oldest is dropped first).
 *
 * Entries are kept per database handle: counters of two databases in one process (the tests run the embedded one
 * and PostgreSQL side by side) can hold the same numbers, so a version alone does not name a database's state.
 * Pass the long-lived handle (`ctx.db`); a transaction handle works but only caches for that transaction.
 */
export class VersionedCache<K, V> {
  private readonly perDb = new WeakMap<object, { version: bigint; entries: Map<K, Promise<V>> }>();

  constructor(private readonly maxEntries = 1000) {}

  get(db: object, version: string, key: K, load: () => Promise<V>): Promise<V> {
    let state = this.perDb.get(db);
    if (!state) {
      state = { version: -1n, entries: new Map() };
      this.perDb.set(db, state);
    }
    const { entries } = state;
    const v = BigInt(version || '0');
    if (v < state.version) return load();
    if (v > state.version) {
      state.version = v;
      entries.clear();
    }
    let entry = entries.get(key);
    if (!entry) {
      entry = load();
      entries.set(key, entry);
      entry.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      if (entries.size > this.maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    }
    return entry;
  }
}
