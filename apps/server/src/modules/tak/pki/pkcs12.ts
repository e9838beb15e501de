import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });

const OID_KEY_BAG = '1.2.840.113549.1.12.10.1.2'; // pkcs8ShroudedKeyBag
const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3'; // certBag
const OID_X509_CERT = '1.2.840.113549.1.9.22.1'; // x509Certificate
const OID_FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const OID_LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

/** Iterations for the password-based key derivation (OpenSSL 3 uses 2048 for the bags and the MAC). */
const ITERATIONS = 10_000;
// pkijs draws a random IV for each encryption; the type asks for one we must not fix.
const AES_256_CBC = { name: 'AES-CBC', length: 256 } as pkijs.ContentEncryptionAesCbcParams;

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function bagAttributes(friendlyName: string | undefined, localKeyId: Uint8Array | undefined): pkijs.Attribute[] {
  const attributes: pkijs.Attribute[] = [];
  if (friendlyName !== undefined) {
    attributes.push(new pkijs.Attribute({ type: OID_FRIENDLY_NAME, values: [new asn1js.BmpString({ value: friendlyName })] }));
  }
  if (localKeyId !== undefined) {
    attributes.push(new pkijs.Attribute({ type: OID_LOCAL_KEY_ID, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(localKeyId) })] }));
  }
  return attributes;
}

function certBag(der: Uint8Array, friendlyName?: string, localKeyId?: Uint8Array): pkijs.SafeBag {
  const certificate = pkijs.Certificate.fromBER(toArrayBuffer(der));
  const attributes = bagAttributes(friendlyName, localKeyId);
  return new pkijs.SafeBag({
    bagId: OID_CERT_BAG,
    bagValue: new pkijs.CertBag({ certId: OID_X509_CERT, parsedValue: certificate }),
    ...(attributes.length > 0 ? { bagAttributes: attributes } : {}),
  });
}

/** What goes into a PKCS#12 file. */
export interface Pkcs12Input {
  /** The private key, PKCS#8 DER. */
  keyPkcs8: Uint8Array;
  /** The certificate of that key, DER. */
  certificate: Uint8Array;
  /** Issuer certificates to include (DER), e.g. the CA. */
  chain?: Uint8Array[];
  /** Protects the key and the file's integrity. */
  password: string;
  /** Alias shown by the importing device. */
  friendlyName: string;
}

/**
 * Builds a password-protected PKCS#12 (.p12) file the way current OpenSSL does by default: the key in a PBES2
 * (PBKDF2-SHA256, AES-256-CBC) shrouded bag, the certificates in a password-encrypted bag, an HMAC-SHA256 MAC
 * over the whole. Key and certificate share a localKeyId so Java/Android key stores pair them.
 */
export async function buildPkcs12(input: Pkcs12Input): Promise<Uint8Array> {
  const password = toArrayBuffer(new TextEncoder().encode(input.password));
  const localKeyId = new Uint8Array(await webcrypto.subtle.digest('SHA-1', toArrayBuffer(input.certificate)));
  const keyInfo = pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(input.keyPkcs8));
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: keyInfo });
  await keyBag.makeInternalValues(
    { password, contentEncryptionAlgorithm: AES_256_CBC, hmacHashAlgorithm: 'SHA-256', iterationCount: ITERATIONS },
    engine,
  );
  const keyContents = new pkijs.SafeContents({
    safeBags: [new pkijs.SafeBag({ bagId: OID_KEY_BAG, bagValue: keyBag, bagAttributes: bagAttributes(input.friendlyName, localKeyId) })],
  });
  const certContents = new pkijs.SafeContents({
    safeBags: [
      certBag(input.certificate, input.friendlyName, localKeyId),
      ...(input.chain ?? []).map((der) => certBag(der)),
    ],
  });
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            { privacyMode: 0, value: keyContents },
            { privacyMode: 1, value: certContents },
          ],
        },
      }),
    },
  });
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Error('PKCS#12: no authenticated safe');
  await safe.makeInternalValues(
    {
      safeContents: [
        {},
        { password, contentEncryptionAlgorithm: AES_256_CBC, hmacHashAlgorithm: 'SHA-256', iterationCount: ITERATIONS },
      ],
    },
    engine,
  );
  await pfx.makeInternalValues(
    { password, iterations: ITERATIONS, pbkdf2HashAlgorithm: { name: 'SHA-256' }, hmacHashAlgorithm: 'SHA-256' },
    engine,
  );
  return new Uint8Array(pfx.toSchema().toBER(false));
}

/**
 * Builds a certificate-only PKCS#12 trust store (what ATAK imports as "CA certificate"): the CA in a
 * password-protected file with an HMAC-SHA256 MAC.
 */
export async function buildTrustStore(input: { certificates: Uint8Array[]; password: string; friendlyName: string }): Promise<Uint8Array> {
  const password = toArrayBuffer(new TextEncoder().encode(input.password));
  const contents = new pkijs.SafeContents({ safeBags: input.certificates.map((der) => certBag(der, input.friendlyName)) });
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({ parsedValue: { safeContents: [{ privacyMode: 0, value: contents }] } }),
    },
  });
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Error('PKCS#12: no authenticated safe');
  await safe.makeInternalValues({ safeContents: [{}] }, engine);
  await pfx.makeInternalValues(
    { password, iterations: ITERATIONS, pbkdf2HashAlgorithm: { name: 'SHA-256' }, hmacHashAlgorithm: 'SHA-256' },
    engine,
  );
  return new Uint8Array(pfx.toSchema().toBER(false));
}
