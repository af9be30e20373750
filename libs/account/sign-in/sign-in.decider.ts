import type { AccountEvent } from '../account.events';
import type { AccountState } from '../account.state';
import type { SignInCommand } from './sign-in.commands';
import { completeSecondFactor } from './complete-second-factor';
import { endAllSessions, endOtherSessions, endSession, touchSession } from './end-session';
import { logIn } from './log-in';

export function decideSignIn(state: AccountState, command: SignInCommand): AccountEvent[] {
  switch (command.type) {
    case 'LogIn':
      return logIn(state, command);
    case 'CompleteSecondFactor':
      return completeSecondFactor(state, command);
    case 'EndSession':
      return endSession(state, command);
    case 'EndOtherSessions':
      return endOtherSessions(state, command);
    case 'EndAllSessions':
      return endAllSessions(state, command);
    case 'TouchSession':
      return touchSession(state, command);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
