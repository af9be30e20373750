import type { AccountCommand } from '../account.commands';
import type { SecondFactorCheck } from './two-factor.commands';
import type { AccountEvent } from '../account.events';
import {
  active,
  answer,
  at,
  challenged,
  ENROLLED_STEP,
  lockedForUnusualActivity,
  noCode,
  ownershipRequested,
  type Purpose,
  recoveryCode,
  recoveryCodeVerified,
  refusalOf,
  resetCompleted,
  resetRequested,
  revoked,
  secondFactorFailed,
  sessionStarted,
  spec,
  totpCode,
  totpVerified,
  unlockedByLink,
  unlockedByReset,
  verifiedByLink,
  withTotp,
} from '../testing/fixtures';

const NEXT = ENROLLED_STEP + 1;

/**
 * Flows that prove ownership by a mailed link also need the second factor when 2FA is on:
 * the proof comes first in what they append, so the code is spent before anything else.
 */
const flows: Array<{
  name: string;
  purpose: Purpose;
  link: AccountEvent;
  complete: (secondFactor: SecondFactorCheck) => AccountCommand;
  onActive: AccountEvent[];
  onUnusualActivityLock: AccountEvent[];
}> = [
  {
    name: 'CompletePasswordReset',
    purpose: 'password_reset',
    link: resetRequested('r1'),
    complete: (secondFactor) => ({ type: 'CompletePasswordReset', now: at(30), tokenHash: 'hash-r1', passwordHash: 'bcrypt-new', secondFactor }),
    onActive: [resetCompleted],
    onUnusualActivityLock: [resetCompleted, ...unlockedByReset],
  },
  {
    name: 'CompleteOwnershipVerification',
    purpose: 'ownership',
    link: ownershipRequested('ov'),
    complete: (secondFactor) => ({ type: 'CompleteOwnershipVerification', now: at(30), tokenHash: 'hash-ov', secondFactor }),
    onActive: [verifiedByLink],
    onUnusualActivityLock: unlockedByLink,
  },
];

describe.each(flows)('$name with 2FA on', ({ purpose, link, complete, onActive, onUnusualActivityLock }) => {
  const linked = [...withTotp, link];

  it('goes through with a current code, recording it first', () => {
    spec.given(...linked).when(complete(totpCode(NEXT))).then([totpVerified(purpose, NEXT), ...onActive]);
  });

  it('goes through with an unused recovery code, spending it first', () => {
    spec.given(...linked).when(complete(recoveryCode('rc-3'))).then([...recoveryCodeVerified(purpose, 'rc-3'), ...onActive]);
  });

  it('puts the proof before the unlock of an unusual-activity lock', () => {
    spec
      .given(...withTotp, lockedForUnusualActivity, link)
      .when(complete(totpCode(NEXT)))
      .then([totpVerified(purpose, NEXT), ...onUnusualActivityLock]);
  });

  it('asks for a code when none is given', () => {
    spec.given(...linked).when(complete(noCode)).thenThrows('invalid_code', { required: true });
  });

  it('refuses a wrong code, without asking for one', () => {
    expect(refusalOf(complete(totpCode(null)), ...linked)).toEqual({ code: 'invalid_code', details: undefined });
  });

  it('refuses the code that confirmed the enrolment, and any earlier one', () => {
    spec.given(...linked).when(complete(totpCode(ENROLLED_STEP))).thenThrows('invalid_code');
    spec.given(...linked).when(complete(totpCode(ENROLLED_STEP - 1))).thenThrows('invalid_code');
  });

  it('refuses a used or unknown recovery code', () => {
    spec.given(...linked, ...recoveryCodeVerified('login', 'rc-3')).when(complete(recoveryCode('rc-3'))).thenThrows('invalid_code');
    spec.given(...linked).when(complete(recoveryCode('rc-forged'))).thenThrows('invalid_code');
  });

  it('checks the link before the code', () => {
    spec.given(...withTotp).when(complete(noCode)).thenThrows('invalid_token');
  });

  it('leaves its code unusable at the next login', () => {
    spec
      .given(...linked, totpVerified(purpose, NEXT), challenged('c1'))
      .when(answer(totpCode(NEXT)))
      .then([secondFactorFailed('c1', 'replayed_code')]);
  });
});

describe.each(flows)('$name with 2FA off', ({ link, complete, onActive }) => {
  it.each([
    ['no code', noCode],
    ['a wrong code', totpCode(null)],
    ['an old step', totpCode(0)],
    ['an unknown recovery code', recoveryCode('rc-forged')],
  ])('ignores %s', (_label, secondFactor) => {
    spec.given(...active, link).when(complete(secondFactor)).then(onActive);
  });
});

describe('CompletePasswordReset with 2FA on', () => {
  it('ends every live session after the proof and the new password', () => {
    spec
      .given(...withTotp, sessionStarted('s1'), sessionStarted('s2'), resetRequested('r1'))
      .when(flows[0].complete(totpCode(NEXT)))
      .then([totpVerified('password_reset', NEXT), resetCompleted, ...revoked('password_reset', 's1', 's2')]);
  });
});
