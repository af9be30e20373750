import { timingSafeEqual } from 'node:crypto';

/**
 * Constant-time equality of two hex digests. Pure (no I/O), so deciders may use it when
 * they match a presented token's hash against the stored one.
 */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
