import { authorize, readableLabels } from '@enlace/access';
import type { TCertificate } from '@enlace/contracts';
import QRCode from 'qrcode';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { assertRecordAccess, limaToday } from '../forces/forces-access.ts';
import { findCertificate, findSession, listCertificateRows, revokeCertificateRow } from './training.repository.ts';

/** Certificates the actor may read, by holder, unit, course, status, or expiring within some days. */
export async function listCertificates({ ctx, actor, ...filter }: {
  ctx: AppContext;
  actor: Actor;
  personId?: string | undefined;
  unitId?: string | undefined;
  courseCode?: string | undefined;
  status?: string | undefined;
  expiringWithinDays?: number | undefined;
  limit: number;
  offset: number;
}): Promise<TCertificate[]> {
  return listCertificateRows(ctx.db, { labels: readableLabels(actor, 'training:read'), today: limaToday(), ...filter });
}

export async function getCertificate({ ctx, actor, id }: { ctx: AppContext; actor: Actor; id: string }): Promise<TCertificate> {
  const certificate = await findCertificate(ctx.db, id, limaToday());
  if (!certificate) throw notFound();
  assertRecordAccess(actor, 'training:read', certificate);
  return certificate;
}

/**
 * The QR code (SVG) of a certificate's public verification URL, for printing on the certificate. The URL is built on
 * the address the caller reached the server at.
 */
export async function certificateQrSvg({ ctx, actor, id, origin }: { ctx: AppContext; actor: Actor; id: string; origin: string }): Promise<{
  svg: string;
  url: string;
}> {
  const certificate = await getCertificate({ ctx, actor, id });
  const url = `${origin}${certificate.verifyPath}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { svg, url };
}

/**
 * Revokes a certificate with a reason (e.g. obtained irregularly, holder sanctioned). The holder's agency or the
 * session's organiser may revoke it; revocation is final and audited; verification then says "revoked".
 */
export async function revokeCertificate(
  tx: Queryable,
  audit: AuditTrail,
  actor: Actor,
  id: string,
  reason: string,
): Promise<TCertificate> {
  const today = limaToday();
  const certificate = await findCertificate(tx, id, today);
  if (!certificate) throw notFound();
  const session = certificate.sessionId ? await findSession(tx, certificate.sessionId) : null;
  if (!(session && authorize(actor, 'training:write', session).allow)) {
    assertRecordAccess(actor, 'training:write', certificate, { readPermission: 'training:read' });
  }
  if (certificate.status === 'revoked' || !(await revokeCertificateRow(tx, id, actor.username, reason))) {
    throw new AppError('CERTIFICATE_ALREADY_REVOKED');
  }
  const after = (await findCertificate(tx, id, today))!;
  audit.record('revoke', 'certificate', id, after);
  return after;
}
