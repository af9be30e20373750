import type { AccountCommand } from './account.commands';
import type { AccountEvent } from './account.events';
import { evolve, initialState, type AccountState, type EventContext } from './account.state';
import {
  completeAccountRecovery,
  decideRecoveryCase,
  openRecoveryCase,
  requestAccountRecovery,
} from './decisions/account-recovery';
import { completeSecondFactor } from './decisions/complete-second-factor';
import { confirmEmail } from './decisions/confirm-email';
import { endAllSessions, endOtherSessions, endSession, touchSession } from './decisions/end-session';
import { lockAccount, unlockAccount } from './decisions/lock';
import { logIn } from './decisions/log-in';
import { completeOwnershipVerification, requestOwnershipVerification } from './decisions/ownership';
import { changePassword, disablePassword } from './decisions/password';
import { completePasswordReset, requestPasswordReset } from './decisions/password-reset';
import { registerAccount } from './decisions/register-account';
import { resendEmailVerification } from './decisions/resend-email-verification';
import { confirmTotpEnrollment, disableTotp, regenerateRecoveryCodes, startTotpEnrollment } from './decisions/totp';

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
    case 'EndOtherSessions':
      return endOtherSessions(state, command);
    case 'EndAllSessions':
      return endAllSessions(state, command);
    case 'TouchSession':
      return touchSession(state, command);
    case 'RequestPasswordReset':
      return requestPasswordReset(state, command);
    case 'CompletePasswordReset':
      return completePasswordReset(state, command);
    case 'ChangePassword':
      return changePassword(state, command);
    case 'DisablePassword':
      return disablePassword(state, command);
    case 'LockAccount':
      return lockAccount(state, command);
    case 'UnlockAccount':
      return unlockAccount(state, command);
    case 'RequestOwnershipVerification':
      return requestOwnershipVerification(state, command);
    case 'CompleteOwnershipVerification':
      return completeOwnershipVerification(state, command);
    case 'CompleteSecondFactor':
      return completeSecondFactor(state, command);
    case 'StartTotpEnrollment':
      return startTotpEnrollment(state, command);
    case 'ConfirmTotpEnrollment':
      return confirmTotpEnrollment(state, command);
    case 'DisableTotp':
      return disableTotp(state, command);
    case 'RegenerateRecoveryCodes':
      return regenerateRecoveryCodes(state, command);
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

export interface AccountDecider {
  decide: typeof decide;
  evolve: (state: AccountState, event: AccountEvent, context: EventContext) => AccountState;
  initialState: () => AccountState;
}

export const accountDecider: AccountDecider = { decide, evolve, initialState };
