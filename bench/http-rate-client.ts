/**
 * An open-loop load client in its own process: sends the JSON bodies of a file (one per line) to `url` at a fixed
 * rate for `seconds`, whatever the answers' speed (so a slow server shows as latency, not as a lower rate), and
 * prints `{sent, ok, failed, p50, p90, p99, max}` (milliseconds) as JSON.
 * Usage: tsx bench/http-rate-client.ts URL TOKEN BODIES_FILE RATE SECONDS [WARMUP_SECONDS]
 */
import { readFileSync } from 'node:fs';

const [url = '', token = '', file = '', rateArg = '200', secondsArg = '10', warmupArg = '0'] = process.argv.slice(2);
const bodies = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
const rate = Number(rateArg);
const total = Math.round(rate * Number(secondsArg));
// The client's own start (loading, compiling, opening its connections) loads the machine for its first few hundred
// milliseconds: the first `warmup` seconds are sent at the same rate, without a pause, and not counted.
const warm = Math.round(rate * Number(warmupArg));
const latencies: number[] = [];
let failed = 0;
let firstError = '';
const started = performance.now();
const inflight: Promise<void>[] = [];
for (let i = 0; i < warm + total; i++) {
  const due = started + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
  const body = bodies[i % bodies.length] ?? '{}';
  inflight.push(
    (async () => {
      const t0 = performance.now();
      const counted = i >= warm;
      try {
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(counted ? {} : { 'x-bench-warmup': '1' }) };
        const res = await fetch(url, { method: 'POST', headers, body });
        const text = await res.text();
        if (!counted) return;
        latencies.push(performance.now() - t0);
        if (res.status !== 200) {
          failed++;
          firstError ||= `${res.status} ${text.slice(0, 300)}`;
        }
      } catch (e) {
        // A refused or timed-out connection counts as a failure with its time, not as a crash of the client.
        if (!counted) return;
        latencies.push(performance.now() - t0);
        failed++;
        firstError ||= String(e);
      }
    })(),
  );
}
await Promise.all(inflight);
latencies.sort((a, b) => a - b);
const q = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
process.stdout.write(JSON.stringify({ sent: total, ok: total - failed, failed, firstError, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: q(1) }));
