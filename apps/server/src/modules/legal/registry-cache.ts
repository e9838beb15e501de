import type { ResourceLabel } from '@enlace/access';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys } from '../../platform/db/label-filter.ts';
import { VersionedCache } from '../../platform/db/versioned-cache.ts';
import { effectiveRegistry } from './effective-registry.ts';
import { allRealInstruments } from './legal.repository.ts';
import type { TInstrumentRecord } from './legal.schemas.ts';

interface Snapshot {
  all: readonly TInstrumentRecord[];
  /** The instruments each set of readable labels sees, kept as one array so the evaluator's index is reused. */
  byLabels: Map<string, readonly TInstrumentRecord[]>;
}

const cache = new VersionedCache<'registry', Snapshot>(1);

const keys = new WeakMap<readonly ResourceLabel[], string>();

/** One string per set of labels (the lists from `readableLabels` are kept, so this is worked out once per list). */
function labelsKey(labels: readonly ResourceLabel[]): string {
  let key = keys.get(labels);
  if (key === undefined) {
    key = labelKeys(labels).sort().join(',');
    keys.set(labels, key);
  }
  return key;
}

/**
 * The real instruments a reader with these labels may use as a legal basis, with revocations applied
 * (effective-registry.ts), from an in-memory copy of the registry that is reloaded when the registry's change version
 * (row `legal_registry` of `change_version`, moved by every write of `legal_instrument` on any instance) moves. The
 * evaluator judges periods itself, so the list is not narrowed to the request's period, and the same array (with its
 * cached index) serves every request of a reader.
 */
export async function readableRegistry(db: Queryable, labels: readonly ResourceLabel[], version: string): Promise<readonly TInstrumentRecord[]> {
  const snapshot = await cache.get(db, version, 'registry', async () => ({
    all: effectiveRegistry(await allRealInstruments(db)),
    byLabels: new Map<string, readonly TInstrumentRecord[]>(),
  }));
  const key = labelsKey(labels);
  let list = snapshot.byLabels.get(key);
  if (!list) {
    const readable = new Set(labelKeys(labels));
    list = snapshot.all.filter((i) => readable.has(`${i.agency}:${i.classification}`));
    snapshot.byLabels.set(key, list);
  }
  return list;
}
