import { active, at, happened, lockedManually, spec } from '../testing/fixtures';
import {
  credentialIssued,
  credentialRegenerated,
  credentialRevoked,
  credentialUsed,
  inStatus,
  issueCredential,
  regenerateCredential,
  revokeCredential,
  suspended,
  touchCredential,
} from '../testing/lifecycle-fixtures';

describe('IssueCredential', () => {
  it('issues a credential, keeping only its prefix and secret hash', () => {
    spec.given(...active).when(issueCredential('c1')).then([credentialIssued('c1')]);
  });

  it('issues another one beside a live credential', () => {
    spec.given(...active, credentialIssued('c1')).when(issueCredential('c2')).then([credentialIssued('c2')]);
  });

  it.each(['pending_verification', 'locked', 'suspended', 'deletion_scheduled', 'deleted'] as const)(
    'refuses while the account is %s',
    (status) => {
      spec.given(...inStatus[status]).when(issueCredential('c1')).thenThrows('invalid_state', { status });
    },
  );

  it('refuses on an unknown account', () => {
    spec.given().when(issueCredential('c1')).thenThrows('account_not_found');
  });
});

describe('RegenerateCredential', () => {
  it('records the new prefix and secret hash', () => {
    spec.given(...active, credentialIssued('c1')).when(regenerateCredential('c1')).then([credentialRegenerated('c1')]);
  });

  it('regenerates again after a regeneration', () => {
    spec
      .given(...active, credentialIssued('c1'), credentialRegenerated('c1', 2))
      .when(regenerateCredential('c1', 3))
      .then([credentialRegenerated('c1', 3)]);
  });

  it('refuses an unknown credential', () => {
    spec.given(...active, credentialIssued('c1')).when(regenerateCredential('c2')).thenThrows('credential_not_found');
  });

  it('refuses a revoked credential', () => {
    spec.given(...active, credentialIssued('c1'), credentialRevoked('c1')).when(regenerateCredential('c1')).thenThrows('credential_not_found');
  });

  it('refuses while the account is locked', () => {
    spec
      .given(...active, credentialIssued('c1'), lockedManually)
      .when(regenerateCredential('c1'))
      .thenThrows('invalid_state', { status: 'locked' });
  });

  it('refuses while the account is suspended', () => {
    spec
      .given(...active, credentialIssued('c1'), suspended)
      .when(regenerateCredential('c1'))
      .thenThrows('invalid_state', { status: 'suspended' });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(regenerateCredential('c1')).thenThrows('account_not_found');
  });
});

describe('RevokeCredential', () => {
  it('revokes a live credential at its owner\'s request', () => {
    spec.given(...active, credentialIssued('c1'), credentialIssued('c2')).when(revokeCredential('c1')).then([credentialRevoked('c1', 'owner')]);
  });

  it('revokes a regenerated credential', () => {
    spec.given(...active, credentialIssued('c1'), credentialRegenerated('c1')).when(revokeCredential('c1')).then([credentialRevoked('c1', 'owner')]);
  });

  it('revokes while the account is suspended', () => {
    spec
      .given(...active, credentialIssued('c1'), suspended)
      .when(revokeCredential('c1'))
      .then([credentialRevoked('c1', 'owner')]);
  });

  it('refuses a credential already revoked', () => {
    spec.given(...active, credentialIssued('c1'), credentialRevoked('c1')).when(revokeCredential('c1')).thenThrows('credential_not_found');
  });

  it('refuses an unknown credential', () => {
    spec.given(...active, credentialIssued('c1')).when(revokeCredential('c2')).thenThrows('credential_not_found');
  });

  it('refuses on an unknown account', () => {
    spec.given().when(revokeCredential('c1')).thenThrows('account_not_found');
  });
});

describe('TouchCredential', () => {
  /** Issued at T0, last used at minute 10; use is recorded at most every 5 minutes. */
  const usedAtMinute10 = [...active, credentialIssued('c1'), happened(credentialUsed('c1'), 10)];

  it('records the first use', () => {
    spec.given(...active, credentialIssued('c1')).when(touchCredential('c1', at(1))).then([credentialUsed('c1')]);
  });

  it('records nothing within the interval after the last recorded use', () => {
    spec.given(...usedAtMinute10).when(touchCredential('c1', at(14))).thenNothingHappened();
  });

  it('records a use once the interval is over', () => {
    spec.given(...usedAtMinute10).when(touchCredential('c1', at(15))).then([credentialUsed('c1')]);
  });

  it('measures the interval from the latest recorded use', () => {
    spec.given(...usedAtMinute10, happened(credentialUsed('c1'), 16)).when(touchCredential('c1', at(20))).thenNothingHappened();
  });

  it('records nothing for an unknown credential', () => {
    spec.given(...active, credentialIssued('c1')).when(touchCredential('c2', at(1))).thenNothingHappened();
  });

  it('records nothing for a revoked credential', () => {
    spec.given(...active, credentialIssued('c1'), credentialRevoked('c1')).when(touchCredential('c1', at(1))).thenNothingHappened();
  });

  it('records nothing on an unknown account', () => {
    spec.given().when(touchCredential('c1', at(1))).thenNothingHappened();
  });
});
