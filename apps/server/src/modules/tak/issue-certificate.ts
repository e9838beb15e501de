import { randomBytes } from 'node:crypto';
import type { TTakEnrollment, TTakEnrollmentCreate } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { runAudited } from '../../platform/audit/run-audited.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { certificateView } from './certificate-view.ts';
import { runningCotServer } from './cot-server.ts';
import { fingerprintOf, issueClientCertificate } from './pki/certificate-authority.ts';
import { buildDataPackage } from './pki/data-package.ts';
import { buildPkcs12, buildTrustStore } from './pki/pkcs12.ts';
import { certificateAuthority } from './tak-pki.ts';
import { findEnrollee, insertCertificate } from './tak.repository.ts';

/** A password for the .p12 files: 16 characters without look-alikes (0/O, 1/l), easy to type if ever needed. */
function packagePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Enrols a user's TAK device: issues a client certificate from the internal CA (CN = username, OU = agency) and
 * returns it as a data package the phone imports in one step (client .p12, CA trust store, connection preference
 * for the TLS port). The certificate is recorded and audited; the private key exists only in the package and is
 * never stored. Each call issues a new certificate (Idempotency-Key is not honoured here, so that no private key is
 * ever kept for replay); older ones stay valid until revoked or expired.
 */
export async function issueCertificate(ctx: AppContext, actor: Actor, input: TTakEnrollmentCreate): Promise<TTakEnrollment> {
  const { config } = ctx;
  if (config.cotTlsPort === null) throw new AppError('TAK_TLS_DISABLED');
  const user = await findEnrollee(ctx.db, input.userId);
  if (!user) throw notFound();
  if (!user.active) throw new AppError('TAK_USER_INACTIVE');
  const ca = await certificateAuthority(config);
  const callsign = input.callsign ?? user.username;
  const issued = await issueClientCertificate(ca, {
    commonName: user.username,
    organizationalUnit: user.agency,
    days: input.validDays ?? config.cotCertificateDays,
  });
  const { value: row } = await runAudited(
    { db: ctx.db, actor: auditActorOf(actor), afterAudit: ctx.afterAudit },
    async (tx, audit) => {
      const stored = await insertCertificate(tx, {
        serial: issued.serial,
        fingerprint: issued.fingerprint,
        caFingerprint: fingerprintOf(ca.caDer),
        userId: user.id,
        subject: issued.subject,
        callsign,
        issuedBy: actor.userId,
        notBefore: issued.notBefore,
        notAfter: issued.notAfter,
      });
      audit.record('issue', 'tak_certificate', stored.id, {
        userId: user.id,
        username: user.username,
        callsign,
        serial: stored.serial,
        fingerprint: stored.fingerprint,
        notAfter: stored.notAfter,
      });
      return stored;
    },
  );
  const password = packagePassword();
  const port = runningCotServer(ctx)?.tlsPort ?? config.cotTlsPort;
  const connectString = `${config.cotPublicHost}:${port}:ssl`;
  const [clientP12, trustStoreP12] = await Promise.all([
    buildPkcs12({ keyPkcs8: issued.keyPkcs8, certificate: issued.certDer, chain: [ca.caDer], password, friendlyName: user.username }),
    buildTrustStore({ certificates: [ca.caDer], password, friendlyName: 'enlace-ca' }),
  ]);
  const pkg = buildDataPackage({
    description: 'Enlace',
    connectString,
    callsign,
    clientP12,
    trustStoreP12,
    password,
    name: user.username,
  });
  return {
    certificate: certificateView(row),
    fileName: pkg.fileName,
    dataPackage: Buffer.from(pkg.zip).toString('base64'),
    packagePassword: password,
    connectString,
  };
}
