/**
 * Profile rules across every account status: display name, username, email change.
 * (profile.unit.spec.ts, written alongside, holds further examples.)
 */
import {
  active,
  at,
  DAY,
  EMAIL,
  happened,
  home,
  passwordDisabled,
  resetCompleted,
  spec,
  verificationRequested,
  verified,
} from '../testing/fixtures';
import {
  changeDisplayName,
  changeToken,
  changeUsername,
  confirmEmailChange,
  displayNameChanged,
  emailChanged,
  emailChangeRequested,
  inStatus,
  NEW_EMAIL,
  passwordResetRequestedTo,
  requestEmailChange,
  requestPasswordReset,
  suspended,
  usernameChanged,
} from '../testing/lifecycle-fixtures';
import type { AccountEvent } from '../account.events';

describe('ChangeDisplayName', () => {
  it('records the new display name', () => {
    spec.given(...active).when(changeDisplayName('Ann B.')).then([displayNameChanged('Ann B.')]);
  });

  it('records a change back to an earlier name', () => {
    spec.given(...active, displayNameChanged('Ann B.')).when(changeDisplayName('Ann')).then([displayNameChanged('Ann')]);
  });

  it('does nothing when the name is the current one', () => {
    spec.given(...active).when(changeDisplayName('Ann')).thenNothingHappened();
  });

  it('does nothing when the name is the one last changed to', () => {
    spec.given(...active, displayNameChanged('Ann B.')).when(changeDisplayName('Ann B.')).thenNothingHappened();
  });

  it.each(['pending_verification', 'locked'] as const)('changes it while the account is %s', (status) => {
    spec.given(...inStatus[status]).when(changeDisplayName('Ann B.')).then([displayNameChanged('Ann B.')]);
  });

  it.each(['suspended', 'deletion_scheduled', 'deleted'] as const)('refuses while the account is %s', (status) => {
    spec.given(...inStatus[status]).when(changeDisplayName('Ann B.')).thenThrows('invalid_state', { status });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(changeDisplayName('Ann B.')).thenThrows('account_not_found');
  });
});

describe('ChangeUsername', () => {
  it('records the new username with the previous one', () => {
    spec.given(...active).when(changeUsername('ann_b')).then([usernameChanged('ann_b', 'ann')]);
  });

  it('records the username it replaces after an earlier change', () => {
    spec.given(...active, usernameChanged('ann_b', 'ann')).when(changeUsername('ann_c')).then([usernameChanged('ann_c', 'ann_b')]);
  });

  it('records no previous username when the account had none', () => {
    const withoutUsername: AccountEvent = {
      type: 'AccountRegistered',
      data: { accountId: 'a1', email: EMAIL, username: null, displayName: 'Ann', passwordHash: 'bcrypt', origin: home },
    };
    spec.given(withoutUsername, verificationRequested, verified).when(changeUsername('ann')).then([usernameChanged('ann', null)]);
  });

  it('does nothing when the username is the current one', () => {
    spec.given(...active).when(changeUsername('ann')).thenNothingHappened();
  });

  it('does nothing when the username is the one last changed to', () => {
    spec.given(...active, usernameChanged('ann_b', 'ann')).when(changeUsername('ann_b')).thenNothingHappened();
  });

  it.each(['pending_verification', 'locked'] as const)('changes it while the account is %s', (status) => {
    spec.given(...inStatus[status]).when(changeUsername('ann_b')).then([usernameChanged('ann_b', 'ann')]);
  });

  it.each(['suspended', 'deletion_scheduled', 'deleted'] as const)('refuses while the account is %s', (status) => {
    spec.given(...inStatus[status]).when(changeUsername('ann_b')).thenThrows('invalid_state', { status });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(changeUsername('ann_b')).thenThrows('account_not_found');
  });
});

describe('RequestEmailChange', () => {
  it('issues a link for the new address and names the current one for the notice', () => {
    spec
      .given(...active)
      .when(requestEmailChange(true))
      .then([{ type: 'EmailChangeRequested', data: { ...changeToken('ec1'), newEmail: NEW_EMAIL, currentEmail: EMAIL } }]);
  });

  it('issues a new link when one is already pending', () => {
    spec
      .given(...active, emailChangeRequested('ec1'))
      .when(requestEmailChange(true, { now: at(60), newEmail: 'ann@other.example.com', change: changeToken('ec2', 60) }))
      .then([{ type: 'EmailChangeRequested', data: { ...changeToken('ec2', 60), newEmail: 'ann@other.example.com', currentEmail: EMAIL } }]);
  });

  it('refuses a wrong password', () => {
    spec.given(...active).when(requestEmailChange(false)).thenThrows('invalid_credentials');
  });

  it('refuses while support has disabled the password', () => {
    spec.given(...active, passwordDisabled).when(requestEmailChange(true)).thenThrows('password_disabled');
  });

  it('accepts a request again once the disabled password was reset', () => {
    spec.given(...active, passwordDisabled, resetCompleted).when(requestEmailChange(true)).then([emailChangeRequested('ec1')]);
  });

  it.each(['pending_verification', 'locked', 'suspended', 'deletion_scheduled', 'deleted'] as const)(
    'refuses while the account is %s',
    (status) => {
      spec.given(...inStatus[status]).when(requestEmailChange(true)).thenThrows('invalid_state', { status });
    },
  );

  it('refuses on an unknown account', () => {
    spec.given().when(requestEmailChange(true)).thenThrows('account_not_found');
  });
});

describe('ConfirmEmailChange', () => {
  const pending = [...active, emailChangeRequested('ec1')];

  it('changes the email to the new address and names the old one', () => {
    spec.given(...pending).when(confirmEmailChange('hash-ec1')).then([emailChanged(NEW_EMAIL, EMAIL)]);
  });

  it('accepts the link a minute before its 24 hours are over', () => {
    spec.given(...pending).when(confirmEmailChange('hash-ec1', at(DAY - 1))).then([emailChanged(NEW_EMAIL, EMAIL)]);
  });

  it('refuses the link once its 24 hours are over', () => {
    spec.given(...pending).when(confirmEmailChange('hash-ec1', at(DAY))).thenThrows('invalid_token');
  });

  it('refuses a wrong token', () => {
    spec.given(...pending).when(confirmEmailChange('hash-other')).thenThrows('invalid_token');
  });

  it('refuses when no change was requested', () => {
    spec.given(...active).when(confirmEmailChange('hash-ec1')).thenThrows('invalid_token');
  });

  it('refuses a link already used', () => {
    spec.given(...pending, emailChanged()).when(confirmEmailChange('hash-ec1', at(20))).thenThrows('invalid_token');
  });

  it('refuses the older link once a newer change was requested', () => {
    spec
      .given(...pending, happened(emailChangeRequested('ec2', 5, 'ann@other.example.com'), 5))
      .when(confirmEmailChange('hash-ec1'))
      .thenThrows('invalid_token');
  });

  it('accepts the newer link, for the newer address', () => {
    spec
      .given(...pending, happened(emailChangeRequested('ec2', 5, 'ann@other.example.com'), 5))
      .when(confirmEmailChange('hash-ec2'))
      .then([emailChanged('ann@other.example.com', EMAIL)]);
  });

  it('refuses a valid link when the account was suspended meanwhile', () => {
    spec.given(...pending, suspended).when(confirmEmailChange('hash-ec1')).thenThrows('invalid_state', { status: 'suspended' });
  });

  it('holds a valid link while support has disabled the password', () => {
    spec.given(...pending, passwordDisabled).when(confirmEmailChange('hash-ec1')).thenThrows('password_disabled');
  });

  it('refuses a link requested before a password reset: the reset voids it', () => {
    spec.given(...pending, happened(resetCompleted, 5)).when(confirmEmailChange('hash-ec1')).thenThrows('invalid_token');
  });

  it('refuses on an unknown account as an invalid link', () => {
    spec.given().when(confirmEmailChange('hash-ec1')).thenThrows('invalid_token');
  });

  it('mails a later password reset link to the new address', () => {
    spec.given(...pending, emailChanged()).when(requestPasswordReset()).then([passwordResetRequestedTo(NEW_EMAIL)]);
  });

  it('names the new address as the current one in a later change request', () => {
    spec
      .given(...pending, emailChanged())
      .when(requestEmailChange(true, { now: at(30), newEmail: 'ann@third.example.com', change: changeToken('ec3', 30) }))
      .then([{ type: 'EmailChangeRequested', data: { ...changeToken('ec3', 30), newEmail: 'ann@third.example.com', currentEmail: NEW_EMAIL } }]);
  });
});
