import type { AccountEvent } from '../account.events';
import type { Origin } from './sign-in.events';
import {
  active,
  at,
  failures,
  happened,
  lockedForUnusualActivity,
  lockedManually,
  logIn,
  loginFailed,
  newSession,
  passwordDisabled,
  registered,
  registeredFrom,
  revoked,
  sessionStarted,
  signedIn,
  spec,
  unlockedByLink,
  unlockedBySupport,
  verificationRequested,
  verified,
} from '../testing/fixtures';

const phone = 'phone';
const cafe = '198.51.100.0/24';

describe('LogIn from a new place', () => {
  const from = (origin: Origin | null) => newSession('s9', { origin });
  const alert = (origin: Origin, newDevice: boolean, newNetwork: boolean): AccountEvent => ({
    type: 'NewDeviceDetected',
    data: { sessionId: 's9', newDevice, newNetwork, origin },
  });

  it('alerts after the session starts when both device and network are new', () => {
    const origin = { device: phone, network: cafe };
    spec
      .given(...active)
      .when(logIn(true, { session: from(origin) }))
      .then([...signedIn(from(origin)), alert(origin, true, true)]);
  });

  it('flags only the device when the network is known', () => {
    const origin = { device: phone, network: '203.0.113.0/24' };
    spec
      .given(...active)
      .when(logIn(true, { session: from(origin) }))
      .then([...signedIn(from(origin)), alert(origin, true, false)]);
  });

  it('flags only the network when the device is known', () => {
    const origin = { device: 'laptop', network: cafe };
    spec
      .given(...active)
      .when(logIn(true, { session: from(origin) }))
      .then([...signedIn(from(origin)), alert(origin, false, true)]);
  });

  it('does not alert from the origin the account was registered from', () => {
    spec.given(...active).when(logIn(true)).then(signedIn(newSession('s9')));
  });

  it('does not alert from an origin an earlier session came from', () => {
    const origin = { device: phone, network: cafe };
    spec
      .given(...active, sessionStarted('s1', { origin }), ...revoked('logout', 's1'))
      .when(logIn(true, { session: from(origin) }))
      .then(signedIn(from(origin)));
  });

  it('treats every origin as new when the registration carried none', () => {
    const origin = { device: 'laptop', network: '203.0.113.0/24' };
    spec
      .given(registeredFrom(null), verificationRequested, verified)
      .when(logIn(true, { session: from(origin) }))
      .then([...signedIn(from(origin)), alert(origin, true, true)]);
  });

  it('does not alert when the client gave no origin', () => {
    spec
      .given(...active)
      .when(logIn(true, { session: from(null) }))
      .then(signedIn(from(null)));
  });
});

describe('LogIn refusals, only after a correct password', () => {
  it('answers an unknown account as a wrong password', () => {
    spec.given().when(logIn(true)).thenThrows('invalid_credentials');
    spec.given().when(logIn(false)).thenThrows('invalid_credentials');
  });

  it('points an unusual-activity lock to ownership verification', () => {
    spec.given(...active, lockedForUnusualActivity).when(logIn(true)).thenThrows('account_locked', { unlock: 'verify_ownership' });
  });

  it('points a manual lock to support', () => {
    spec.given(...active, lockedManually).when(logIn(true)).thenThrows('account_locked', { unlock: 'contact_support' });
  });

  it('asks for a reset when the password is disabled', () => {
    spec.given(...active, passwordDisabled).when(logIn(true)).thenThrows('password_disabled', { action: 'reset_password' });
  });

  it('names the lock before the disabled password', () => {
    spec.given(...active, passwordDisabled, lockedManually).when(logIn(true)).thenThrows('account_locked', { unlock: 'contact_support' });
  });

  it('names the disabled password before the unverified email', () => {
    spec.given(registered, verificationRequested, passwordDisabled).when(logIn(true)).thenThrows('password_disabled');
  });

  it('signs in again once support has unlocked the account', () => {
    spec.given(...active, lockedManually, unlockedBySupport).when(logIn(true)).then(signedIn(newSession('s9')));
  });
});

describe('LogIn: unusual activity', () => {
  const failedAt = (minute: number) => logIn(false, { now: at(minute) });
  const lockedAndSignedOut = (...sessionIds: string[]): AccountEvent[] => [
    loginFailed,
    lockedForUnusualActivity,
    ...revoked('account_locked', ...sessionIds),
  ];

  it('locks on the 10th failure within 15 minutes and ends every live session', () => {
    spec
      .given(...active, sessionStarted('s1'), sessionStarted('s2'), sessionStarted('s3'), ...revoked('logout', 's2'), ...failures(9, 1))
      .when(failedAt(10))
      .then(lockedAndSignedOut('s1', 's3'));
  });

  it('only records the 9th failure', () => {
    spec
      .given(...active, ...failures(8, 1))
      .when(failedAt(10))
      .then([loginFailed]);
  });

  it('does not count failures older than the window', () => {
    // Window for an attempt at minute 20: after minute 5. The failure at minute 4 is out.
    spec
      .given(...active, ...failures(1, 4), ...failures(8, 10))
      .when(failedAt(20))
      .then([loginFailed]);
  });

  it('counts failures still inside the window', () => {
    spec
      .given(...active, ...failures(1, 6), ...failures(8, 10))
      .when(failedAt(20))
      .then(lockedAndSignedOut());
  });

  it('starts the count again after a successful login', () => {
    spec
      .given(...active, ...failures(5, 1), ...signedIn(newSession('s1')).map((e) => happened(e, 6)), ...failures(4, 7))
      .when(failedAt(11))
      .then([loginFailed]);
  });

  it('starts the count again after an unlock', () => {
    spec
      .given(...active, ...failures(10, 1), happened(lockedForUnusualActivity, 10), ...unlockedByLink.map((e) => happened(e, 11)))
      .when(failedAt(12))
      .then([loginFailed]);
  });

  it('ignores a wrong password while locked', () => {
    spec
      .given(...active, ...failures(10, 1), happened(lockedForUnusualActivity, 10))
      .when(failedAt(12))
      .thenNothingHappened();
  });

  it('refuses a correct password while locked for unusual activity', () => {
    spec
      .given(...active, ...failures(10, 1), happened(lockedForUnusualActivity, 10))
      .when(logIn(true, { now: at(12) }))
      .thenThrows('account_locked', { unlock: 'verify_ownership' });
  });

  it('never locks an account that is not active yet', () => {
    spec
      .given(registered, verificationRequested, ...failures(9, 1))
      .when(failedAt(10))
      .then([loginFailed]);
  });

  describe('with a configured policy of 3 failures in 5 minutes', () => {
    const strict = (minute: number) => logIn(false, { now: at(minute), lockPolicy: { threshold: 3, windowSeconds: 300 } });

    it('locks on the 3rd failure', () => {
      spec.given(...active, ...failures(2, 1)).when(strict(3)).then(lockedAndSignedOut());
    });

    it('does not count a failure more than 5 minutes old', () => {
      spec.given(...active, ...failures(2, 1)).when(strict(6.5)).then([loginFailed]);
    });
  });
});

describe('LogIn', () => {
  it('starts a session after a correct password', () => {
    spec.given(...active).when(logIn(true)).then(signedIn(newSession('s9')));
  });

  it('records a wrong password', () => {
    spec.given(...active).when(logIn(false)).then([loginFailed]);
  });

  it('records a wrong password even before verification, revealing nothing', () => {
    spec.given(registered, verificationRequested).when(logIn(false)).then([loginFailed]);
  });

  it('refuses an unverified email only after a correct password', () => {
    spec.given(registered, verificationRequested).when(logIn(true)).thenThrows('email_not_verified');
  });
});
