import type { CompleteOwnershipVerification } from './protection.commands';
import {
  active,
  at,
  DAY,
  failures,
  happened,
  lockedForUnusualActivity,
  lockedManually,
  logIn,
  newSession,
  noCode,
  ownershipRequested,
  registered,
  signedIn,
  spec,
  token,
  unlockedByLink,
  verificationRequested,
  verifiedByLink,
} from '../testing/fixtures';

describe('RequestOwnershipVerification', () => {
  const request = { type: 'RequestOwnershipVerification' as const, now: at(5), verification: token('ov') };
  const requested = [ownershipRequested('ov', at(DAY))];

  it('mails a link to an active account', () => {
    spec.given(...active).when(request).then(requested);
  });

  it('mails a link to a locked account', () => {
    spec.given(...active, lockedForUnusualActivity).when(request).then(requested);
  });

  it('refuses an account not verified yet', () => {
    spec.given(registered, verificationRequested).when(request).thenThrows('invalid_state', { status: 'pending_verification' });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(request).thenThrows('account_not_found');
  });
});

describe('CompleteOwnershipVerification', () => {
  const complete = (tokenHash: string, overrides: Partial<CompleteOwnershipVerification> = {}): CompleteOwnershipVerification => ({
    type: 'CompleteOwnershipVerification',
    now: at(60),
    tokenHash,
    secondFactor: noCode,
    ...overrides,
  });
  /** Ten wrong passwords in ten minutes: the 10th locked the account and minted `hash-own`. */
  const lockedByFailures = [...active, ...failures(10, 1), happened(lockedForUnusualActivity, 10)];

  it('lifts an unusual-activity lock with the link sent in the lock alert', () => {
    spec.given(...lockedByFailures).when(complete('hash-own')).then(unlockedByLink);
  });

  it('lifts an unusual-activity lock with a link asked for later', () => {
    spec.given(...lockedByFailures, ownershipRequested('ov')).when(complete('hash-ov')).then(unlockedByLink);
  });

  it('lets the owner sign in again once the lock is lifted', () => {
    spec.given(...lockedByFailures, ...unlockedByLink).when(logIn(true, { now: at(61) })).then(signedIn(newSession('s9')));
  });

  it('only records the proof on a manual lock, which stays', () => {
    spec.given(...active, lockedManually, ownershipRequested('ov')).when(complete('hash-ov')).then([verifiedByLink]);
    spec
      .given(...active, lockedManually, ownershipRequested('ov'), verifiedByLink)
      .when(logIn(true))
      .thenThrows('account_locked', { unlock: 'contact_support' });
  });

  it('only records the proof on an active account', () => {
    spec.given(...active, ownershipRequested('ov')).when(complete('hash-ov')).then([verifiedByLink]);
  });

  it('refuses an unknown link', () => {
    spec.given(...lockedByFailures).when(complete('hash-other')).thenThrows('invalid_token');
    spec.given().when(complete('hash-own')).thenThrows('invalid_token');
  });

  it('refuses a link voided by a newer one', () => {
    spec.given(...lockedByFailures, ownershipRequested('ov')).when(complete('hash-own')).thenThrows('invalid_token');
  });

  it('refuses an expired link', () => {
    spec.given(...lockedByFailures).when(complete('hash-own', { now: at(7 * DAY) })).thenThrows('invalid_token');
  });

  it('refuses a used link', () => {
    spec.given(...lockedByFailures, ...unlockedByLink).when(complete('hash-own')).thenThrows('invalid_token');
  });
});
