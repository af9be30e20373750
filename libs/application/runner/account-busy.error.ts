import { DomainError } from '@warden/shared/errors';

/**
 * Another process kept writing to the account while this one retried: contract §2's only
 * contention answer, `503 busy` with `Retry-After`. Never the caller's fault, never a 500.
 */
export class AccountBusyError extends DomainError {
  constructor(retryAfterSeconds = 1) {
    super('busy', 503, 'The account is busy with other requests; try again shortly.', { retryAfterSeconds });
    this.name = 'AccountBusyError';
  }
}
