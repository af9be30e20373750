import type { AccountEvent } from '../account.events';
import type { ConfirmEmail } from './registration.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { assertTokenValid } from '../issued-token';

export function confirmEmail(state: AccountState, command: ConfirmEmail): AccountEvent[] {
  if (!state.exists) throw AccountErrors.invalidToken();
  assertTokenValid(state.emailVerification, command.tokenHash, command.now);
  return [{ type: 'EmailVerified', data: { email: state.email } }];
}
