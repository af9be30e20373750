/**
 * A decision that would append to an account stream sealed by a claim takeover
 * (`RegistrationAbandoned`, see ClaimHolders): the registration that stalled past
 * CLAIM_TAKEOVER_SECONDS lost its claim, and the account must never come to exist. Not a
 * DomainError: the registration handler turns it into the refusal the value now calls for.
 */
export class SealedAccountError extends Error {
  constructor(readonly accountId: string) {
    super(`account ${accountId} was sealed when its claim lapsed; nothing may be appended to it`);
    this.name = 'SealedAccountError';
  }
}
