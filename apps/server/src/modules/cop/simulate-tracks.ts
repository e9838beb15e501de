import type { TAgencyCode, TForce, TTrackReport } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { ensureDemoFixtures } from './demo-fixtures.ts';
import { ingestReports } from './ingest-reports.ts';
import { systemActor } from './track-access.ts';

type LonLat = readonly [number, number];

/**
 * Routes along main avenues of Lima and Callao (approximate vertices, longitude/latitude), for simulated patrols.
 * Demo only: every simulated track is labelled "(SIMULADO)", has source `sim` and status `simulado`.
 */
const ROUTES: Record<string, readonly LonLat[]> = {
  arequipa: [[-77.0366, -12.064], [-77.0352, -12.0755], [-77.0341, -12.087], [-77.033, -12.0985], [-77.0318, -12.11], [-77.0297, -12.1195]],
  javierPrado: [[-77.056, -12.0915], [-77.04, -12.0895], [-77.025, -12.089], [-77.01, -12.087], [-76.995, -12.086], [-76.98, -12.0835]],
  abancay: [[-77.0285, -12.045], [-77.0281, -12.05], [-77.0276, -12.055], [-77.027, -12.06]],
  venezuela: [[-77.048, -12.056], [-77.06, -12.057], [-77.08, -12.059], [-77.095, -12.059], [-77.103, -12.058]],
  faucett: [[-77.103, -12.058], [-77.105, -12.048], [-77.108, -12.036], [-77.112, -12.024]],
  costaVerde: [[-77.08, -12.09], [-77.066, -12.1], [-77.056, -12.11], [-77.04, -12.125], [-77.025, -12.138]],
  tupacAmaru: [[-77.042, -12.035], [-77.048, -12.012], [-77.055, -11.99], [-77.06, -11.95]],
  argentina: [[-77.055, -12.047], [-77.07, -12.0475], [-77.09, -12.048], [-77.12, -12.05], [-77.135, -12.054]],
  grau: [[-77.037, -12.058], [-77.03, -12.0605], [-77.02, -12.062], [-77.01, -12.063]],
  brasil: [[-77.043, -12.066], [-77.049, -12.075], [-77.055, -12.083], [-77.061, -12.092]],
  callaoPort: [[-77.135, -12.054], [-77.145, -12.06], [-77.152, -12.066], [-77.16, -12.07]],
};

interface SimUnit {
  uid: string;
  callsign: string;
  type: string;
  force: TForce;
  agency: TAgencyCode;
  route: readonly LonLat[];
  /** Metres per second. */
  speed: number;
  /** Distance travelled along the route and back (metres). */
  offset: number;
}

/** 34 simulated tracks: PNP patrols across the city, the armed forces in Callao and at the airport. */
function simUnits(): SimUnit[] {
  const plan: [keyof typeof ROUTES, TForce, string, number][] = [
    ['arequipa', 'PNP', 'a-f-G-U-C', 3], ['javierPrado', 'PNP', 'a-f-G-E-V', 3], ['abancay', 'PNP', 'a-f-G-U-C', 3],
    ['grau', 'PNP', 'a-f-G-U-C', 3], ['brasil', 'PNP', 'a-f-G-E-V', 3], ['tupacAmaru', 'PNP', 'a-f-G-E-V', 3],
    ['costaVerde', 'EP', 'a-f-G-U-C', 3], ['venezuela', 'EP', 'a-f-G-E-V', 3], ['argentina', 'MGP', 'a-f-G-U-C', 3],
    ['callaoPort', 'MGP', 'a-f-S-X', 2], ['faucett', 'FAP', 'a-f-G-U-C', 2], ['faucett', 'FAP', 'a-f-A-M-F-Q', 1],
    ['argentina', 'CCFFAA', 'a-f-G-U-C', 1], ['arequipa', 'CCFFAA', 'a-f-G-E-V', 1],
  ];
  const units: SimUnit[] = [];
  let n = 0;
  for (const [route, force, type, count] of plan) {
    for (let i = 0; i < count; i++) {
      n++;
      const label = type.startsWith('a-f-A') ? 'DRON' : type.startsWith('a-f-S') ? 'LANCHA' : force === 'PNP' ? 'PATRULLA' : 'PELOTÓN';
      units.push({
        uid: `SIM-${force}-${String(n).padStart(2, '0')}`,
        callsign: `${label} ${force} ${String(n).padStart(2, '0')} (SIMULADO)`,
        type,
        force,
        agency: force,
        route: ROUTES[route]!,
        speed: type.startsWith('a-f-A') ? 25 : 6 + ((n * 7) % 9),
        offset: (n * 977) % 5000,
      });
    }
  }
  return units;
}

const R = 6_371_000;
function metres(a: LonLat, b: LonLat): number {
  const dLat = ((b[1] - a[1]) * Math.PI) / 180;
  const dLon = ((b[0] - a[0]) * Math.PI * Math.cos((a[1] * Math.PI) / 180)) / 180;
  return R * Math.hypot(dLat, dLon);
}

/** Position and course at a distance along a route travelled back and forth. Pure. */
export function positionOnRoute(route: readonly LonLat[], distance: number): { lon: number; lat: number; course: number } {
  const legs = route.slice(1).map((p, i) => metres(route[i]!, p));
  const total = legs.reduce((s, l) => s + l, 0);
  let d = ((distance % (2 * total)) + 2 * total) % (2 * total);
  const back = d > total;
  if (back) d = 2 * total - d;
  let i = 0;
  while (i < legs.length - 1 && d > legs[i]!) d -= legs[i++]!;
  const [a, b] = [route[i]!, route[i + 1]!];
  const f = legs[i]! > 0 ? Math.min(1, d / legs[i]!) : 0;
  const lon = a[0] + (b[0] - a[0]) * f;
  const lat = a[1] + (b[1] - a[1]) * f;
  const [from, to] = back ? [b, a] : [a, b];
  const course = ((Math.atan2((to[0] - from[0]) * Math.cos((lat * Math.PI) / 180), to[1] - from[1]) * 180) / Math.PI + 360) % 360;
  return { lon, lat, course };
}

/** Reports every simulated unit every 2 s. Returns a stop function. Started by demo mode only. */
export function startTrackSimulator(ctx: AppContext, periodMs = 2000): () => void {
  const units = simUnits();
  const started = Date.now();
  let busy = false;
  ensureDemoFixtures(ctx).catch((err: unknown) => ctx.log.error({ err }, 'demo fixtures failed'));
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    const now = Date.now();
    const byAgency = new Map<TAgencyCode, TTrackReport[]>();
    for (const u of units) {
      const p = positionOnRoute(u.route, u.offset + (u.speed * (now - started)) / 1000);
      const list = byAgency.get(u.agency) ?? [];
      list.push({
        uid: u.uid,
        callsign: u.callsign,
        type: u.type,
        lat: p.lat,
        lon: p.lon,
        course: p.course,
        speed: u.speed,
        ce: 8,
        battery: 100 - (Math.floor((now - started) / 60_000) % 60),
        status: 'simulado',
        time: new Date(now).toISOString(),
        stale: new Date(now + 30_000).toISOString(),
        how: 'm-g',
        source: 'sim',
        force: u.force,
        agency: u.agency,
        classification: 'PUBLICO',
        // Simulated drones carry a (demo, unreachable) video link, as a real drone's CoT `<__video>` would.
        ...(u.type.startsWith('a-f-A') ? { detail: `<__video url="rtsp://video.demo.enlace.local/${u.uid}"/>` } : {}),
      });
      byAgency.set(u.agency, list);
    }
    Promise.all([...byAgency].map(([agency, reports]) => ingestReports(ctx, systemActor(agency, 'simulador'), reports)))
      .catch((err: unknown) => ctx.log.warn({ err }, 'track simulator report failed'))
      .finally(() => (busy = false));
  }, periodMs);
  timer.unref();
  return () => clearInterval(timer);
}
