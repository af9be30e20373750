import type { AccountEvent } from '../account.events';
import type { AccountState } from '../account.state';
import type { RegistrationCommand } from './registration.commands';
import { confirmEmail } from './confirm-email';
import { registerAccount } from './register-account';
import { resendEmailVerification } from './resend-email-verification';

export function decideRegistration(state: AccountState, command: RegistrationCommand): AccountEvent[] {
  switch (command.type) {
    case 'RegisterAccount':
      return registerAccount(state, command);
    case 'ResendEmailVerification':
      return resendEmailVerification(state, command);
    case 'ConfirmEmail':
      return confirmEmail(state, command);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
