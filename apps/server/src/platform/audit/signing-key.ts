import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The server's Ed25519 key that signs audit checkpoints; kept in `$ENLACE_DATA_DIR/pki`. */
export interface SigningKey {
  readonly keyId: string;
  readonly publicKeyPem: string;
  sign(payload: Buffer): string;
}

export function keyIdOf(publicKeyPem: string): string {
  return createHash('sha256').update(publicKeyPem.trim()).digest('hex').slice(0, 16);
}

/** Loads the key from `pkiDir`, creating it (mode 0600) on first start. */
export function loadOrCreateSigningKey(pkiDir: string): SigningKey {
  const file = join(pkiDir, 'audit-signing-key.pem');
  let privateKey: KeyObject;
  if (existsSync(file)) {
    privateKey = createPrivateKey(readFileSync(file));
  } else {
    mkdirSync(pkiDir, { recursive: true, mode: 0o700 });
    privateKey = generateKeyPairSync('ed25519').privateKey;
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    keyId: keyIdOf(publicKeyPem),
    publicKeyPem,
    sign: (payload) => sign(null, payload, privateKey).toString('base64'),
  };
}

/** Checks an Ed25519 signature made by `sign` above. */
export function verifySignature(publicKeyPem: string, payload: Buffer, signature: string): boolean {
  try {
    return verify(null, payload, createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
