import type { CompleteAccountRecovery, DecideRecoveryCase, OpenRecoveryCase } from './recovery.commands';
import type { AccountEvent } from '../account.events';
import {
  active,
  at,
  DAY,
  EMAIL,
  HOUR,
  lockedForUnusualActivity,
  lockedManually,
  logIn,
  newSession,
  noCode,
  passwordDisabled,
  recoveryCodeUsed,
  recoveryCodeVerified,
  registered,
  resetCompleted,
  resetRequested,
  revoked,
  sessionStarted,
  signedIn,
  spec,
  token,
  totpDisabled,
  unlockedByReset,
  verificationRequested,
  withTotp,
} from '../testing/fixtures';

const recoveryRequested = (id: string, expiresAt = at(HOUR)): AccountEvent => ({
  type: 'AccountRecoveryRequested',
  data: { ...token(id, expiresAt), email: EMAIL },
});
/** Ann lost her authenticator; the recovery link `ar` is in her mailbox. */
const linked = [...withTotp, recoveryRequested('ar')];

describe('RequestAccountRecovery', () => {
  const request = { type: 'RequestAccountRecovery' as const, now: at(5), recovery: token('ar9', at(5 + HOUR)) };
  const requested = [recoveryRequested('ar9', at(5 + HOUR))];

  it('mails a link when 2FA is on', () => {
    spec.given(...withTotp).when(request).then(requested);
  });

  it('mails a link while the account is locked', () => {
    spec.given(...withTotp, lockedForUnusualActivity).when(request).then(requested);
  });

  it('does nothing when there is no 2FA to lose', () => {
    spec.given(...active).when(request).thenNothingHappened();
    spec.given(...withTotp, totpDisabled('owner')).when(request).thenNothingHappened();
  });

  it('does nothing for an unknown or unverified account', () => {
    spec.given().when(request).thenNothingHappened();
    spec.given(registered, verificationRequested).when(request).thenNothingHappened();
  });
});

describe('CompleteAccountRecovery', () => {
  const complete = (overrides: Partial<CompleteAccountRecovery> = {}): CompleteAccountRecovery => ({
    type: 'CompleteAccountRecovery',
    now: at(30),
    tokenHash: 'hash-ar',
    passwordHash: 'bcrypt-new',
    recoveryCodeHash: 'rc-2',
    ...overrides,
  });
  const recovered = [recoveryCodeUsed('rc-2'), resetCompleted, totpDisabled('account_recovery')];

  it('spends the recovery code, sets the password, turns 2FA off and ends every live session', () => {
    spec
      .given(...withTotp, sessionStarted('s1'), sessionStarted('s2'), ...revoked('logout', 's2'), recoveryRequested('ar'))
      .when(complete())
      .then([...recovered, ...revoked('password_reset', 's1')]);
  });

  it('lifts an unusual-activity lock', () => {
    spec.given(...withTotp, lockedForUnusualActivity, recoveryRequested('ar')).when(complete()).then([...recovered, ...unlockedByReset]);
  });

  it('leaves a manual lock in place', () => {
    spec.given(...withTotp, lockedManually, recoveryRequested('ar')).when(complete()).then(recovered);
  });

  it('lets the new password sign in without a second factor', () => {
    spec.given(...linked, ...recovered).when(logIn(true)).then(signedIn(newSession('s9')));
  });

  it('refuses a used or unknown recovery code', () => {
    spec.given(...linked, ...recoveryCodeVerified('login', 'rc-2')).when(complete()).thenThrows('invalid_code');
    spec.given(...linked).when(complete({ recoveryCodeHash: 'rc-forged' })).thenThrows('invalid_code');
  });

  it('refuses an unknown, voided, expired or used link', () => {
    spec.given(...linked).when(complete({ tokenHash: 'hash-other' })).thenThrows('invalid_token');
    spec.given(...linked, recoveryRequested('ar2')).when(complete()).thenThrows('invalid_token');
    spec.given(...linked).when(complete({ now: at(HOUR) })).thenThrows('invalid_token');
    spec.given(...linked, ...recovered).when(complete({ recoveryCodeHash: 'rc-3' })).thenThrows('invalid_token');
    spec.given().when(complete()).thenThrows('invalid_token');
  });

  it('refuses once 2FA was turned off after the link was sent', () => {
    spec.given(...linked, totpDisabled('owner')).when(complete()).thenThrows('invalid_state', { status: 'active' });
  });

  it('clears a disabled password', () => {
    spec.given(...linked, passwordDisabled).when(complete()).then(recovered);
    spec.given(...linked, passwordDisabled, ...recovered).when(logIn(true)).then(signedIn(newSession('s9')));
  });
});

describe('Recovery cases', () => {
  const STATEMENT = 'Phone stolen on 2 Jan; I can show my ID.';
  const open = (overrides: Partial<OpenRecoveryCase> = {}): OpenRecoveryCase => ({
    type: 'OpenRecoveryCase',
    now: at(30),
    tokenHash: 'hash-ar',
    caseId: 'case-1',
    statement: STATEMENT,
    ...overrides,
  });
  const opened: AccountEvent = { type: 'RecoveryCaseOpened', data: { caseId: 'case-1', statement: STATEMENT } };
  const decide = (decision: DecideRecoveryCase['decision'], caseId = 'case-1'): DecideRecoveryCase => ({
    type: 'DecideRecoveryCase',
    now: at(DAY),
    caseId,
    decision,
    note: 'ID checked',
    reset: token('r1', at(DAY + HOUR)),
  });
  const decided = (decision: DecideRecoveryCase['decision']): AccountEvent => ({
    type: 'RecoveryCaseDecided',
    data: { caseId: 'case-1', decision, note: 'ID checked' },
  });
  const approved = [decided('approve'), totpDisabled('recovery_case_approved'), resetRequested('r1', at(DAY + HOUR))];

  describe('OpenRecoveryCase', () => {
    it('opens a case with the owner statement for support', () => {
      spec.given(...linked).when(open()).then([opened]);
    });

    it('spends the link', () => {
      spec.given(...linked, opened).when(open({ caseId: 'case-2' })).thenThrows('invalid_token');
      spec.given(...linked, opened).when({ type: 'CompleteAccountRecovery', now: at(31), tokenHash: 'hash-ar', passwordHash: 'x', recoveryCodeHash: 'rc-1' }).thenThrows('invalid_token');
    });

    it('refuses an unknown or expired link', () => {
      spec.given(...linked).when(open({ tokenHash: 'hash-other' })).thenThrows('invalid_token');
      spec.given(...linked).when(open({ now: at(HOUR) })).thenThrows('invalid_token');
      spec.given().when(open()).thenThrows('invalid_token');
    });
  });

  describe('DecideRecoveryCase', () => {
    it('on approval, turns 2FA off and mails a password reset link', () => {
      spec.given(...linked, opened).when(decide('approve')).then(approved);
    });

    it('on approval when 2FA is already off, only mails the reset link', () => {
      spec
        .given(...linked, opened, totpDisabled('owner'))
        .when(decide('approve'))
        .then([decided('approve'), resetRequested('r1', at(DAY + HOUR))]);
    });

    it('on rejection, records the decision only', () => {
      spec.given(...linked, opened).when(decide('reject')).then([decided('reject')]);
    });

    it('lets the approved owner reset the password without a code', () => {
      spec
        .given(...linked, opened, ...approved)
        .when({ type: 'CompletePasswordReset', now: at(DAY + 1), tokenHash: 'hash-r1', passwordHash: 'bcrypt-new', secondFactor: noCode })
        .then([resetCompleted]);
    });

    it('refuses a case already decided', () => {
      spec.given(...linked, opened, ...approved).when(decide('approve')).thenThrows('recovery_case_not_found');
      spec.given(...linked, opened, decided('reject')).when(decide('approve')).thenThrows('recovery_case_not_found');
    });

    it('refuses an unknown case', () => {
      spec.given(...linked, opened).when(decide('approve', 'case-other')).thenThrows('recovery_case_not_found');
      spec.given().when(decide('reject')).thenThrows('recovery_case_not_found');
    });
  });
});
