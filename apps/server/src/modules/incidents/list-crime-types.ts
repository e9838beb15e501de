import type { z } from 'zod';
import type { ZCrimeTypeCatalog } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { crimeTypeCatalog } from './incidents.repository.ts';

/** Enlace's crime types with their legal references, and the mapping table from each source's local codes. */
export async function listCrimeTypes({ ctx }: { ctx: AppContext }): Promise<z.infer<typeof ZCrimeTypeCatalog>> {
  return crimeTypeCatalog(ctx.db);
}
