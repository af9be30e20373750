import { DomainError } from '../shared/errors';
import type { AccountState } from './account.state';

/** The contract's refusals, one factory each, so codes and statuses live in one place. */
export const AccountErrors = {
  notFound: () => new DomainError('account_not_found', 404, 'No such account.'),
  alreadyExists: () => new DomainError('account_exists', 409, 'The account already exists.'),
  invalidState: (state: AccountState, message = 'The account is not in a state that allows this.') =>
    new DomainError('invalid_state', 409, message, { status: state.status }),
  invalidToken: () => new DomainError('invalid_token', 400, 'The link is invalid or has expired.'),
  invalidCredentials: () => new DomainError('invalid_credentials', 401, 'Email or password is incorrect.'),
  emailNotVerified: () => new DomainError('email_not_verified', 403, 'The email address is not verified yet.'),
  sessionNotFound: () => new DomainError('session_not_found', 404, 'No such active session.'),
};
