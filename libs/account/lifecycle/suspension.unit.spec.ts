import { active, at, lockedForUnusualActivity, lockedManually, logIn, revoked, sessionStarted, signedIn, newSession, spec } from '../testing/fixtures';
import {
  accountDeleted,
  appealDecided,
  appealSubmitted,
  decideAppeal,
  deletionScheduled,
  inStatus,
  reinstate,
  reinstatedByAppeal,
  reinstatedBySupport,
  settledByReinstatement,
  submitAppeal,
  suspend,
  suspended,
} from '../testing/lifecycle-fixtures';

describe('SuspendAccount', () => {
  it('suspends an active account and ends its live sessions', () => {
    spec
      .given(...active, sessionStarted('s1'), sessionStarted('s2'), sessionStarted('s3'), ...revoked('logout', 's2'))
      .when(suspend())
      .then([suspended, ...revoked('account_suspended', 's1', 's3')]);
  });

  it('leaves expired sessions alone', () => {
    spec
      .given(...active, sessionStarted('s1', { expiresAt: at(5) }), sessionStarted('s2'))
      .when(suspend())
      .then([suspended, ...revoked('account_suspended', 's2')]);
  });

  it('suspends an active account without sessions', () => {
    spec.given(...active).when(suspend()).then([suspended]);
  });

  it('suspends a locked account', () => {
    spec.given(...active, sessionStarted('s1'), lockedManually, ...revoked('account_locked', 's1')).when(suspend()).then([suspended]);
  });

  it('suspends a reinstated account again', () => {
    spec.given(...active, suspended, reinstatedBySupport, sessionStarted('s1')).when(suspend(at(30))).then([suspended, ...revoked('account_suspended', 's1')]);
  });

  it.each(['pending_verification', 'suspended', 'deletion_scheduled', 'deleted'] as const)('refuses while the account is %s', (status) => {
    spec.given(...inStatus[status]).when(suspend()).thenThrows('invalid_state', { status });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(suspend()).thenThrows('account_not_found');
  });
});

describe('ReinstateAccount', () => {
  it('reinstates a suspended account', () => {
    spec.given(...active, suspended).when(reinstate()).then([reinstatedBySupport]);
  });

  it('settles the open appeal in the owner\'s favour', () => {
    spec.given(...active, suspended, appealSubmitted('ap1')).when(reinstate()).then([reinstatedBySupport, settledByReinstatement('ap1')]);
  });

  it('leaves decided appeals alone', () => {
    spec.given(...active, suspended, appealSubmitted('ap1'), appealDecided('ap1', 'uphold')).when(reinstate()).then([reinstatedBySupport]);
  });

  it.each(['pending_verification', 'active', 'locked', 'deletion_scheduled', 'deleted'] as const)('refuses while the account is %s', (status) => {
    spec.given(...inStatus[status]).when(reinstate()).thenThrows('invalid_state', { status });
  });

  it('refuses an account already reinstated', () => {
    spec.given(...active, suspended, reinstatedBySupport).when(reinstate(at(30))).thenThrows('invalid_state', { status: 'active' });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(reinstate()).thenThrows('account_not_found');
  });
});

describe('SubmitAppeal', () => {
  it('records an appeal while the account is suspended', () => {
    spec.given(...active, suspended).when(submitAppeal('ap1')).then([appealSubmitted('ap1')]);
  });

  it('refuses a second appeal while one is open', () => {
    spec.given(...active, suspended, appealSubmitted('ap1')).when(submitAppeal('ap2')).thenThrows('invalid_state', { status: 'suspended' });
  });

  it('accepts a new appeal once the previous one was upheld', () => {
    spec.given(...active, suspended, appealSubmitted('ap1'), appealDecided('ap1', 'uphold')).when(submitAppeal('ap2', at(40))).then([appealSubmitted('ap2')]);
  });

  it('accepts an appeal on a later suspension once a direct reinstatement settled the earlier one', () => {
    spec
      .given(...active, suspended, appealSubmitted('ap1'), reinstatedBySupport, settledByReinstatement('ap1'), suspended)
      .when(submitAppeal('ap2', at(40)))
      .then([appealSubmitted('ap2')]);
  });

  it('accepts an appeal on a later suspension once the earlier appeal was granted', () => {
    spec
      .given(...active, suspended, appealSubmitted('ap1'), appealDecided('ap1', 'reinstate'), reinstatedByAppeal('ap1'), suspended)
      .when(submitAppeal('ap2', at(40)))
      .then([appealSubmitted('ap2')]);
  });

  it.each(['pending_verification', 'active', 'locked', 'deletion_scheduled', 'deleted'] as const)('refuses while the account is %s', (status) => {
    spec.given(...inStatus[status]).when(submitAppeal('ap1')).thenThrows('invalid_state', { status });
  });

  it('refuses after the account was reinstated', () => {
    spec.given(...active, suspended, reinstatedBySupport).when(submitAppeal('ap1', at(30))).thenThrows('invalid_state', { status: 'active' });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(submitAppeal('ap1')).thenThrows('account_not_found');
  });
});

describe('DecideAppeal', () => {
  const appealed = [...active, suspended, appealSubmitted('ap1')];

  it('grants an appeal: the decision and the reinstatement in one append', () => {
    spec.given(...appealed).when(decideAppeal('ap1', 'reinstate')).then([appealDecided('ap1', 'reinstate'), reinstatedByAppeal('ap1')]);
  });

  it('upholds the suspension: the decision alone', () => {
    spec.given(...appealed).when(decideAppeal('ap1', 'uphold')).then([appealDecided('ap1', 'uphold')]);
  });

  it('refuses an appeal a direct reinstatement settled', () => {
    spec.given(...appealed, reinstatedBySupport, settledByReinstatement('ap1')).when(decideAppeal('ap1', 'reinstate')).thenThrows('appeal_not_found');
  });

  it('refuses an appeal left open when the account was deleted', () => {
    spec
      .given(...appealed, deletionScheduled('suspended', 0), accountDeleted())
      .when(decideAppeal('ap1', 'reinstate'))
      .thenThrows('invalid_state', { status: 'deleted' });
  });

  it('refuses an unknown appeal', () => {
    spec.given(...appealed).when(decideAppeal('ap2', 'reinstate')).thenThrows('appeal_not_found');
  });

  it('refuses an appeal already upheld', () => {
    spec.given(...appealed, appealDecided('ap1', 'uphold')).when(decideAppeal('ap1', 'reinstate')).thenThrows('appeal_not_found');
  });

  it('refuses an appeal already granted', () => {
    spec
      .given(...appealed, appealDecided('ap1', 'reinstate'), reinstatedByAppeal('ap1'))
      .when(decideAppeal('ap1', 'uphold'))
      .thenThrows('appeal_not_found');
  });

  it('refuses on an unknown account', () => {
    spec.given().when(decideAppeal('ap1', 'reinstate')).thenThrows('account_not_found');
  });
});

describe('LogIn around a suspension', () => {
  const session = newSession('s9');

  it('refuses a correct password while the account is suspended', () => {
    spec.given(...active, suspended).when(logIn(true)).thenThrows('account_suspended');
  });

  it('refuses a correct password while an appeal is open', () => {
    spec.given(...active, suspended, appealSubmitted('ap1')).when(logIn(true)).thenThrows('account_suspended');
  });

  it('refuses a correct password once the appeal was upheld', () => {
    spec.given(...active, suspended, appealSubmitted('ap1'), appealDecided('ap1', 'uphold')).when(logIn(true)).thenThrows('account_suspended');
  });

  it('refuses a correct password on an account suspended while locked', () => {
    spec.given(...active, lockedManually, suspended).when(logIn(true)).thenThrows('account_suspended');
  });

  it('signs in after support reinstated the account', () => {
    spec.given(...active, suspended, reinstatedBySupport).when(logIn(true)).then(signedIn(session));
  });

  it('signs in after a granted appeal', () => {
    spec.given(...active, suspended, appealSubmitted('ap1'), appealDecided('ap1', 'reinstate'), reinstatedByAppeal('ap1')).when(logIn(true)).then(signedIn(session));
  });
});

describe('reinstatement and the states around a suspension', () => {
  it('leaves a lock that stood before the suspension standing', () => {
    spec
      .given(...active, lockedForUnusualActivity, suspended, reinstatedBySupport)
      .when(logIn(true))
      .thenThrows('account_locked', { unlock: 'verify_ownership' });
  });

  it('refuses to grant an appeal when there is no suspension left to lift', () => {
    spec
      .given(...active, suspended, appealSubmitted('ap1'), deletionScheduled('suspended'))
      .when(decideAppeal('ap1', 'reinstate'))
      .thenThrows('invalid_state', { status: 'deletion_scheduled' });
  });

  it('still lets support uphold it then', () => {
    spec
      .given(...active, suspended, appealSubmitted('ap1'), deletionScheduled('suspended'))
      .when(decideAppeal('ap1', 'uphold'))
      .then([appealDecided('ap1', 'uphold')]);
  });
});
