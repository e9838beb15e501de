import { hostname } from 'node:os';
import { resolve } from 'node:path';

/** Runtime configuration, read once from the environment. Every variable is documented in the README. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  readonly natsUrl: string | null;
  readonly natsStreamPrefix: string;
  readonly adminPassword: string | null;
  readonly sessionTtlSeconds: number;
  /** How long a session read from the database is trusted in memory, seconds (0: ask on every request). */
  readonly sessionCacheSeconds: number;
  /** How often the `identity` change counter is polled to drop cached sessions, ms. */
  readonly sessionCheckMs: number;
  readonly bodyLimitBytes: number;
  readonly cookieSecure: boolean;
  readonly logLevel: string;
  readonly webDist: string;
  readonly loginMaxFailures: number;
  readonly loginWindowSeconds: number;
  readonly auditCheckpointDelayMs: number;
  /** Operational picture: how long track history is kept (hours), how often reports are committed (ms). */
  readonly trackHistoryHours: number;
  readonly trackFlushMs: number;
  /** Stale time given to a report that names none (seconds). */
  readonly trackDefaultStaleSeconds: number;
  /** Live WebSocket: how often updates are coalesced and sent to each browser (ms). */
  readonly liveTickMs: number;
  /** How often each live connection checks its session again (an ended session also closes it at once through the bus). */
  readonly liveSessionRecheckMs: number;
  /** Start the demo track simulator (labelled as simulated); `enlace start` demo mode sets it. */
  readonly trackSimulator: boolean;
  /** CoT (TAK) streaming ports: plain TCP and TLS with client certificates; null = off ("off" in the variable). */
  readonly cotPort: number | null;
  readonly cotTlsPort: number | null;
  /** Host name or address TAK clients use to reach the TLS port (connection preference, server certificate). */
  readonly cotPublicHost: string;
  /** Plain port: the first message must be `<auth>` (username and password of an Enlace user). */
  readonly cotRequireAuth: boolean;
  /** Plain-port clients without `<auth>`: refused (`deny`), accepted as reporters only, or shown PUBLICO items. */
  readonly cotAnonymous: 'deny' | 'report-only' | 'public';
  /** Agency that anonymous reports are attributed to (required unless cotAnonymous is `deny`). */
  readonly cotAnonymousAgency: string | null;
  /** Classification given to positions received over CoT (capped at the sender's clearance). */
  readonly cotReportClassification: string;
  /** Largest CoT event accepted, bytes; a larger one drops the connection. */
  readonly cotMaxEventBytes: number;
  /** Validity of client certificates issued for TAK devices, days. */
  readonly cotCertificateDays: number;
  /** Recompute the whole country's readiness every day at 02:00 Lima (ENLACE_READINESS_DAILY=off disables it). */
  readonly readinessDailyRecompute: boolean;
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges; ENLACE_TRUST_PROXY, comma-separated):
   * behind one, the per-address limits (sign-in failures, public certificate verification) then count each client,
   * not the proxy. Empty: the connection's own address is the client's.
   */
  readonly trustProxy: readonly string[];
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/** A TCP port; "off" disables the listener (null), 0 asks the system for a free port. */
function portVar(env: NodeJS.ProcessEnv, name: string, fallback: number): number | null {
  if (env[name] === 'off') return null;
  const n = intVar(env, name, fallback);
  if (n > 65535) throw new Error(`${name} must be a port (0-65535) or "off", got "${n}"`);
  return n;
}

const PROXY_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]+)(\/\d{1,3})?$/;

/** A comma-separated list of IP addresses or CIDR ranges. */
function addressList(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((s) => !PROXY_ADDRESS.test(s));
  if (bad.length > 0) throw new Error(`${name} must list IP addresses or CIDR ranges separated by commas, got "${bad.join(', ')}"`);
  return items;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const found = values.find((v) => v === raw);
  if (found === undefined) throw new Error(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
  return found;
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const repoRoot = resolve(import.meta.dirname, '../../../../..');
  return {
    port: intVar(env, 'PORT', 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.ENLACE_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    natsUrl: env.NATS_URL || null,
    natsStreamPrefix: env.ENLACE_NATS_STREAM_PREFIX ?? 'ENLACE',
    adminPassword: env.ENLACE_ADMIN_PASSWORD || null,
    sessionTtlSeconds: intVar(env, 'ENLACE_SESSION_TTL_SECONDS', 12 * 3600),
    sessionCacheSeconds: intVar(env, 'ENLACE_SESSION_CACHE_SECONDS', 30),
    sessionCheckMs: Math.max(10, intVar(env, 'ENLACE_SESSION_CHECK_MS', 250)),
    bodyLimitBytes: intVar(env, 'ENLACE_BODY_LIMIT_BYTES', 1024 * 1024),
    cookieSecure: env.ENLACE_COOKIE_SECURE === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: resolve(env.ENLACE_WEB_DIST ?? resolve(repoRoot, 'apps/web/dist')),
    loginMaxFailures: intVar(env, 'ENLACE_LOGIN_MAX_FAILURES', 5),
    loginWindowSeconds: intVar(env, 'ENLACE_LOGIN_WINDOW_SECONDS', 60),
    auditCheckpointDelayMs: intVar(env, 'ENLACE_AUDIT_CHECKPOINT_DELAY_MS', 250),
    trackHistoryHours: intVar(env, 'ENLACE_TRACK_HISTORY_HOURS', 30 * 24),
    trackFlushMs: intVar(env, 'ENLACE_TRACK_FLUSH_MS', 50),
    trackDefaultStaleSeconds: intVar(env, 'ENLACE_TRACK_DEFAULT_STALE_SECONDS', 300),
    liveTickMs: intVar(env, 'ENLACE_LIVE_TICK_MS', 50),
    liveSessionRecheckMs: intVar(env, 'ENLACE_LIVE_SESSION_RECHECK_MS', 30_000),
    trackSimulator: env.ENLACE_TRACK_SIMULATOR === 'true',
    cotPort: portVar(env, 'ENLACE_COT_PORT', 8087),
    cotTlsPort: portVar(env, 'ENLACE_COT_TLS_PORT', 8089),
    cotPublicHost: env.ENLACE_COT_PUBLIC_HOST || hostname(),
    cotRequireAuth: env.ENLACE_COT_REQUIRE_AUTH === 'true',
    cotAnonymous: oneOf(env, 'ENLACE_COT_ANONYMOUS', ['deny', 'report-only', 'public'] as const, 'deny'),
    cotAnonymousAgency: env.ENLACE_COT_ANONYMOUS_AGENCY || null,
    cotReportClassification: env.ENLACE_COT_REPORT_CLASSIFICATION || 'CONFIDENCIAL',
    cotMaxEventBytes: intVar(env, 'ENLACE_COT_MAX_EVENT_BYTES', 65536),
    cotCertificateDays: intVar(env, 'ENLACE_COT_CERTIFICATE_DAYS', 365),
    readinessDailyRecompute: oneOf(env, 'ENLACE_READINESS_DAILY', ['on', 'off'] as const, 'on') === 'on',
    trustProxy: addressList(env, 'ENLACE_TRUST_PROXY'),
  };
}
