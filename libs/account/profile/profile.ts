import type { AccountEvent } from '../account.events';
import type { ChangeDisplayName, ChangeUsername, ConfirmEmailChange, RequestEmailChange } from './profile.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { assertTokenValid } from '../issued-token';

const CHANGEABLE = new Set(['pending_verification', 'active', 'locked']);

function assertChangeable(state: AccountState): void {
  if (!state.exists) throw AccountErrors.notFound();
  if (!state.status || !CHANGEABLE.has(state.status)) throw AccountErrors.invalidState(state);
}

export function changeDisplayName(state: AccountState, command: ChangeDisplayName): AccountEvent[] {
  assertChangeable(state);
  if (state.displayName === command.displayName) return [];
  return [{ type: 'DisplayNameChanged', data: { displayName: command.displayName } }];
}

export function changeUsername(state: AccountState, command: ChangeUsername): AccountEvent[] {
  assertChangeable(state);
  if (state.username === command.username) return [];
  return [{ type: 'UsernameChanged', data: { username: command.username, previous: state.username } }];
}

/** The link goes to the new address (proving it is theirs); the old one gets a notice. */
export function requestEmailChange(state: AccountState, command: RequestEmailChange): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  if (!command.passwordMatches) throw AccountErrors.invalidCredentials();
  if (state.status !== 'active') throw AccountErrors.invalidState(state);
  // A password support disabled (suspected compromise) proves nothing, as at login.
  if (state.passwordDisabled) throw AccountErrors.passwordDisabled();
  return [{ type: 'EmailChangeRequested', data: { ...command.change, newEmail: command.newEmail, currentEmail: state.email } }];
}

export function confirmEmailChange(state: AccountState, command: ConfirmEmailChange): AccountEvent[] {
  if (!state.exists) throw AccountErrors.invalidToken();
  assertTokenValid(state.emailChange, command.tokenHash, command.now);
  if (state.status !== 'active' || !state.emailChange) throw AccountErrors.invalidState(state);
  // Requested before support disabled the password: held until the owner resets it (which voids the request).
  if (state.passwordDisabled) throw AccountErrors.passwordDisabled();
  return [{ type: 'EmailChanged', data: { email: state.emailChange.newEmail, previous: state.email } }];
}
