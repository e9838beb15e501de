import type { TProvince } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { listProvinces as listProvinceRows } from './geography.repository.ts';

export interface ListProvincesOptions {
  db: Queryable;
  /** The department's 2-digit UBIGEO. */
  department: string;
}

/** The provinces of a department in UBIGEO order; empty for an unknown department. */
export async function listProvinces({ db, department }: ListProvincesOptions): Promise<TProvince[]> {
  return listProvinceRows(db, department);
}
