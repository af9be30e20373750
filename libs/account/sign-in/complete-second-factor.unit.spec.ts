import type { AccountEvent } from '../account.events';
import {
  answer,
  at,
  challenged,
  ENROLLED_STEP,
  failures,
  happened,
  lockedForUnusualActivity,
  lockedManually,
  lockPolicy,
  logIn,
  loginFailed,
  newChallenge,
  newSession,
  noCode,
  passwordDisabled,
  recoveryCode,
  recoveryCodeVerified,
  revoked,
  secondFactorFailed,
  sessionStarted,
  signedIn,
  spec,
  totpCode,
  totpDisabled,
  totpVerified,
  unlockedByLink,
  withTotp,
} from '../testing/fixtures';

const NEXT = ENROLLED_STEP + 1;
/** Ann typed her password right at minute 30 and was challenged (c1: until minute 35, 5 tries). */
const passwordStep = [...withTotp, happened(challenged('c1'), 30)];
const signedInWithTotp = (step: number, session = newSession('s9')): AccountEvent[] => [totpVerified('login', step), ...signedIn(session)];
/** A later login: Ann's password at minute 40 earned challenge c2 (until minute 45), answered at minute 41. */
const secondChallenge = happened(challenged('c2', { expiresAt: at(45) }), 40);
const atSecondChallenge = { challengeTokenHash: 'ch-c2', now: at(41) };

describe('LogIn with 2FA on', () => {
  it('answers a correct password with a challenge, not a session', () => {
    spec.given(...withTotp).when(logIn(true)).then([challenged('c1')]);
  });

  it('challenges without a new-device alert, whatever the origin', () => {
    const phone = newSession('s9', { origin: { device: 'phone', network: '198.51.100.0/24' } });
    spec.given(...withTotp).when(logIn(true, { session: phone })).then([challenged('c1')]);
  });

  it('still records a wrong password, without a challenge', () => {
    spec.given(...withTotp).when(logIn(false)).then([loginFailed]);
  });

  it('still locks on the 10th wrong password', () => {
    spec
      .given(...withTotp, ...failures(9, 20))
      .when(logIn(false))
      .then([loginFailed, lockedForUnusualActivity]);
  });

  it('refuses before any challenge when the account may not sign in', () => {
    spec.given(...withTotp, lockedForUnusualActivity).when(logIn(true)).thenThrows('account_locked', { unlock: 'verify_ownership' });
    spec.given(...withTotp, lockedManually).when(logIn(true)).thenThrows('account_locked', { unlock: 'contact_support' });
    spec.given(...withTotp, passwordDisabled).when(logIn(true)).thenThrows('password_disabled', { action: 'reset_password' });
  });
});

describe('CompleteSecondFactor: a TOTP code', () => {
  it('starts the session with a code of a later step than any accepted before', () => {
    spec.given(...passwordStep).when(answer(totpCode(NEXT))).then(signedInWithTotp(NEXT));
  });

  it('alerts after the session starts when the origin is new', () => {
    const origin = { device: 'phone', network: '198.51.100.0/24' };
    const phone = newSession('s9', { origin });
    spec
      .given(...passwordStep)
      .when(answer(totpCode(NEXT), { session: phone }))
      .then([...signedInWithTotp(NEXT, phone), { type: 'NewDeviceDetected', data: { sessionId: 's9', newDevice: true, newNetwork: true, origin } }]);
  });

  it('records the code that confirmed the enrolment as a replay', () => {
    spec.given(...passwordStep).when(answer(totpCode(ENROLLED_STEP))).then([secondFactorFailed('c1', 'replayed_code')]);
  });

  it('records an earlier step, the neighbouring one included, as a replay', () => {
    spec.given(...passwordStep).when(answer(totpCode(ENROLLED_STEP - 1))).then([secondFactorFailed('c1', 'replayed_code')]);
    spec.given(...passwordStep).when(answer(totpCode(ENROLLED_STEP - 40))).then([secondFactorFailed('c1', 'replayed_code')]);
  });

  it('records a code accepted at one login as a replay at the next', () => {
    const nextLogin = [...passwordStep, ...signedInWithTotp(NEXT, newSession('s1')), secondChallenge];
    spec.given(...nextLogin).when(answer(totpCode(NEXT), atSecondChallenge)).then([secondFactorFailed('c2', 'replayed_code')]);
    spec.given(...nextLogin).when(answer(totpCode(NEXT + 1), atSecondChallenge)).then(signedInWithTotp(NEXT + 1));
  });

  it('records a code that matched no step as a wrong code', () => {
    spec.given(...passwordStep).when(answer(totpCode(null))).then([secondFactorFailed('c1', 'wrong_code')]);
  });

  it('records an answer without a code as a wrong code', () => {
    spec.given(...passwordStep).when(answer(noCode)).then([secondFactorFailed('c1', 'wrong_code')]);
  });
});

describe('CompleteSecondFactor: a recovery code', () => {
  it('spends an unused code and starts the session', () => {
    spec
      .given(...passwordStep)
      .when(answer(recoveryCode('rc-2')))
      .then([...recoveryCodeVerified('login', 'rc-2'), ...signedIn(newSession('s9'))]);
  });

  it('records the same code used again', () => {
    spec
      .given(...passwordStep, ...recoveryCodeVerified('ownership', 'rc-2'))
      .when(answer(recoveryCode('rc-2')))
      .then([secondFactorFailed('c1', 'used_recovery_code')]);
  });
});

describe('CompleteSecondFactor: the challenge', () => {
  const valid = totpCode(NEXT);

  it('is answered until its 5 minutes are up', () => {
    spec.given(...passwordStep).when(answer(valid, { now: at(34.9) })).then(signedInWithTotp(NEXT));
    spec.given(...passwordStep).when(answer(valid, { now: at(35) })).thenThrows('invalid_code');
  });

  it('takes 5 tries, then is refused even with a valid code', () => {
    const tries = (n: number) => Array.from({ length: n }, () => secondFactorFailed('c1'));
    const lenient = { lockPolicy };
    spec.given(...passwordStep, ...tries(4)).when(answer(valid, lenient)).then(signedInWithTotp(NEXT));
    spec.given(...passwordStep, ...tries(5)).when(answer(valid, lenient)).thenThrows('invalid_code');
  });

  it('honours the number of tries the challenge was issued with', () => {
    spec
      .given(...withTotp, challenged('c1', { maxTries: 1 }), secondFactorFailed('c1'))
      .when(answer(valid, { lockPolicy }))
      .thenThrows('invalid_code');
  });

  it('refuses an unknown challenge', () => {
    spec.given(...passwordStep).when(answer(valid, { challengeTokenHash: 'ch-forged' })).thenThrows('invalid_code');
    spec.given().when(answer(valid)).thenThrows('invalid_code');
  });

  it('is gone once the login succeeded', () => {
    spec
      .given(...passwordStep, ...signedInWithTotp(NEXT))
      .when(answer(totpCode(NEXT + 1)))
      .thenThrows('invalid_code');
  });

  it('is gone once 2FA is turned off', () => {
    spec.given(...passwordStep, totpDisabled('owner')).when(answer(valid)).thenThrows('invalid_code');
  });

  it('refuses when the account may no longer sign in', () => {
    spec.given(...passwordStep, lockedManually).when(answer(valid)).thenThrows('account_locked', { unlock: 'contact_support' });
    spec.given(...passwordStep, passwordDisabled).when(answer(valid)).thenThrows('password_disabled');
  });

  it('records nothing for a wrong code while the account is locked', () => {
    spec.given(...passwordStep, lockedManually).when(answer(totpCode(null))).thenThrows('account_locked');
  });
});

describe('CompleteSecondFactor: unusual activity', () => {
  const failedAt = (minute: number, challengeId = 'c1') => happened(secondFactorFailed(challengeId), minute);
  const lockedAndSignedOut = (challengeId: string, ...sessionIds: string[]): AccountEvent[] => [
    secondFactorFailed(challengeId),
    lockedForUnusualActivity,
    ...revoked('account_locked', ...sessionIds),
  ];

  it('locks on the 3rd failure after a correct password and ends every live session', () => {
    spec
      .given(...withTotp, sessionStarted('s1'), sessionStarted('s2'), ...revoked('logout', 's2'), happened(challenged('c1'), 30), failedAt(31), failedAt(32))
      .when(answer(totpCode(null), { now: at(33) }))
      .then(lockedAndSignedOut('c1', 's1'));
  });

  it('counts failures across challenges', () => {
    spec
      .given(...withTotp, failedAt(20, 'c0'), happened(challenged('c1'), 30), failedAt(31))
      .when(answer(totpCode(null)))
      .then(lockedAndSignedOut('c1'));
  });

  it('counts replays as failures', () => {
    spec
      .given(...passwordStep, failedAt(30.5), failedAt(30.7))
      .when(answer(totpCode(ENROLLED_STEP)))
      .then([secondFactorFailed('c1', 'replayed_code'), lockedForUnusualActivity]);
  });

  it('only records the 2nd failure', () => {
    spec.given(...passwordStep, failedAt(30.5)).when(answer(totpCode(null))).then([secondFactorFailed('c1')]);
  });

  it('does not count failures older than the window', () => {
    // Window for an answer at minute 31: after minute 16. The failure at minute 15 is out.
    spec
      .given(...withTotp, failedAt(15, 'c0'), happened(challenged('c1'), 30), failedAt(30.5))
      .when(answer(totpCode(null)))
      .then([secondFactorFailed('c1')]);
  });

  it('starts the count again after a successful login', () => {
    spec
      .given(...passwordStep, failedAt(30.2), failedAt(30.4), ...signedInWithTotp(NEXT).map((e) => happened(e, 30.6)), secondChallenge)
      .when(answer(totpCode(null), atSecondChallenge))
      .then([secondFactorFailed('c2')]);
  });

  it('starts the count again after the lock is lifted', () => {
    spec
      .given(
        ...passwordStep,
        failedAt(30.2),
        failedAt(30.4),
        failedAt(30.6),
        happened(lockedForUnusualActivity, 30.6),
        ...unlockedByLink.map((e) => happened(e, 32)),
        secondChallenge,
      )
      .when(answer(totpCode(null), atSecondChallenge))
      .then([secondFactorFailed('c2')]);
  });

  it('follows a configured threshold', () => {
    const strict = { lockPolicy: { threshold: 1, windowSeconds: 60 } };
    spec.given(...passwordStep).when(answer(totpCode(null), strict)).then(lockedAndSignedOut('c1'));
  });

  it('lets the owner sign in again once ownership is verified', () => {
    spec
      .given(...passwordStep, failedAt(31), failedAt(32), happened(secondFactorFailed('c1'), 33), happened(lockedForUnusualActivity, 33), ...unlockedByLink)
      .when(logIn(true, { now: at(60), challenge: newChallenge('c3', { expiresAt: at(65) }) }))
      .then([challenged('c3', { expiresAt: at(65) })]);
  });
});
