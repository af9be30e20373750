import type { AccountEvent } from '../account.events';
import type { AccountState } from '../account.state';
import type { RecoveryCommand } from './recovery.commands';
import { completeAccountRecovery, decideRecoveryCase, openRecoveryCase, requestAccountRecovery } from './account-recovery';

export function decideRecovery(state: AccountState, command: RecoveryCommand): AccountEvent[] {
  switch (command.type) {
    case 'RequestAccountRecovery':
      return requestAccountRecovery(state, command);
    case 'CompleteAccountRecovery':
      return completeAccountRecovery(state, command);
    case 'OpenRecoveryCase':
      return openRecoveryCase(state, command);
    case 'DecideRecoveryCase':
      return decideRecoveryCase(state, command);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
