import type { AccountEvent } from '../account.events';
import type { ConfirmEmail } from '../account.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { sameDigest } from '../secret-compare';

/** Unknown, used and expired tokens are refused alike. */
export function confirmEmail(state: AccountState, command: ConfirmEmail): AccountEvent[] {
  const pending = state.emailVerification;
  if (!state.exists || !pending) throw AccountErrors.invalidToken();
  if (!sameDigest(pending.tokenHash, command.tokenHash)) throw AccountErrors.invalidToken();
  if (Date.parse(command.now) >= Date.parse(pending.expiresAt)) throw AccountErrors.invalidToken();
  return [{ type: 'EmailVerified', data: { email: state.email } }];
}
