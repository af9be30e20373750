import type { AccountEvent } from '../account.events';
import type { AccountState } from '../account.state';
import type { TwoFactorCommand } from './two-factor.commands';
import { confirmTotpEnrollment, disableTotp, regenerateRecoveryCodes, startTotpEnrollment } from './totp';

export function decideTwoFactor(state: AccountState, command: TwoFactorCommand): AccountEvent[] {
  switch (command.type) {
    case 'StartTotpEnrollment':
      return startTotpEnrollment(state, command);
    case 'ConfirmTotpEnrollment':
      return confirmTotpEnrollment(state, command);
    case 'DisableTotp':
      return disableTotp(state, command);
    case 'RegenerateRecoveryCodes':
      return regenerateRecoveryCodes(state, command);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
