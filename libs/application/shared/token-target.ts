import { AccountErrors } from '@warden/account/account.errors';
import { accountOfToken, hashToken } from '@warden/infrastructure/crypto/tokens';

/** The account a mailed token points to, and the hash the decider compares. */
export function tokenTarget(token: string): { accountId: string; tokenHash: string } {
  const accountId = accountOfToken(token);
  if (!accountId) throw AccountErrors.invalidToken();
  return { accountId, tokenHash: hashToken(token) };
}
