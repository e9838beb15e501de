import type { TReadinessRecomputeSummary } from '@enlace/contracts';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { limaToday } from '../forces/forces-access.ts';
import { ALL_LABELS } from './readiness-results.ts';
import { findDailyRun, insertDailyRun, tryLockDailyRecompute } from './readiness.repository.ts';
import { recomputeReadiness } from './recompute-national-readiness.ts';

/** Lima keeps UTC-5 all year (no daylight saving). */
const LIMA_OFFSET_MS = 5 * 3_600_000;
/** The hour (Lima) the country is recomputed: after the day's certificates expire, before the morning's work. */
export const DAILY_RECOMPUTE_LIMA_HOUR = 2;

/** Milliseconds from `now` to the next `hour`:00 in Lima (a full day when it is that time exactly). */
export function msUntilNextLimaHour(now: Date, hour: number = DAILY_RECOMPUTE_LIMA_HOUR): number {
  const lima = new Date(now.getTime() - LIMA_OFFSET_MS);
  const next = Date.UTC(lima.getUTCFullYear(), lima.getUTCMonth(), lima.getUTCDate(), hour) + LIMA_OFFSET_MS;
  return next > now.getTime() ? next - now.getTime() : next + 86_400_000 - now.getTime();
}

export type TDailyRecomputeOutcome =
  | { ran: true; day: string; summary: TReadinessRecomputeSummary }
  | { ran: false; day: string; reason: 'running-elsewhere' | 'already-done' };

/**
 * Recomputes the readiness of every unit of the country for today (Lima), as the system, once per day whatever the
 * number of server instances: in one transaction holding a PostgreSQL advisory lock (an instance that finds it
 * taken leaves the work to the holder) and recording the day (an instance that comes later finds it done).
 */
export async function runDailyReadinessRecompute(ctx: AppContext, now: Date = new Date()): Promise<TDailyRecomputeOutcome> {
  const day = limaToday(now);
  const { value } = await runAudited({ db: ctx.db, actor: SYSTEM_ACTOR, afterAudit: ctx.afterAudit }, async (tx, audit): Promise<TDailyRecomputeOutcome> => {
    if (!(await tryLockDailyRecompute(tx))) return { ran: false, day, reason: 'running-elsewhere' };
    if (await findDailyRun(tx, day)) return { ran: false, day, reason: 'already-done' };
    const summary = await recomputeReadiness(tx, audit, ALL_LABELS, day);
    await insertDailyRun(tx, { day, units: summary.units, standardVersion: summary.standardVersion });
    return { ran: true, day, summary };
  });
  return value;
}

/**
 * Starts the in-process timer of the daily recompute (Lima 02:00), unless the configuration turns it off
 * (ENLACE_READINESS_DAILY=off; the test app does). Returns a stop function.
 */
export function startDailyReadinessRecompute(ctx: AppContext): () => void {
  if (!ctx.config.readinessDailyRecompute) return () => undefined;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      const run = ctx.ready() ? runDailyReadinessRecompute(ctx) : Promise.resolve(null);
      run
        .then((outcome) => { if (outcome) ctx.log.info({ outcome }, 'daily readiness recompute'); })
        .catch((err: unknown) => { ctx.log.error({ err }, 'daily readiness recompute failed'); })
        .finally(schedule);
    }, msUntilNextLimaHour(new Date()));
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
