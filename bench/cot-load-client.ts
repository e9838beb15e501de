/**
 * Load generator for bench/cot-load.bench.ts, in its own process so that it does not share the server's event
 * loop. Role `devices`: CoT devices over TCP and devices over the HTTP API, each sending one position every
 * `intervalMs`. Role `subscribers`: browser WebSocket subscribers, each watching one cell of the area; measures the
 * latency from the report's time (set by the sender) to its arrival. Prints one JSON line when done.
 * Usage: tsx bench/cot-load-client.ts '<json options>'
 */
import http from 'node:http';
import net from 'node:net';
import WebSocket from 'ws';

export interface LoadOptions {
  role: 'devices' | 'subscribers';
  target: 'enlace' | 'baseline';
  cotPort: number;
  httpUrl: string;
  token: string;
  cotDevices: number;
  apiDevices: number;
  subscribers: number;
  intervalMs: number;
  /** Epoch ms: measure between these; stop at `until`. */
  measureFrom: number;
  measureTo: number;
  until: number;
}

/** The area is cut into CELLS cells along longitude; device i stays in cell i % CELLS, subscriber s watches s % CELLS. */
export const CELLS = 20;
const WEST = -77.2;
const EAST = -76.8;
const SOUTH = -12.3;
const NORTH = -11.8;
const cellWidth = (EAST - WEST) / CELLS;
export const cellBbox = (cell: number): [number, number, number, number] => [WEST + cell * cellWidth, SOUTH, WEST + (cell + 1) * cellWidth, NORTH];

const o = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
const inWindow = (t: number): boolean => t >= o.measureFrom && t < o.measureTo;

function place(i: number, tick: number): { lat: number; lon: number } {
  const cell = i % CELLS;
  const phase = (i * 0.618 + tick * 0.001) % 1;
  return { lon: WEST + cell * cellWidth + cellWidth * (0.1 + 0.8 * phase), lat: SOUTH + (NORTH - SOUTH) * (0.1 + 0.8 * ((i * 0.377) % 1)) };
}

function cotXml(i: number, tick: number, now: number): string {
  const { lat, lon } = place(i, tick);
  const t = new Date(now).toISOString();
  const stale = new Date(now + 120_000).toISOString();
  return `<event version="2.0" uid="DEV-${i}" type="a-f-G-U-C" how="m-g" time="${t}" start="${t}" stale="${stale}"><point lat="${lat.toFixed(6)}" lon="${lon.toFixed(6)}" hae="150" ce="9.9" le="9999999"/><detail><contact callsign="DEV-${i}" endpoint="*:-1:stcp"/><__group name="Cyan" role="Team Member"/><track course="${tick % 360}" speed="1.2"/><status battery="80"/></detail></event>`;
}

async function runDevices(): Promise<void> {
  const sockets: (net.Socket | null)[] = [];
  let sent = 0;
  let apiSent = 0;
  let apiFailed = 0;
  let inflight = 0;
  let closed = 0;
  let connectFailed = 0;
  /** Time from a report's due moment to its API answer (ms), within the measured window (diagnostic). */
  const apiTimes: number[] = [];
  // Ramp up connections (the listen backlog is finite).
  for (let i = 0; i < o.cotDevices; i++) {
    const socket = net.connect({ port: o.cotPort, host: '127.0.0.1' });
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (Date.now() < o.until) closed++; // dropped by the server, not by us at the end
      sockets[i] = null;
    });
    socket.on('data', () => undefined); // protocol offer, pongs: read and drop
    socket.once('connect', () => {
      if (o.target === 'baseline') socket.write(`#${i % CELLS}\n`);
    });
    sockets.push(socket);
    if (i % 200 === 199) await new Promise((r) => setTimeout(r, 20));
  }
  // Wait until every device is connected (or has failed), at most until the measurement starts.
  while (Date.now() < o.measureFrom - 1000 && sockets.some((s) => s?.connecting)) await new Promise((r) => setTimeout(r, 100));
  connectFailed = sockets.filter((s) => s === null || s.connecting).length;
  // Up to one keep-alive connection per API device, as a thousand phones would have, rather than 64 connections
  // shared by all devices, where a report queues behind other devices' requests (each answered after its commit).
  // maxFreeSockets too: Node keeps only 256 idle sockets by default and closes the rest, so every burst of slow
  // answers used to open hundreds of new connections inside the measurement (SYN retries of 1 s and more when they
  // overflow the listen backlog), a cost of the load client, not of the server.
  const sockets_ = Math.max(64, o.apiDevices);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets_, maxFreeSockets: sockets_ });
  const url = new URL(o.httpUrl);
  /** Connections opened by the API devices inside the measured window (diagnostic: should be 0). */
  let apiConnects = 0;
  const known = new WeakSet<net.Socket>();
  const countSocket = (s: net.Socket): void => {
    if (known.has(s)) return;
    known.add(s);
    if (inWindow(Date.now())) apiConnects++;
  };
  // Open every device's connection before the measurement, as phones that have been reporting already have one.
  await Promise.all(
    Array.from(
      { length: o.apiDevices },
      () =>
        new Promise<void>((resolve) => {
          const req = http.request({ agent, host: url.hostname, port: url.port, method: 'GET', path: '/healthz' }, (res) => {
            res.resume();
            res.on('end', resolve);
          });
          req.on('socket', countSocket);
          req.on('error', () => resolve());
          req.end();
        }),
    ),
  );
  const post = (i: number, tick: number, now: number): void => {
    const { lat, lon } = place(o.cotDevices + i, tick);
    const body = JSON.stringify({
      reports: [{ uid: `API-${i}`, type: 'a-f-G-E-V', lat, lon, time: new Date(now).toISOString(), course: tick % 360, speed: 8, classification: 'PUBLICO' }],
    });
    const cell = (o.cotDevices + i) % CELLS;
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: o.target === 'enlace' ? '/api/v1/positions' : `/positions/${cell}`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}`, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        if (inWindow(now)) apiTimes.push(Date.now() - now);
        res.resume();
        if (res.statusCode !== undefined && res.statusCode < 300) apiSent++;
        else apiFailed++;
      },
    );
    inflight++;
    req.on('socket', countSocket);
    req.on('close', () => inflight--);
    req.on('error', () => apiFailed++);
    req.end(body);
  };
  // Every device sends once per interval, spread evenly over it.
  const total = o.cotDevices + o.apiDevices;
  const started = Date.now();
  let next = 0; // index of the next send overall
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = Date.now();
      if (now >= o.until) {
        clearInterval(timer);
        resolve();
        return;
      }
      const due = Math.floor(((now - started) / o.intervalMs) * total);
      for (; next < due; next++) {
        const i = next % total;
        const tick = Math.floor(next / total);
        if (i < o.cotDevices) {
          const s = sockets[i];
          if (s && !s.connecting && s.writable) {
            s.write(cotXml(i, tick, now));
            if (inWindow(now)) sent++;
          }
        } else {
          post(i - o.cotDevices, tick, now);
        }
      }
    }, 5);
  });
  for (const s of sockets) s?.destroy();
  // Let the API requests still in flight finish (at most 10 s).
  const deadline = Date.now() + 10_000;
  while (inflight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  agent.destroy();
  apiTimes.sort((x, y) => x - y);
  const apiAt = (q: number): number => apiTimes[Math.min(apiTimes.length - 1, Math.floor(q * apiTimes.length))] ?? 0;
  process.stdout.write(`${JSON.stringify({ sent, apiSent, apiFailed, closed, connectFailed, apiAnswerP50: apiAt(0.5), apiAnswerP90: apiAt(0.9), apiAnswerP99: apiAt(0.99), apiConnects })}\n`);
}

async function runSubscribers(): Promise<void> {
  const histogram = new Uint32Array(60_001); // 1 ms buckets up to 60 s
  let samples = 0;
  let messages = 0;
  let closed = 0;
  /** Deliveries later than 250 ms (the p99 target), by the source of the report (diagnostic). */
  const late = { api: 0, cot: 0 };
  const record = (latency: number, now: number): void => {
    if (!inWindow(now)) return;
    histogram[Math.max(0, Math.min(60_000, Math.round(latency)))]!++;
    samples++;
  };
  const timeRe = /time="([^"]+)"|"time":"([^"]+)"/g;
  const sockets: WebSocket[] = [];
  await Promise.all(
    Array.from({ length: o.subscribers }, async (_, s) => {
      const cell = s % CELLS;
      const path = o.target === 'enlace' ? '/api/v1/live' : `/live/${cell}`;
      const ws = new WebSocket(`${o.httpUrl.replace(/^http/, 'ws')}${path}`, { headers: { authorization: `Bearer ${o.token}` } });
      sockets.push(ws);
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      ws.on('close', () => {
        if (Date.now() < o.until) closed++;
      });
      ws.on('message', (data) => {
        const now = Date.now();
        messages++;
        const text = (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString();
        if (o.target === 'enlace') {
          if (!text.startsWith('{"type":"tracks"')) return;
          const m = JSON.parse(text) as { tracks: { uid: string; time: string }[] };
          for (const t of m.tracks) {
            const latency = now - Date.parse(t.time);
            record(latency, now);
            if (latency > 250 && inWindow(now)) late[t.uid.startsWith('API-') ? 'api' : 'cot']++;
          }
        } else {
          for (const match of text.matchAll(timeRe)) record(now - Date.parse(match[1] ?? match[2] ?? ''), now);
        }
      });
      if (o.target === 'enlace') ws.send(JSON.stringify({ type: 'subscribe', bbox: cellBbox(cell), kinds: ['tracks'] }));
    }),
  );
  process.stderr.write(`subscribers ready\n`);
  process.stdout.write('READY\n');
  await new Promise((r) => setTimeout(r, Math.max(0, o.until - Date.now())));
  for (const ws of sockets) ws.terminate();
  const pct = (p: number): number => {
    let target = Math.ceil(samples * p);
    for (let i = 0; i < histogram.length; i++) {
      target -= histogram[i]!;
      if (target <= 0) return i;
    }
    return histogram.length - 1;
  };
  process.stdout.write(`${JSON.stringify({ samples, messages, closed, p50: pct(0.5), p99: pct(0.99), max: pct(1), lateApi: late.api, lateCot: late.cot })}\n`);
}

if (o.role === 'devices') await runDevices();
else await runSubscribers();
