import type { CompletePasswordReset } from './passwords.commands';
import {
  active,
  at,
  failures,
  happened,
  HOUR,
  lockedForUnusualActivity,
  lockedManually,
  logIn,
  loginFailed,
  newSession,
  noCode,
  passwordDisabled,
  registered,
  resetCompleted,
  resetRequested,
  revoked,
  sessionStarted,
  signedIn,
  spec,
  token,
  unlockedByReset,
  verificationRequested,
} from '../testing/fixtures';

describe('RequestPasswordReset', () => {
  const request = { type: 'RequestPasswordReset' as const, now: at(5), reset: token('r9', at(5 + HOUR)) };
  const requested = [resetRequested('r9', at(5 + HOUR))];

  it('mails a link to the current address', () => {
    spec.given(...active).when(request).then(requested);
  });

  it('works while the account is locked', () => {
    spec.given(...active, lockedManually).when(request).then(requested);
  });

  it('does nothing for an account not verified yet', () => {
    spec.given(registered, verificationRequested).when(request).thenNothingHappened();
  });

  it('does nothing for an unknown account', () => {
    spec.given().when(request).thenNothingHappened();
  });
});

describe('CompletePasswordReset', () => {
  const complete = (tokenHash = 'hash-r1', overrides: Partial<CompletePasswordReset> = {}): CompletePasswordReset => ({
    type: 'CompletePasswordReset',
    now: at(30),
    tokenHash,
    passwordHash: 'bcrypt-new',
    secondFactor: noCode,
    ...overrides,
  });

  it('sets the new password and ends every live session', () => {
    spec
      .given(...active, sessionStarted('s1'), sessionStarted('s2'), sessionStarted('s3'), ...revoked('logout', 's3'), resetRequested('r1'))
      .when(complete())
      .then([resetCompleted, ...revoked('password_reset', 's1', 's2')]);
  });

  it('counts as ownership verification and lifts an unusual-activity lock', () => {
    spec
      .given(...active, lockedForUnusualActivity, resetRequested('r1'))
      .when(complete())
      .then([resetCompleted, ...unlockedByReset]);
  });

  it('leaves a manual lock in place', () => {
    spec.given(...active, lockedManually, resetRequested('r1')).when(complete()).then([resetCompleted]);
    spec
      .given(...active, lockedManually, resetRequested('r1'), resetCompleted)
      .when(logIn(true))
      .thenThrows('account_locked', { unlock: 'contact_support' });
  });

  it('clears a disabled password, so the new one signs in', () => {
    spec.given(...active, passwordDisabled, resetRequested('r1')).when(complete()).then([resetCompleted]);
    spec.given(...active, passwordDisabled, resetRequested('r1'), resetCompleted).when(logIn(true)).then(signedIn(newSession('s9')));
  });

  it('starts the failure count again', () => {
    spec
      .given(...active, ...failures(9, 1), happened(resetRequested('r1'), 9), happened(resetCompleted, 9))
      .when(logIn(false, { now: at(10) }))
      .then([loginFailed]);
  });

  it('refuses a link voided by a newer one', () => {
    spec.given(...active, resetRequested('r1'), resetRequested('r2')).when(complete('hash-r1')).thenThrows('invalid_token');
    spec.given(...active, resetRequested('r1'), resetRequested('r2')).when(complete('hash-r2')).then([resetCompleted]);
  });

  it('refuses a link after its hour', () => {
    spec.given(...active, resetRequested('r1')).when(complete('hash-r1', { now: at(HOUR) })).thenThrows('invalid_token');
  });

  it('refuses a used link', () => {
    spec.given(...active, resetRequested('r1'), resetCompleted).when(complete()).thenThrows('invalid_token');
  });

  it('refuses an unknown link', () => {
    spec.given(...active, resetRequested('r1')).when(complete('hash-other')).thenThrows('invalid_token');
    spec.given().when(complete()).thenThrows('invalid_token');
  });


  it('refuses an account that cannot be reset even with a live link', () => {
    spec
      .given(registered, verificationRequested, resetRequested('r1'))
      .when(complete())
      .thenThrows('invalid_state', { status: 'pending_verification' });
  });
});
