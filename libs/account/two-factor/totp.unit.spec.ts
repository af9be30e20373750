import type { AccountCommand } from '../account.commands';
import type { DisableTotp, RegenerateRecoveryCodes, SecondFactorCheck } from './two-factor.commands';
import type { AccountEvent } from '../account.events';
import {
  active,
  answer,
  at,
  challenged,
  codesIssued,
  ENROLLED_STEP,
  lockedManually,
  logIn,
  newSession,
  noCode,
  type Purpose,
  RECOVERY_CODES,
  recoveryCode,
  recoveryCodeVerified,
  refusalOf,
  registered,
  SECRET,
  secondFactorFailed,
  signedIn,
  spec,
  stateOf,
  totpCode,
  totpDisabled,
  totpEnabled,
  totpStarted,
  totpVerified,
  verificationRequested,
  withTotp,
} from '../testing/fixtures';

const NEW_CODES = ['rc-new-1', 'rc-new-2'];

describe('StartTotpEnrollment', () => {
  const start = (secret = SECRET) => ({ type: 'StartTotpEnrollment' as const, now: at(5), secret });

  it('records a pending secret on an active account', () => {
    spec.given(...active).when(start()).then([totpStarted()]);
  });

  it('replaces an unconfirmed secret when started again', () => {
    spec.given(...active, totpStarted('OLDSECRET')).when(start()).then([totpStarted()]);
  });

  it('refuses while 2FA is already on', () => {
    spec.given(...withTotp).when(start()).thenThrows('invalid_state', { status: 'active' });
  });

  it('refuses an account that is not active', () => {
    spec.given(...active, lockedManually).when(start()).thenThrows('invalid_state', { status: 'locked' });
    spec.given(registered, verificationRequested).when(start()).thenThrows('invalid_state', { status: 'pending_verification' });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(start()).thenThrows('account_not_found');
  });
});

describe('ConfirmTotpEnrollment', () => {
  const confirm = (step: number | null) => ({
    type: 'ConfirmTotpEnrollment' as const,
    now: at(6),
    step,
    recoveryCodeHashes: RECOVERY_CODES,
  });

  it('turns 2FA on at the matched step and issues the recovery codes', () => {
    spec.given(...active, totpStarted()).when(confirm(ENROLLED_STEP)).then([totpEnabled(), codesIssued()]);
  });

  it('refuses a code that matched no step of the pending secret', () => {
    spec.given(...active, totpStarted()).when(confirm(null)).thenThrows('invalid_code');
  });

  it('refuses when no enrolment is pending', () => {
    spec.given(...active).when(confirm(ENROLLED_STEP)).thenThrows('invalid_state', { status: 'active' });
  });

  it('refuses while 2FA is already on', () => {
    spec.given(...withTotp).when(confirm(ENROLLED_STEP + 1)).thenThrows('invalid_state', { status: 'active' });
  });

  it('refuses the pending secret of before 2FA was turned off', () => {
    spec.given(...withTotp, totpStarted('NEVERCONFIRMED'), totpDisabled('owner')).when(confirm(ENROLLED_STEP + 5)).thenThrows('invalid_state', { status: 'active' });
  });

  it('refuses on an account that is not active', () => {
    spec.given(...active, totpStarted(), lockedManually).when(confirm(ENROLLED_STEP)).thenThrows('invalid_state', { status: 'locked' });
  });

  it('keeps the secret of the latest start', () => {
    const state = stateOf(...active, totpStarted('OLDSECRET'), totpStarted(), totpEnabled());
    expect({ totpEnabled: state.totpEnabled, totpSecret: state.totpSecret, pendingTotpSecret: state.pendingTotpSecret }).toEqual({
      totpEnabled: true,
      totpSecret: SECRET,
      pendingTotpSecret: null,
    });
  });
});

/**
 * Turning 2FA off and regenerating the recovery codes both confirm identity twice over:
 * the password and a current code (or an unused recovery code).
 */
type IdentityCommand = DisableTotp | RegenerateRecoveryCodes;
const identityFlows: Array<{ name: string; purpose: Purpose; command: (passwordMatches: boolean, secondFactor: SecondFactorCheck) => IdentityCommand; outcome: AccountEvent[] }> = [
  {
    name: 'DisableTotp',
    purpose: 'disable_totp',
    command: (passwordMatches, secondFactor) => ({ type: 'DisableTotp', now: at(10), passwordMatches, secondFactor }),
    outcome: [totpDisabled('owner')],
  },
  {
    name: 'RegenerateRecoveryCodes',
    purpose: 'recovery_codes',
    command: (passwordMatches, secondFactor) => ({ type: 'RegenerateRecoveryCodes', now: at(10), passwordMatches, secondFactor, recoveryCodeHashes: NEW_CODES }),
    outcome: [codesIssued(NEW_CODES)],
  },
];

describe.each(identityFlows)('$name', ({ purpose, command, outcome }) => {
  const next = totpCode(ENROLLED_STEP + 1);

  it('goes through with the password and a current code, recording the code first', () => {
    spec.given(...withTotp).when(command(true, next)).then([totpVerified(purpose, ENROLLED_STEP + 1), ...outcome]);
  });

  it('goes through with the password and an unused recovery code, spending it', () => {
    spec.given(...withTotp).when(command(true, recoveryCode('rc-2'))).then([...recoveryCodeVerified(purpose, 'rc-2'), ...outcome]);
  });

  it('refuses a wrong password, even with a valid code', () => {
    spec.given(...withTotp).when(command(false, next)).thenThrows('invalid_credentials');
  });

  it('asks for a code when none is given', () => {
    spec.given(...withTotp).when(command(true, noCode)).thenThrows('invalid_code', { required: true });
  });

  it('refuses a wrong code, without asking for one', () => {
    expect(refusalOf(command(true, totpCode(null)), ...withTotp)).toEqual({ code: 'invalid_code', details: undefined });
  });

  it('refuses the code that confirmed the enrolment, and any earlier one', () => {
    spec.given(...withTotp).when(command(true, totpCode(ENROLLED_STEP))).thenThrows('invalid_code');
    spec.given(...withTotp).when(command(true, totpCode(ENROLLED_STEP - 1))).thenThrows('invalid_code');
  });

  it('refuses a code already accepted at a login', () => {
    spec
      .given(...withTotp, totpVerified('login', ENROLLED_STEP + 1))
      .when(command(true, next))
      .thenThrows('invalid_code');
  });

  it('refuses a used or unknown recovery code', () => {
    spec.given(...withTotp, ...recoveryCodeVerified('login', 'rc-2')).when(command(true, recoveryCode('rc-2'))).thenThrows('invalid_code');
    spec.given(...withTotp).when(command(true, recoveryCode('rc-unknown'))).thenThrows('invalid_code');
  });

  it('refuses while 2FA is off', () => {
    spec.given(...active).when(command(true, next)).thenThrows('invalid_state', { status: 'active' });
    spec.given(...withTotp, totpDisabled('owner')).when(command(true, next)).thenThrows('invalid_state', { status: 'active' });
  });

  it('refuses on an unknown account', () => {
    spec.given().when(command(true, next)).thenThrows('account_not_found');
  });
});

describe('2FA after it is changed', () => {
  const disabled = [...withTotp, totpVerified('disable_totp', ENROLLED_STEP + 1), totpDisabled('owner')];
  const regenerated = [...withTotp, totpVerified('recovery_codes', ENROLLED_STEP + 1), codesIssued(NEW_CODES)];
  const disableWith = (secondFactor: SecondFactorCheck): AccountCommand => ({ type: 'DisableTotp', now: at(10), passwordMatches: true, secondFactor });

  it('signs in with the password alone once 2FA is off', () => {
    spec.given(...disabled).when(logIn(true)).then(signedIn(newSession('s9')));
  });

  it('can be enrolled again once off', () => {
    spec
      .given(...disabled)
      .when({ type: 'StartTotpEnrollment', now: at(20), secret: 'NEWSECRET' })
      .then([totpStarted('NEWSECRET')]);
  });

  it('voids the old recovery codes when new ones are issued', () => {
    spec.given(...regenerated).when(disableWith(recoveryCode('rc-1'))).thenThrows('invalid_code');
    // A voided code is no current code: refused like any wrong one.
    spec.given(...regenerated, challenged('c1')).when(answer(recoveryCode('rc-1'))).then([secondFactorFailed('c1', 'wrong_code')]);
  });

  it('accepts the new recovery codes', () => {
    spec
      .given(...regenerated)
      .when(disableWith(recoveryCode('rc-new-2')))
      .then([...recoveryCodeVerified('disable_totp', 'rc-new-2'), totpDisabled('owner')]);
  });
});
