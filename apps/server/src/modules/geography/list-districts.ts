import type { TDistrict } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { foldText } from '../../platform/db/text-search.ts';
import { listDistricts as listDistrictRows } from './geography.repository.ts';

export interface ListDistrictsOptions {
  db: Queryable;
  /** The province's 4-digit UBIGEO. */
  province?: string | undefined;
  /** The department's 2-digit UBIGEO. */
  department?: string | undefined;
  /** Part of the name, ignoring case and accents. */
  q?: string | undefined;
  limit?: number | undefined;
}

/** Districts of a province or department (or of Peru), optionally those whose name holds `q`. */
export async function listDistricts({ db, province, department, q, limit }: ListDistrictsOptions): Promise<TDistrict[]> {
  const search = q === undefined ? undefined : foldText(q);
  return listDistrictRows(db, {
    provinceUbigeo: province,
    departmentUbigeo: department,
    search: search || undefined,
    limit: limit ?? 2000,
  });
}
