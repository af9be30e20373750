import type { AccountEvent } from '../account.events';
import type { AccountState } from '../account.state';
import type { PasswordsCommand } from './passwords.commands';
import { changePassword, disablePassword } from './password';
import { remindPasswordAge } from './password-age';
import { completePasswordReset, requestPasswordReset } from './password-reset';

export function decidePasswords(state: AccountState, command: PasswordsCommand): AccountEvent[] {
  switch (command.type) {
    case 'RequestPasswordReset':
      return requestPasswordReset(state, command);
    case 'CompletePasswordReset':
      return completePasswordReset(state, command);
    case 'ChangePassword':
      return changePassword(state, command);
    case 'DisablePassword':
      return disablePassword(state, command);
    case 'RemindPasswordAge':
      return remindPasswordAge(state, command);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
