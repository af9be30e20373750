import type { AccountEvent } from '../account.events';
import type { AccountState } from '../account.state';
import type { ProtectionCommand } from './protection.commands';
import { lockAccount, unlockAccount } from './lock';
import { completeOwnershipVerification, requestOwnershipVerification } from './ownership';

export function decideProtection(state: AccountState, command: ProtectionCommand): AccountEvent[] {
  switch (command.type) {
    case 'LockAccount':
      return lockAccount(state, command);
    case 'UnlockAccount':
      return unlockAccount(state, command);
    case 'RequestOwnershipVerification':
      return requestOwnershipVerification(state, command);
    case 'CompleteOwnershipVerification':
      return completeOwnershipVerification(state, command);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
