import { DEFAULT_READINESS_STANDARD } from '@enlace/rules';
import type { TStandardVersion } from '@enlace/rules';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { findActiveStandard, findStandardVersion } from './readiness.repository.ts';
import { presentVersion, seedVersion } from './standard-in-force.ts';

/** One version of the readiness standard with its content (for the history: what a past result was judged by). */
export async function getReadinessStandardVersion({ ctx, version }: { ctx: AppContext; version: string }): Promise<TStandardVersion> {
  if (version === DEFAULT_READINESS_STANDARD.version) return seedVersion((await findActiveStandard(ctx.db)) === null);
  const row = await findStandardVersion(ctx.db, DEFAULT_READINESS_STANDARD.standardId, version);
  if (!row) throw notFound();
  return presentVersion(row);
}
