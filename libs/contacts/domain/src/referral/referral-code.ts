import { createHash } from 'node:crypto';

// Crockford's base32 without I, L, O, U: codes read aloud or typed from a flyer survive.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A customer's referral code, derived from the customer id: stable across retries of the same
 * registration, unguessable from outside, 10 characters (50 bits).
 */
export function referralCodeFor(customerId: string): string {
  const digest = createHash('sha256').update(`c360-referral:${customerId}`, 'utf8').digest();
  let code = '';
  let bits = 0;
  let buffer = 0;
  for (const byte of digest) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && code.length < 10) {
      code += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (code.length === 10) break;
    buffer &= (1 << bits) - 1;
  }
  return code;
}

export function normaliseReferralCode(code: string): string {
  return code.trim().toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0').replace(/[\s-]/g, '');
}
