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
import { issueCredential, regenerateCredential, revokeCredential, touchCredential } from './decisions/credentials';
import { cancelDeletion, executeDeletion, remindPasswordAge, scheduleDeletion } from './decisions/deletion';
import { changeDisplayName, changeUsername, confirmEmailChange, requestEmailChange } from './decisions/profile';
import { decideAppeal, reinstateAccount, submitAppeal, suspendAccount } from './decisions/suspension';
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
    case 'ChangeDisplayName':
      return changeDisplayName(state, command);
    case 'ChangeUsername':
      return changeUsername(state, command);
    case 'RequestEmailChange':
      return requestEmailChange(state, command);
    case 'ConfirmEmailChange':
      return confirmEmailChange(state, command);
    case 'IssueCredential':
      return issueCredential(state, command);
    case 'RegenerateCredential':
      return regenerateCredential(state, command);
    case 'RevokeCredential':
      return revokeCredential(state, command);
    case 'TouchCredential':
      return touchCredential(state, command);
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
    case 'RemindPasswordAge':
      return remindPasswordAge(state, command);
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
