import { AccountErrors } from '../account.errors';
import type { PendingToken } from '../account.state';
import { sameDigest } from '../secret-compare';

/** Unknown, used, voided and expired tokens are refused alike. */
export function assertTokenValid(pending: PendingToken | null, tokenHash: string, now: string): void {
  if (!pending || !sameDigest(pending.tokenHash, tokenHash) || Date.parse(now) >= Date.parse(pending.expiresAt)) {
    throw AccountErrors.invalidToken();
  }
}
