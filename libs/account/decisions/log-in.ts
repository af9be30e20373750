import type { AccountEvent } from '../account.events';
import type { LogIn } from '../account.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';

/**
 * A wrong password is recorded (LoginFailed) and then refused by the handler with the same
 * `invalid_credentials` an unknown email gets. State-based refusals come only after a
 * correct password, so they never tell a stranger anything about the account.
 */
export function logIn(state: AccountState, command: LogIn): AccountEvent[] {
  if (!state.exists) throw AccountErrors.invalidCredentials();
  if (!command.passwordMatches) return [{ type: 'LoginFailed', data: { reason: 'wrong_password' } }];
  if (!state.emailVerified) throw AccountErrors.emailNotVerified();
  if (state.status !== 'active') throw AccountErrors.invalidState(state);
  return [
    { type: 'SessionStarted', data: { ...command.session } },
    { type: 'LoginSucceeded', data: { sessionId: command.session.sessionId } },
  ];
}
