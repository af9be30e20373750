import type { AccountEvent } from '../account.events';
import type { AccountState } from '../account.state';
import type { CredentialsCommand } from './credentials.commands';
import { issueCredential, regenerateCredential, revokeCredential, touchCredential } from './credentials';

export function decideCredentials(state: AccountState, command: CredentialsCommand): AccountEvent[] {
  switch (command.type) {
    case 'IssueCredential':
      return issueCredential(state, command);
    case 'RegenerateCredential':
      return regenerateCredential(state, command);
    case 'RevokeCredential':
      return revokeCredential(state, command);
    case 'TouchCredential':
      return touchCredential(state, command);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
