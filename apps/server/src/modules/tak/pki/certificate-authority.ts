import 'reflect-metadata';
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

const subtle = webcrypto.subtle;
const crypto = webcrypto as unknown as Crypto;
const RSA: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

/** The internal certificate authority of the CoT TLS port, and the server certificate it signed. */
export interface CertificateAuthority {
  readonly caPem: string;
  readonly caDer: Uint8Array;
  readonly caName: string;
  readonly serverKeyPem: string;
  readonly serverCertPem: string;
  readonly signingKey: CryptoKey;
}

/** A client certificate just issued; the private key leaves the server only inside the data package. */
export interface IssuedCertificate {
  serial: string;
  fingerprint: string;
  subject: string;
  certPem: string;
  certDer: Uint8Array;
  keyPkcs8: Uint8Array;
  notBefore: Date;
  notAfter: Date;
}

function pem(label: string, der: ArrayBuffer | Uint8Array): string {
  return x509.PemConverter.encode(der instanceof Uint8Array ? toArrayBuffer(der) : der, label);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A positive random serial (16 bytes, top bit clear), hexadecimal. */
function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f | 0x01;
  return bytes.toString('hex');
}

/** SHA-256 fingerprint of a DER certificate, lower-case hex. */
export function fingerprintOf(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

/** Escapes a value for an X.500 name string (RFC 4514). */
function dnValue(value: string): string {
  return value.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/^[ #]|[ ]$/g, (c) => `\\${c}`);
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return subtle.generateKey(RSA, true, ['sign', 'verify']);
}

async function importKeyPair(keyPem: string, certPem: string): Promise<{ privateKey: CryptoKey; cert: x509.X509Certificate }> {
  const privateKey = await subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(keyPem), RSA, true, ['sign']);
  return { privateKey, cert: new x509.X509Certificate(certPem) };
}

async function exportKeyPem(key: CryptoKey): Promise<string> {
  return pem('PRIVATE KEY', await subtle.exportKey('pkcs8', key));
}

function write(file: string, text: string, secret: boolean): void {
  writeFileSync(file, text, { mode: secret ? 0o600 : 0o644 });
}

/**
 * Loads the CoT certificate authority from `dir` (the data dir's `pki/`), creating it on first start: an RSA-2048
 * CA valid 10 years and a server certificate for `serverNames` valid 2 years. The server certificate is reissued
 * when a name is added or it is within 30 days of expiry. Keys are written with mode 0600.
 */
export async function loadOrCreateCertificateAuthority(dir: string, serverNames: readonly string[]): Promise<CertificateAuthority> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caKeyFile = join(dir, 'tak-ca-key.pem');
  const caCertFile = join(dir, 'tak-ca.pem');
  const serverKeyFile = join(dir, 'tak-server-key.pem');
  const serverCertFile = join(dir, 'tak-server.pem');
  let caKey: CryptoKey;
  let caCert: x509.X509Certificate;
  if (existsSync(caKeyFile) && existsSync(caCertFile)) {
    const loaded = await importKeyPair(readFileSync(caKeyFile, 'utf8'), readFileSync(caCertFile, 'utf8'));
    caKey = loaded.privateKey;
    caCert = loaded.cert;
  } else {
    const keys = await generateKeys();
    const now = new Date();
    caCert = await x509.X509CertificateGenerator.createSelfSigned(
      {
        serialNumber: newSerial(),
        name: `CN=Enlace CoT CA ${now.toISOString().slice(0, 10)} ${randomBytes(3).toString('hex')}, O=Enlace`,
        notBefore: new Date(now.getTime() - 3600_000),
        notAfter: new Date(now.getTime() + 10 * 365 * 86400_000),
        keys,
        signingAlgorithm: RSA,
        extensions: [
          new x509.BasicConstraintsExtension(true, 0, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
          await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        ],
      },
      crypto,
    );
    caKey = keys.privateKey;
    write(caKeyFile, await exportKeyPem(caKey), true);
    write(caCertFile, caCert.toString('pem'), false);
  }
  const names = [...new Set(serverNames.filter((n) => n !== ''))];
  let serverKeyPem: string;
  let serverCertPem: string;
  const current = existsSync(serverKeyFile) && existsSync(serverCertFile) ? new x509.X509Certificate(readFileSync(serverCertFile, 'utf8')) : null;
  const currentNames = current?.getExtension(x509.SubjectAlternativeNameExtension)?.names.items.map((n) => n.value) ?? [];
  const fresh = current !== null && current.notAfter.getTime() - Date.now() > 30 * 86400_000 && current.issuer === caCert.subject;
  if (current && fresh && names.every((n) => currentNames.includes(n))) {
    serverKeyPem = readFileSync(serverKeyFile, 'utf8');
    serverCertPem = readFileSync(serverCertFile, 'utf8');
  } else {
    const keys = await generateKeys();
    const cert = await x509.X509CertificateGenerator.create(
      {
        serialNumber: newSerial(),
        subject: `CN=${dnValue(names[0] ?? 'enlace')}, O=Enlace`,
        issuer: caCert.subject,
        notBefore: new Date(Date.now() - 3600_000),
        notAfter: new Date(Date.now() + 2 * 365 * 86400_000),
        publicKey: keys.publicKey,
        signingKey: caKey,
        signingAlgorithm: RSA,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
          new x509.SubjectAlternativeNameExtension(
            names.map((n) => (/^[\d.]+$|:/.test(n) ? { type: 'ip' as const, value: n } : { type: 'dns' as const, value: n })),
          ),
        ],
      },
      crypto,
    );
    serverKeyPem = await exportKeyPem(keys.privateKey);
    serverCertPem = cert.toString('pem');
    write(serverKeyFile, serverKeyPem, true);
    write(serverCertFile, serverCertPem, false);
  }
  return {
    caPem: caCert.toString('pem'),
    caDer: new Uint8Array(caCert.rawData),
    caName: caCert.subject,
    serverKeyPem,
    serverCertPem,
    signingKey: caKey,
  };
}

/** Issues a client certificate (TLS client authentication) for `commonName`, valid `days` days. */
export async function issueClientCertificate(
  ca: CertificateAuthority,
  options: { commonName: string; organizationalUnit: string; days: number; now?: Date },
): Promise<IssuedCertificate> {
  const keys = await generateKeys();
  const now = options.now ?? new Date();
  const subject = `CN=${dnValue(options.commonName)}, OU=${dnValue(options.organizationalUnit)}, O=Enlace`;
  const serial = newSerial();
  const notBefore = new Date(now.getTime() - 5 * 60_000);
  const notAfter = new Date(now.getTime() + options.days * 86400_000);
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serial,
      subject,
      issuer: ca.caName,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: ca.signingKey,
      signingAlgorithm: RSA,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      ],
    },
    crypto,
  );
  const certDer = new Uint8Array(cert.rawData);
  return {
    serial,
    fingerprint: fingerprintOf(certDer),
    subject,
    certPem: cert.toString('pem'),
    certDer,
    keyPkcs8: new Uint8Array(await subtle.exportKey('pkcs8', keys.privateKey)),
    notBefore,
    notAfter,
  };
}

/**
 * The certificate revocation list for the TLS port, signed by the CA. Valid one year from `now`; the server
 * rebuilds it at start and on every revocation, so it never expires while the server runs.
 */
export async function buildCrl(
  ca: CertificateAuthority,
  revoked: readonly { serial: string; revokedAt: Date }[],
  now = new Date(),
): Promise<string> {
  const crl = await x509.X509CrlGenerator.create(
    {
      issuer: ca.caName,
      thisUpdate: new Date(now.getTime() - 60_000),
      nextUpdate: new Date(now.getTime() + 365 * 86400_000),
      signingKey: ca.signingKey,
      signingAlgorithm: RSA,
      entries: revoked.map((r) => ({ serialNumber: r.serial, revocationDate: r.revokedAt, reason: x509.X509CrlReason.keyCompromise })),
    },
    crypto,
  );
  return pem('X509 CRL', crl.rawData); // OpenSSL wants "X509 CRL", the library writes "CRL"
}
