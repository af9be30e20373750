import type { AccountEvent } from '../account.events';
import type { AccountState } from '../account.state';
import type { LifecycleCommand } from './lifecycle.commands';
import { cancelDeletion, executeDeletion, scheduleDeletion } from './deletion';
import { decideAppeal, reinstateAccount, submitAppeal, suspendAccount } from './suspension';

export function decideLifecycle(state: AccountState, command: LifecycleCommand): AccountEvent[] {
  switch (command.type) {
    case 'SuspendAccount':
      return suspendAccount(state, command);
    case 'ReinstateAccount':
      return reinstateAccount(state, command);
    case 'SubmitAppeal':
      return submitAppeal(state, command);
    case 'DecideAppeal':
      return decideAppeal(state, command);
    case 'ScheduleDeletion':
      return scheduleDeletion(state, command);
    case 'CancelDeletion':
      return cancelDeletion(state, command);
    case 'ExecuteDeletion':
      return executeDeletion(state, command);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
