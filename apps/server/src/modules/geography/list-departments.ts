import type { TDepartment } from '@enlace/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { listDepartments as listDepartmentRows } from './geography.repository.ts';

/** The 25 departments (Callao counted as one), in UBIGEO order. */
export async function listDepartments({ db }: { db: Queryable }): Promise<TDepartment[]> {
  return listDepartmentRows(db);
}
