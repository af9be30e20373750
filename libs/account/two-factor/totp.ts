import type { AccountEvent } from '../account.events';
import type { ConfirmTotpEnrollment, DisableTotp, RegenerateRecoveryCodes, StartTotpEnrollment } from './two-factor.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { requireSecondFactor } from './second-factor';

function assertActive(state: AccountState): void {
  if (!state.exists) throw AccountErrors.notFound();
  if (state.status !== 'active') throw AccountErrors.invalidState(state);
}

/** A new pending secret; it replaces any earlier unconfirmed one. */
export function startTotpEnrollment(state: AccountState, command: StartTotpEnrollment): AccountEvent[] {
  assertActive(state);
  if (state.totpEnabled) throw AccountErrors.invalidState(state, 'Two-factor authentication is already on.');
  return [{ type: 'TotpEnrollmentStarted', data: { secret: command.secret } }];
}

/** A valid code from the pending secret turns 2FA on and issues the recovery codes. */
export function confirmTotpEnrollment(state: AccountState, command: ConfirmTotpEnrollment): AccountEvent[] {
  assertActive(state);
  if (state.totpEnabled) throw AccountErrors.invalidState(state, 'Two-factor authentication is already on.');
  if (!state.pendingTotpSecret) throw AccountErrors.invalidState(state, 'No enrolment is pending.');
  if (command.step === null) throw AccountErrors.invalidCode();
  return [
    { type: 'TotpEnabled', data: { step: command.step } },
    { type: 'RecoveryCodesIssued', data: { codeHashes: command.recoveryCodeHashes } },
  ];
}

/**
 * Identity is confirmed twice over: the password and a current code (or a recovery code).
 * The password comes first, so the answer says nothing about the account to whoever lacks it.
 */
function confirmIdentity(state: AccountState, passwordMatches: boolean): void {
  if (!state.exists) throw AccountErrors.notFound();
  if (!passwordMatches) throw AccountErrors.invalidCredentials();
  if (state.status !== 'active') throw AccountErrors.invalidState(state);
  if (!state.totpEnabled) throw AccountErrors.invalidState(state, 'Two-factor authentication is off.');
}

export function disableTotp(state: AccountState, command: DisableTotp): AccountEvent[] {
  confirmIdentity(state, command.passwordMatches);
  return [...requireSecondFactor(state, command.secondFactor, 'disable_totp'), { type: 'TotpDisabled', data: { reason: 'owner' } }];
}

export function regenerateRecoveryCodes(state: AccountState, command: RegenerateRecoveryCodes): AccountEvent[] {
  confirmIdentity(state, command.passwordMatches);
  return [
    ...requireSecondFactor(state, command.secondFactor, 'recovery_codes'),
    { type: 'RecoveryCodesIssued', data: { codeHashes: command.recoveryCodeHashes } },
  ];
}
