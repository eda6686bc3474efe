import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random token (192 bits, URL- and cookie-safe base64url). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Whether `given` is `expected`, compared in constant time (digests, so that the length leaks nothing either). */
export function sameToken(given: string | null | undefined, expected: string): boolean {
  if (given === null || given === undefined) return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
