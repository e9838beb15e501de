import type { TTakCertificate } from '@enlace/contracts';
import type { AppContext } from '../../platform/context.ts';
import { certificateView } from './certificate-view.ts';
import { listCertificates as listRows } from './tak.repository.ts';

/** Certificates issued for TAK devices, newest first, optionally of one user. */
export async function listCertificates(ctx: AppContext, q: { userId?: string | undefined; limit: number }): Promise<TTakCertificate[]> {
  const rows = await listRows(ctx.db, q);
  return rows.map((r) => certificateView(r));
}
