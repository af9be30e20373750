import { DomainError } from '@warden/shared/errors';
import type { AccountState } from './account.state';

/** The contract's refusals, one factory each, so codes and statuses live in one place. */
export const AccountErrors = {
  notFound: () => new DomainError('account_not_found', 404, 'No such account.'),
  alreadyExists: () => new DomainError('account_exists', 409, 'The account already exists.'),
  invalidState: (state: AccountState, message = 'The account is not in a state that allows this.') =>
    new DomainError('invalid_state', 409, message, { status: state.status }),
  invalidToken: () => new DomainError('invalid_token', 400, 'The link is invalid or has expired.'),
  invalidCredentials: () => new DomainError('invalid_credentials', 401, 'Email or password is incorrect.'),
  invalidCode: () => new DomainError('invalid_code', 401, 'The code is invalid.'),
  codeRequired: () =>
    new DomainError('invalid_code', 401, 'A code from the authenticator app (or a recovery code) is required.', { required: true }),
  credentialNotFound: () => new DomainError('credential_not_found', 404, 'No such credential.'),
  appealNotFound: () => new DomainError('appeal_not_found', 404, 'No such open appeal.'),
  appealAlreadyOpen: (state: AccountState) =>
    new DomainError('invalid_state', 409, 'An appeal is already open.', { status: state.status }),
  recoveryCaseNotFound: () => new DomainError('recovery_case_not_found', 404, 'No such open recovery case.'),
  emailNotVerified: () => new DomainError('email_not_verified', 403, 'The email address is not verified yet.'),
  accountLocked: (state: AccountState) =>
    new DomainError('account_locked', 403, 'The account is locked.', {
      unlock: state.lock?.reason === 'unusual_activity' ? 'verify_ownership' : 'contact_support',
    }),
  passwordDisabled: () =>
    new DomainError('password_disabled', 403, 'The password has been disabled; reset it to sign in.', { action: 'reset_password' }),
  accountSuspended: () => new DomainError('account_suspended', 403, 'The account is suspended.'),
  sessionNotFound: () => new DomainError('session_not_found', 404, 'No such active session.'),
};
