/**
 * An open-loop load client in its own process: sends the JSON bodies of a file (one per line) to `url` at a fixed
 * rate for `seconds`, whatever the answers' speed (so a slow server shows as latency, not as a lower rate), and
 * prints `{sent, ok, failed, p50, p90, p99, max}` (milliseconds) as JSON. It uses `node:http` with kept-alive
 * connections rather than `fetch`: `fetch` cost about 1.3 ms of CPU per request here, which the measuring client took
 * from the two cores it shares with the server and PostgreSQL (the plain client costs a fraction of that).
 * Usage: tsx bench/http-rate-client.ts URL TOKEN BODIES_FILE RATE SECONDS [WARMUP_SECONDS]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const [url = '', token = '', file = '', rateArg = '200', secondsArg = '10', warmupArg = '0'] = process.argv.slice(2);
const bodies = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
const rate = Number(rateArg);
const total = Math.round(rate * Number(secondsArg));
// The client's own start (loading, compiling, opening its connections) loads the machine for its first few hundred
// milliseconds: the first `warmup` seconds are sent at the same rate, without a pause, and not counted.
const warm = Math.round(rate * Number(warmupArg));
const latencies: number[] = [];
// ENLACE_BENCH_TIMELINE=<file>: each counted request's send time (epoch ms) and latency, one per line, to line slow
// requests up with what the database was doing at that moment.
const timeline: string[] = [];
let failed = 0;
let firstError = '';
const started = performance.now();
const inflight: Promise<void>[] = [];
const target = new URL(url);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs one body; resolves with the status and the answer's text (a network error rejects). */
function post(body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'POST', agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}
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
        const res = await post(body, headers);
        if (!counted) return;
        latencies.push(performance.now() - t0);
        if (process.env.ENLACE_BENCH_TIMELINE) timeline.push(`${(performance.timeOrigin + t0).toFixed(1)} ${(performance.now() - t0).toFixed(2)}`);
        if (res.status !== 200) {
          failed++;
          firstError ||= `${res.status} ${res.text.slice(0, 300)}`;
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
if (process.env.ENLACE_BENCH_TIMELINE) writeFileSync(process.env.ENLACE_BENCH_TIMELINE, timeline.join('\n') + '\n', { flag: 'a' });
const q = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
agent.destroy();
process.stdout.write(JSON.stringify({ sent: total, ok: total - failed, failed, firstError, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: q(1) }));
