import type { AccountEvent } from '../account.events';
import type { CompletePasswordReset, RequestPasswordReset, SecondFactorCheck } from '../account.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { endSessions } from './session-endings';
import { assertTokenValid } from './token-check';
import { unlockByOwnership } from './ownership';

const RESETTABLE = new Set(['active', 'locked']);

/** A newer link voids the older one. Silently nothing where a reset makes no sense. */
export function requestPasswordReset(state: AccountState, command: RequestPasswordReset): AccountEvent[] {
  if (!state.exists || !state.status || !RESETTABLE.has(state.status)) return [];
  return [{ type: 'PasswordResetRequested', data: { ...command.reset, email: state.email } }];
}

/**
 * Completing a reset proves control of the mailbox: it ends every session, clears a
 * staff-disabled password and, counting as ownership verification, lifts an
 * unusual-activity lock.
 */
export function completePasswordReset(state: AccountState, command: CompletePasswordReset): AccountEvent[] {
  if (!state.exists) throw AccountErrors.invalidToken();
  assertTokenValid(state.passwordReset, command.tokenHash, command.now);
  if (!state.status || !RESETTABLE.has(state.status)) throw AccountErrors.invalidState(state);
  assertSecondFactor(state, command.secondFactor);
  return [
    { type: 'PasswordResetCompleted', data: { passwordHash: command.passwordHash } },
    ...endSessions(state, command.now, 'password_reset'),
    ...unlockByOwnership(state, 'password_reset'),
  ];
}

/**
 * The seam for two-factor authentication: when the account has a second factor, flows
 * that prove ownership must also present a valid code. No account has one yet.
 */
export function assertSecondFactor(_state: AccountState, check: SecondFactorCheck): void {
  if (check === 'invalid') throw AccountErrors.invalidCode();
}
