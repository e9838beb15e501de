import type { Config } from '../../platform/config/config.ts';
import { pkiDir } from '../audit/audit-paths.ts';
import { loadOrCreateCertificateAuthority } from './pki/certificate-authority.ts';
import type { CertificateAuthority } from './pki/certificate-authority.ts';

const authorities = new Map<string, Promise<CertificateAuthority>>();

/**
 * The CoT certificate authority of this data dir, loaded (or created on first use) once per process and shared by
 * the TLS listener and the enrolment endpoint.
 */
export function certificateAuthority(config: Pick<Config, 'dataDir' | 'cotPublicHost'>): Promise<CertificateAuthority> {
  const dir = pkiDir(config.dataDir);
  let ca = authorities.get(dir);
  if (!ca) {
    ca = loadOrCreateCertificateAuthority(dir, [config.cotPublicHost, 'localhost', '127.0.0.1']);
    ca.catch(() => authorities.delete(dir));
    authorities.set(dir, ca);
  }
  return ca;
}
