import type { AccountEvent } from '../account.events';
import { active, at, DAY, EMAIL, happened, lockedManually, logIn, revoked, sessionStarted, spec, signedIn, newSession } from '../testing/fixtures';
import {
  accountDeleted,
  cancelDeletion,
  credentialIssued,
  credentialRevoked,
  DELETION,
  deletionCancelled,
  deletionScheduled,
  emailChanged,
  emailChangeRequested,
  executeDeletion,
  inStatus,
  NEW_EMAIL,
  scheduleDeletion,
  suspended,
  usernameChanged,
} from '../testing/lifecycle-fixtures';

describe('ScheduleDeletion', () => {
  it('schedules an active account for deletion after the grace period, recording its status', () => {
    spec
      .given(...active)
      .when(scheduleDeletion(7, at(10)))
      .then([{ type: 'AccountDeletionScheduled', data: { ...DELETION, graceDays: 7, executeAt: at(10 + 7 * DAY), previousStatus: 'active' } }]);
  });

  it('allows a grace period of zero days: due at once', () => {
    spec
      .given(...active)
      .when(scheduleDeletion(0, at(10)))
      .then([{ type: 'AccountDeletionScheduled', data: { ...DELETION, graceDays: 0, executeAt: at(10), previousStatus: 'active' } }]);
  });

  it.each(['pending_verification', 'active', 'locked', 'suspended'] as const)('schedules an account that is %s', (status) => {
    spec.given(...inStatus[status]).when(scheduleDeletion(3, at(10))).then([deletionScheduled(status, 3, 10)]);
  });

  it('schedules again after a cancellation', () => {
    spec
      .given(...active, deletionScheduled(), deletionCancelled('active'))
      .when(scheduleDeletion(7, at(10)))
      .then([deletionScheduled('active', 7, 10)]);
  });

  it.each(['deletion_scheduled', 'deleted'] as const)('refuses an account that is %s', (status) => {
    spec.given(...inStatus[status]).when(scheduleDeletion()).thenThrows('invalid_state', { status });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(scheduleDeletion()).thenThrows('account_not_found');
  });
});

describe('CancelDeletion', () => {
  /** Scheduled at minute 10 with 7 days of grace: due at minute 10 + 7 days. */
  const due = at(10 + 7 * DAY);

  it('restores an active account within the grace period', () => {
    spec.given(...active, deletionScheduled('active')).when(cancelDeletion(at(20))).then([deletionCancelled('active')]);
  });

  it('cancels a minute before the grace period is over', () => {
    spec.given(...active, deletionScheduled('active')).when(cancelDeletion(at(10 + 7 * DAY - 1))).then([deletionCancelled('active')]);
  });

  it.each(['pending_verification', 'locked', 'suspended'] as const)('restores an account that was %s to that status', (status) => {
    spec.given(...inStatus[status], deletionScheduled(status)).when(cancelDeletion()).then([deletionCancelled(status)]);
  });

  it('leaves a locked account locked: a correct password still meets the lock', () => {
    spec
      .given(...active, lockedManually, deletionScheduled('locked'), deletionCancelled('locked'))
      .when(logIn(true))
      .thenThrows('account_locked', { unlock: 'contact_support' });
  });

  it('leaves a suspended account suspended', () => {
    spec.given(...active, suspended, deletionScheduled('suspended'), deletionCancelled('suspended')).when(logIn(true)).thenThrows('account_suspended');
  });

  it('gives an active account its sign-ins back', () => {
    spec.given(...active, deletionScheduled('active'), deletionCancelled('active')).when(logIn(true)).then(signedIn(newSession('s9')));
  });

  it('refuses once the grace period is over', () => {
    spec.given(...active, deletionScheduled('active')).when(cancelDeletion(due)).thenThrows('invalid_state', { status: 'deletion_scheduled' });
  });

  it('refuses long after the grace period', () => {
    spec.given(...active, deletionScheduled('active')).when(cancelDeletion(at(30 * DAY))).thenThrows('invalid_state', { status: 'deletion_scheduled' });
  });

  it('refuses with no grace period at all', () => {
    spec.given(...active, deletionScheduled('active', 0)).when(cancelDeletion(at(10))).thenThrows('invalid_state', { status: 'deletion_scheduled' });
  });

  it('refuses an account not scheduled for deletion', () => {
    spec.given(...active).when(cancelDeletion()).thenThrows('invalid_state', { status: 'active' });
  });

  it('refuses a deletion already cancelled', () => {
    spec.given(...active, deletionScheduled('active'), deletionCancelled('active')).when(cancelDeletion(at(30))).thenThrows('invalid_state', { status: 'active' });
  });

  it('refuses an account already deleted', () => {
    spec.given(...inStatus.deleted).when(cancelDeletion()).thenThrows('invalid_state', { status: 'deleted' });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(cancelDeletion()).thenThrows('account_not_found');
  });
});

describe('ExecuteDeletion', () => {
  /** Scheduled at minute 10 with 1 day of grace. */
  const due = at(10 + DAY);
  /**
   * Sessions from T0: s1 live, s2 logged out, s3 past its absolute expiry (an hour);
   * credentials: c1 live, c2 revoked by its owner, c3 live.
   */
  const withSessionsAndCredentials: AccountEvent[] = [
    ...active,
    sessionStarted('s1'),
    sessionStarted('s2'),
    sessionStarted('s3', { expiresAt: at(60) }),
    ...revoked('logout', 's2'),
    credentialIssued('c1'),
    credentialIssued('c2'),
    credentialIssued('c3'),
    credentialRevoked('c2', 'owner'),
    deletionScheduled('active', 1),
  ];

  it('ends live sessions and credentials, then deletes the account with its email and username', () => {
    spec
      .given(...withSessionsAndCredentials)
      .when(executeDeletion(due))
      .then([
        ...revoked('account_deleted', 's1'),
        credentialRevoked('c1', 'account_deleted'),
        credentialRevoked('c3', 'account_deleted'),
        accountDeleted(EMAIL, 'ann'),
      ]);
  });

  it('deletes an account without sessions or credentials', () => {
    spec.given(...active, deletionScheduled('active', 1)).when(executeDeletion(at(10 + 2 * DAY))).then([accountDeleted(EMAIL, 'ann')]);
  });

  it('deletes at once with no grace period', () => {
    spec.given(...active, deletionScheduled('active', 0)).when(executeDeletion(at(10))).then([accountDeleted(EMAIL, 'ann')]);
  });

  it('releases the email and username the account has at the end, not those it registered with', () => {
    spec
      .given(...active, emailChangeRequested('ec1'), emailChanged(), usernameChanged('ann_b', 'ann'), deletionScheduled('active', 1))
      .when(executeDeletion(due))
      .then([accountDeleted(NEW_EMAIL, 'ann_b')]);
  });

  it('deletes an account scheduled while suspended', () => {
    spec.given(...active, suspended, deletionScheduled('suspended', 1)).when(executeDeletion(due)).then([accountDeleted(EMAIL, 'ann')]);
  });

  it('does nothing before the grace period is over', () => {
    spec.given(...withSessionsAndCredentials).when(executeDeletion(at(10 + DAY - 1))).thenNothingHappened();
  });

  it('does nothing once the deletion was cancelled', () => {
    spec.given(...withSessionsAndCredentials, deletionCancelled('active')).when(executeDeletion(due)).thenNothingHappened();
  });

  it('does nothing the second time', () => {
    const firstRun = [
      ...revoked('account_deleted', 's1'),
      credentialRevoked('c1', 'account_deleted'),
      credentialRevoked('c3', 'account_deleted'),
      accountDeleted(EMAIL, 'ann'),
    ].map((event) => happened(event, 10 + DAY));
    spec
      .given(...withSessionsAndCredentials, ...firstRun)
      .when(executeDeletion(at(10 + DAY + 1)))
      .thenNothingHappened();
  });

  it('does nothing on an account never scheduled for deletion', () => {
    spec.given(...active).when(executeDeletion(due)).thenNothingHappened();
  });

  it('does nothing on an unknown account', () => {
    spec.given().when(executeDeletion(due)).thenNothingHappened();
  });
});

describe('LogIn around a deletion', () => {
  it('refuses a correct password once deletion is scheduled', () => {
    spec.given(...active, deletionScheduled('active')).when(logIn(true)).thenThrows('invalid_state', { status: 'deletion_scheduled' });
  });

  it('refuses a correct password on a deleted account', () => {
    spec.given(...inStatus.deleted).when(logIn(true)).thenThrows('invalid_state', { status: 'deleted' });
  });
});
