/**
 * The durable write path of position reports alone (no sockets, no subscribers): `TrackWriter` against PostgreSQL at
 * a fixed offered rate, in the settings that matter for it. Reports come in batches of 100 every 10 ms from 6,000
 * tracks (as the CoT gateway hands them over); a batch is refused, as the API does, while more than 100,000 reports
 * wait. Prints committed reports/s and the commit latency (write → durable) per setting.
 *
 *   ENLACE_BENCH_DATABASE_URL=postgres://… npx tsx bench/cot-load-writer.ts [rate=10000] [seconds=15]
 */
import type { TTrack } from '@enlace/contracts';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import { openPostgres } from '../apps/server/src/platform/db/open-postgres.ts';
import type { TrackRow } from '../apps/server/src/modules/cop/cop.repository.ts';
import { TrackWriter } from '../apps/server/src/modules/cop/track-writer.ts';

const url = process.env.ENLACE_BENCH_DATABASE_URL;
if (!url) throw new Error('ENLACE_BENCH_DATABASE_URL is required');
const rate = Number(process.argv[2] ?? 10_000);
const seconds = Number(process.argv[3] ?? 15);
const TRACKS = 6000;
const TICK_MS = 10;
const CAP = 100_000;

const settings: { name: string; concurrency: number; currentMs: number }[] = [
  { name: 'one transaction at a time, newest state at once', concurrency: 1, currentMs: 25 },
  { name: 'three transactions in flight, newest state at once', concurrency: 3, currentMs: 25 },
  { name: 'one transaction at a time, newest state once a second', concurrency: 1, currentMs: 1000 },
  { name: 'three transactions in flight, newest state once a second', concurrency: 3, currentMs: 1000 },
];

const db = openPostgres(url, { max: 8 });
await migrate(db);
const pct = (xs: number[], p: number): number => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

process.stdout.write(`| setting (${rate}/s offered, ${seconds} s) | committed/s | refused | commit p50 | commit p99 |\n|---|---:|---:|---:|---:|\n`);
for (const [k, s] of settings.entries()) {
  const writer = new TrackWriter(db, 50, () => undefined, { concurrency: s.concurrency, currentMs: s.currentMs });
  const prefix = `W${k}-${Date.now().toString(36)}-`;
  const base = Date.now() - 3_600_000;
  const perTick = Math.round((rate * TICK_MS) / 1000);
  const latencies: number[] = [];
  const writes: Promise<unknown>[] = [];
  let n = 0;
  let refused = 0;
  let committed = 0;
  const start = performance.now();
  const ticks = Math.round((seconds * 1000) / TICK_MS);
  for (let tick = 0; tick < ticks; tick++) {
    const due = start + tick * TICK_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (writer.backlog > CAP) {
      refused += perTick;
      continue;
    }
    const rows: TrackRow[] = [];
    for (let i = 0; i < perTick; i++, n++) {
      const uid = `${prefix}${n % TRACKS}`;
      const time = new Date(base + n * 10).toISOString();
      const track: TTrack = {
        uid, callsign: uid, type: 'a-f-G-U-C', lat: -12 + (n % 997) / 1e4, lon: -77 + (n % 991) / 1e4, hae: 100, ce: 9.9,
        le: null, course: 90, speed: 1.5, battery: 80, status: null, time, stale: time, how: 'm-g', source: 'cot',
        force: 'PNP', unitId: null, agency: 'PNP', classification: 'PUBLICO', receivedAt: time,
      };
      rows.push({ track, reportedBy: null });
    }
    const t0 = performance.now();
    writes.push(
      writer.write(rows).then((ins) => {
        latencies.push(performance.now() - t0);
        for (const r of rows) if (ins.has(`${r.track.uid}|${r.track.time}`)) committed++;
      }),
    );
  }
  await Promise.all(writes);
  const elapsed = (performance.now() - start) / 1000;
  await writer.close();
  process.stdout.write(
    `| ${s.name} | ${Math.round(committed / elapsed).toLocaleString('en')} | ${refused.toLocaleString('en')} | ${Math.round(pct(latencies, 50))} ms | ${Math.round(pct(latencies, 99))} ms |\n`,
  );
  await new Promise((r) => setTimeout(r, 2000));
}
await db.close();
