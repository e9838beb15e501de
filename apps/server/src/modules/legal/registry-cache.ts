import type { ResourceLabel } from '@enlace/access';
import type { Queryable } from '../../platform/db/db.ts';
import { labelKeys } from '../../platform/db/label-filter.ts';
import { allRealInstruments, registryFingerprint } from './legal.repository.ts';
import type { TInstrumentRecord } from './legal.schemas.ts';

interface Snapshot {
  fingerprint: string;
  all: readonly TInstrumentRecord[];
  /** The instruments each set of readable labels sees, kept as one array so the evaluator's index is reused. */
  byLabels: Map<string, readonly TInstrumentRecord[]>;
}

let snapshot: Snapshot | undefined;

/**
 * The real instruments a reader with these labels may use as a legal basis, from an in-memory copy of the registry
 * that is reloaded whenever the registry's fingerprint changes (checked on every call with one aggregate query, so
 * an edit made through another instance is seen at once). The evaluator judges periods itself, so the list is not
 * narrowed to the request's period, and the same array (with its cached index) serves every request of a reader.
 */
export async function readableRegistry(db: Queryable, labels: readonly ResourceLabel[]): Promise<readonly TInstrumentRecord[]> {
  const fingerprint = await registryFingerprint(db);
  if (!snapshot || snapshot.fingerprint !== fingerprint) {
    snapshot = { fingerprint, all: await allRealInstruments(db), byLabels: new Map() };
  }
  const keys = labelKeys(labels);
  const key = [...keys].sort().join(',');
  let list = snapshot.byLabels.get(key);
  if (!list) {
    const readable = new Set(keys);
    list = snapshot.all.filter((i) => readable.has(`${i.agency}:${i.classification}`));
    snapshot.byLabels.set(key, list);
  }
  return list;
}
