import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Profiles this process's main thread (where the benches run the server) from now until the returned function is
 * called, and writes a .cpuprofile to `file` (open it in Chrome DevTools or summarise it with
 * bench/cpu-profile-top.ts). Used while a bench measures, so that seeding does not fill the profile.
 */
export async function startProfile(file: string, label: string): Promise<() => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    process.stderr.write(`${label}: CPU profile written to ${file}\n`);
    session.disconnect();
  };
}

/**
 * Samples this process's allocations (one sample per 16 KiB) from now until the returned function is called, and
 * writes a .heapprofile (summarise it with bench/heap-profile-top.ts). By default every allocation counts, objects
 * that died young included: where the garbage that drives the young-generation collections comes from. With
 * `survivors`, only what no collection has freed by the end: what the scavenges copy and promote. With `promoted`,
 * what no young-generation collection freed, whether a full collection freed it later or not: what fills the old
 * generation between full collections.
 */
export type HeapProfileKeep = 'all' | 'survivors' | 'promoted';

export async function startHeapProfile(file: string, label: string, keep: HeapProfileKeep = 'all'): Promise<() => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: keep !== 'survivors',
    includeObjectsCollectedByMinorGC: keep === 'all',
  });
  return async () => {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    writeFileSync(file, JSON.stringify(profile));
    process.stderr.write(`${label}: heap profile written to ${file}\n`);
    session.disconnect();
  };
}
