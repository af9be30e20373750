import type { ChangePassword } from './passwords.commands';
import { active, at, lockedManually, passwordDisabled, revoked, sessionStarted, spec } from '../testing/fixtures';

const sessions = [sessionStarted('s1'), sessionStarted('s2'), sessionStarted('s3'), sessionStarted('s4'), ...revoked('logout', 's4')];

describe('ChangePassword', () => {
  const change = (overrides: Partial<ChangePassword> = {}): ChangePassword => ({
    type: 'ChangePassword',
    now: at(10),
    currentPasswordMatches: true,
    passwordHash: 'bcrypt-changed',
    keepSessionId: 's2',
    ...overrides,
  });
  const changed = { type: 'PasswordChanged' as const, data: { passwordHash: 'bcrypt-changed' } };

  it('sets the new password and ends the other live sessions', () => {
    spec
      .given(...active, ...sessions)
      .when(change())
      .then([changed, ...revoked('password_changed', 's1', 's3')]);
  });

  it('ends every live session when none is kept', () => {
    spec
      .given(...active, ...sessions)
      .when(change({ keepSessionId: null }))
      .then([changed, ...revoked('password_changed', 's1', 's2', 's3')]);
  });

  it('refuses a wrong current password', () => {
    spec.given(...active, ...sessions).when(change({ currentPasswordMatches: false })).thenThrows('invalid_credentials');
  });

  it('refuses while the account is locked', () => {
    spec.given(...active, lockedManually).when(change()).thenThrows('invalid_state', { status: 'locked' });
  });

  it('refuses while the password is disabled', () => {
    spec.given(...active, passwordDisabled).when(change()).thenThrows('password_disabled');
  });

  it('refuses on an unknown account', () => {
    spec.given().when(change()).thenThrows('account_not_found');
  });
});

describe('DisablePassword', () => {
  const disable = { type: 'DisablePassword' as const, now: at(10), reason: 'password found in a breach' };

  it('disables the password and ends every live session', () => {
    spec
      .given(...active, ...sessions)
      .when(disable)
      .then([passwordDisabled, ...revoked('password_disabled', 's1', 's2', 's3')]);
  });

  it('refuses to disable it twice', () => {
    spec.given(...active, passwordDisabled).when(disable).thenThrows('invalid_state', { status: 'active' });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(disable).thenThrows('account_not_found');
  });
});
