import type { AccountEvent } from '../account.events';
import type { AccountState } from '../account.state';
import type { ProfileCommand } from './profile.commands';
import { changeDisplayName, changeUsername, confirmEmailChange, requestEmailChange } from './profile';

export function decideProfile(state: AccountState, command: ProfileCommand): AccountEvent[] {
  switch (command.type) {
    case 'ChangeDisplayName':
      return changeDisplayName(state, command);
    case 'ChangeUsername':
      return changeUsername(state, command);
    case 'RequestEmailChange':
      return requestEmailChange(state, command);
    case 'ConfirmEmailChange':
      return confirmEmailChange(state, command);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
