import type { AccountEvent } from '../account.events';
import type { CompletePasswordReset, RequestPasswordReset } from './passwords.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { endSessions } from '../sign-in/session-endings';
import { assertTokenValid } from '../issued-token';
import { unlockByOwnership } from '../protection/ownership';
import { requireSecondFactor } from '../two-factor/second-factor';

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
  return [
    ...requireSecondFactor(state, command.secondFactor, 'password_reset'),
    { type: 'PasswordResetCompleted', data: { passwordHash: command.passwordHash } },
    ...endSessions(state, command.now, 'password_reset'),
    ...unlockByOwnership(state, 'password_reset'),
  ];
}
