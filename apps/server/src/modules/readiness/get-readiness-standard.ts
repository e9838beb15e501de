import type { TStandardVersion } from '@enlace/rules';
import type { AppContext } from '../../platform/context.ts';
import { standardInForce } from './standard-in-force.ts';

/** The readiness standard in force with its version record (author, time, remark), for any reader of readiness. */
export async function getReadinessStandard({ ctx }: { ctx: AppContext }): Promise<TStandardVersion> {
  return standardInForce(ctx.db);
}
