import { randomBytes } from 'node:crypto';
import { CERTIFICATE_CODE_PATTERN } from '@enlace/contracts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A new verification code: 26 characters of RFC 4648 base32 from a CSPRNG, i.e. 130 random bits, so that codes
 * cannot be guessed or enumerated (with the page's rate limit, an attacker would need ~2^100 years per hit).
 */
export function newCertificateCode(): string {
  const bytes = randomBytes(17);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** A code as typed or scanned (any case, with dashes or spaces) in canonical form, or null if it cannot be one. */
export function normalizeCertificateCode(raw: string): string | null {
  if (raw.length > 64) return null;
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  return CERTIFICATE_CODE_PATTERN.test(code) ? code : null;
}

/** The last day a certificate issued on `issuedOn` is valid for `months` months (the day before the anniversary). */
export function validUntilOf(issuedOn: string, months: number): string {
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const anniversary = Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay));
  return new Date(anniversary - 86_400_000).toISOString().slice(0, 10);
}
