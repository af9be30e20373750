import type { AccountEvent } from '../account.events';
import type { ChangePassword, DisablePassword } from './passwords.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { endSessions } from '../sign-in/session-endings';

export function changePassword(state: AccountState, command: ChangePassword): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  if (!command.currentPasswordMatches) throw AccountErrors.invalidCredentials();
  if (state.status !== 'active') throw AccountErrors.invalidState(state);
  if (state.passwordDisabled) throw AccountErrors.passwordDisabled();
  return [
    { type: 'PasswordChanged', data: { passwordHash: command.passwordHash } },
    ...endSessions(state, command.now, 'password_changed', command.keepSessionId),
  ];
}

/** Suspected compromise: sign-ins stop until the owner resets the password by mail. */
export function disablePassword(state: AccountState, command: DisablePassword): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  if (state.passwordDisabled || state.status === 'deleted') throw AccountErrors.invalidState(state, 'The password is already disabled.');
  return [{ type: 'PasswordDisabled', data: { reason: command.reason } }, ...endSessions(state, command.now, 'password_disabled')];
}
