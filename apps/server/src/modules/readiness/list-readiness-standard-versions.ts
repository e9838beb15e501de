import { standardRef } from '@enlace/rules';
import type { TStandardVersionInfo } from '@enlace/rules';
import type { AppContext } from '../../platform/context.ts';
import { listStandardVersions } from './readiness.repository.ts';
import { seedVersion } from './standard-in-force.ts';

/** Every version of the readiness standard, newest first, ending with the seed (the standard of @enlace/rules). */
export async function listReadinessStandardVersions({ ctx }: { ctx: AppContext }): Promise<TStandardVersionInfo[]> {
  const rows = await listStandardVersions(ctx.db);
  const { standard: _seed, ...seed } = seedVersion(!rows.some((r) => r.active));
  const stored = rows.map((r) => ({
    ref: standardRef({ standardId: r.standard_id, version: r.version }),
    standardId: r.standard_id,
    version: r.version,
    author: r.created_by,
    createdAt: r.created_at.toISOString(),
    remark: r.remark,
    active: r.active,
    seed: false,
  }));
  return [...stored, seed];
}
