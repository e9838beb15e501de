import { AGENCY_CODES, CLASSIFICATIONS } from '@enlace/contracts';
import type { TUnit } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { listUnits as listUnitRows } from './units.repository.ts';

const ALL_LABELS = AGENCY_CODES.flatMap((agency) => CLASSIFICATIONS.map((classification) => ({ agency, classification })));

/**
 * Every non-exercise unit of both forces, for the operational picture sent to TAK clients (at most `limit`). Every
 * agency's: the CoT gateway filters each unit per receiver with authorize() before it leaves the server.
 */
export async function listPictureUnits(ctx: AppContext, q: { limit: number }): Promise<TUnit[]> {
  const page = await listUnitRows(ctx.db, { labels: ALL_LABELS, exercise: false, limit: q.limit, offset: 0 });
  return page.items;
}
