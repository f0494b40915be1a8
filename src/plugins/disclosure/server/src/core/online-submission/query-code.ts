import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/**
 * The query code an online applicant follows the application with: random, shown once, stored only as a
 * salted hash. 12 characters of a 31-letter alphabet without look-alikes (no 0/O, 1/I/L) carry ~59 bits;
 * with lookups rate-limited per address and per tracking number, guessing is hopeless.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 12;

export function newQueryCode(): string {
  const bytes = randomBytes(QUERY_CODE_LENGTH * 2);
  let code = '';
  // Rejection sampling keeps every letter equally likely (256 is not a multiple of 31).
  for (let i = 0; i < bytes.length && code.length < QUERY_CODE_LENGTH; i++) {
    if (bytes[i] < 248) code += ALPHABET[bytes[i] % ALPHABET.length];
  }
  return code.length === QUERY_CODE_LENGTH ? code : newQueryCode();
}

/** What people type: spaces, hyphens and case do not matter. */
export const normalizeQueryCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

const digest = (salt: string, code: string) =>
  createHash('sha256')
    .update(`${salt}:${normalizeQueryCode(code)}`)
    .digest('hex');

/** `salt$hash`, the only form in which a code is stored. */
export function hashQueryCode(code: string): string {
  const salt = randomBytes(16).toString('hex');
  return `${salt}$${digest(salt, code)}`;
}

/**
 * Whether the code matches the stored hash; a missing hash is checked against a dummy one, so that an
 * unknown tracking number costs the same work as a wrong code.
 */
export function queryCodeMatches(stored: string | null | undefined, code: string): boolean {
  const [salt, hash] = stored && stored.includes('$') ? stored.split('$') : ['0'.repeat(32), '0'.repeat(64)];
  const actual = Buffer.from(digest(salt, code), 'hex');
  const expected = Buffer.from(hash, 'hex');
  return expected.length === actual.length && timingSafeEqual(actual, expected) && !!stored;
}
