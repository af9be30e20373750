import {
  active,
  at,
  lockedForUnusualActivity,
  lockedManually,
  registered,
  revoked,
  sessionStarted,
  spec,
  unlockedBySupport,
  verificationRequested,
} from '../testing/fixtures';

describe('LockAccount', () => {
  const lock = { type: 'LockAccount' as const, now: at(10), note: 'chargeback fraud' };

  it('locks the account by hand and ends every live session', () => {
    spec
      .given(...active, sessionStarted('s1'), sessionStarted('s2'), sessionStarted('s3'), ...revoked('logout', 's2'))
      .when(lock)
      .then([lockedManually, ...revoked('account_locked', 's1', 's3')]);
  });

  it('locks again after an unlock', () => {
    spec.given(...active, lockedManually, unlockedBySupport).when(lock).then([lockedManually]);
  });

  it('refuses an account already locked', () => {
    spec.given(...active, lockedForUnusualActivity).when(lock).thenThrows('invalid_state', { status: 'locked' });
  });

  it('refuses an account not verified yet', () => {
    spec.given(registered, verificationRequested).when(lock).thenThrows('invalid_state', { status: 'pending_verification' });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(lock).thenThrows('account_not_found');
  });
});

describe('UnlockAccount', () => {
  const unlock = { type: 'UnlockAccount' as const, now: at(10), reason: 'identity checked by phone' };

  it('lifts a manual lock', () => {
    spec.given(...active, lockedManually).when(unlock).then([unlockedBySupport]);
  });

  it('lifts an unusual-activity lock', () => {
    spec.given(...active, lockedForUnusualActivity).when(unlock).then([unlockedBySupport]);
  });

  it('refuses an account that is not locked', () => {
    spec.given(...active, lockedManually, unlockedBySupport).when(unlock).thenThrows('invalid_state', { status: 'active' });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(unlock).thenThrows('account_not_found');
  });
});
