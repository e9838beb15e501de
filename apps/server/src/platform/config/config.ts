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
  readonly bodyLimitBytes: number;
  readonly cookieSecure: boolean;
  readonly logLevel: string;
  readonly webDist: string;
  readonly loginMaxFailures: number;
  readonly loginWindowSeconds: number;
  readonly auditCheckpointDelayMs: number;
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
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
    bodyLimitBytes: intVar(env, 'ENLACE_BODY_LIMIT_BYTES', 1024 * 1024),
    cookieSecure: env.ENLACE_COOKIE_SECURE === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: resolve(env.ENLACE_WEB_DIST ?? resolve(repoRoot, 'apps/web/dist')),
    loginMaxFailures: intVar(env, 'ENLACE_LOGIN_MAX_FAILURES', 5),
    loginWindowSeconds: intVar(env, 'ENLACE_LOGIN_WINDOW_SECONDS', 60),
    auditCheckpointDelayMs: intVar(env, 'ENLACE_AUDIT_CHECKPOINT_DELAY_MS', 250),
  };
}
