import { AccountErrors } from './account.errors';
import { sameDigest } from './secret-compare';

/** A mailed, single-use token: the event keeps its id (to rebuild the link) and hash. */
export interface IssuedToken {
  tokenId: string;
  tokenHash: string;
  expiresAt: string;
}

/** A token the handler minted for a command to issue. */
export type NewToken = IssuedToken;

/** A token the state holds until it is used, voided or expires. */
export type PendingToken = IssuedToken;

/** Unknown, used, voided and expired tokens are refused alike. */
export function assertTokenValid(pending: PendingToken | null, tokenHash: string, now: string): void {
  if (!pending || !sameDigest(pending.tokenHash, tokenHash) || Date.parse(now) >= Date.parse(pending.expiresAt)) {
    throw AccountErrors.invalidToken();
  }
}
