import type { AccountCommand } from './account.commands';
import type { AccountEvent } from './account.events';
import { evolve, initialState, type AccountState, type EventContext } from './account.state';
import { confirmEmail } from './decisions/confirm-email';
import { endSession } from './decisions/end-session';
import { logIn } from './decisions/log-in';
import { registerAccount } from './decisions/register-account';
import { resendEmailVerification } from './decisions/resend-email-verification';

/** decide(command, state) → events; refusals are thrown as DomainErrors. */
export function decide(command: AccountCommand, state: AccountState): AccountEvent[] {
  switch (command.type) {
    case 'RegisterAccount':
      return registerAccount(state, command);
    case 'ResendEmailVerification':
      return resendEmailVerification(state, command);
    case 'ConfirmEmail':
      return confirmEmail(state, command);
    case 'LogIn':
      return logIn(state, command);
    case 'EndSession':
      return endSession(state, command);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

export interface AccountDecider {
  decide: typeof decide;
  evolve: (state: AccountState, event: AccountEvent, context: EventContext) => AccountState;
  initialState: () => AccountState;
}

export const accountDecider: AccountDecider = { decide, evolve, initialState };
