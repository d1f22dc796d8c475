/**
 * The code an applicant (or a writer to the mailbox) gets with the case number, to look the case up publicly. Only its SHA-256 is
 * stored, so a leaked table gives no codes; 100 random bits make guessing hopeless even unthrottled.
 * The alphabet is Crockford's base32 (no I, L, O, U), and reading a typed code forgives the confusions
 * it was built for: lower case, spaces and dashes, O for 0, I or L for 1.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const LOOKUP_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const LOOKUP_CODE_LENGTH = 20;

export function newLookupCode(): string {
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  return [...randomBytes(LOOKUP_CODE_LENGTH)]
    .map((byte) => LOOKUP_CODE_ALPHABET[byte & 31])
    .join('');
}

/** The code as issued, from what an applicant typed. */
export const normalizeLookupCode = (code: string): string =>
  code
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');

/** What is stored: the SHA-256 of the normalized code, in hex. */
export const hashLookupCode = (code: string): string =>
  createHash('sha256').update(normalizeLookupCode(code), 'utf8').digest('hex');

/** Whether a typed code is the one whose hash is stored, compared in constant time. */
export function codesMatch(code: string, hash: string): boolean {
  if (typeof code !== 'string' || typeof hash !== 'string' || !/^[0-9a-f]{64}$/i.test(hash))
    return false;
  return timingSafeEqual(Buffer.from(hashLookupCode(code), 'hex'), Buffer.from(hash, 'hex'));
}
