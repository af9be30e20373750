import type { NewToken } from '@warden/account/issued-token';
import { hashToken, type MailTokenPurpose } from '@warden/infrastructure/crypto/tokens';
import type { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';

/** A fresh mailed token for a decision: the event keeps its id and hash, never the token. */
export function newMailToken(keys: ServiceKeys, purpose: MailTokenPurpose, accountId: string, now: Date, ttlSeconds: number): NewToken {
  const tokenId = keys.mailTokens.newTokenId();
  return {
    tokenId,
    tokenHash: hashToken(keys.mailTokens.mint(purpose, accountId, tokenId)),
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
  };
}
