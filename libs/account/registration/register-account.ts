import type { AccountEvent } from '../account.events';
import type { RegisterAccount } from './registration.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';

export function registerAccount(state: AccountState, command: RegisterAccount): AccountEvent[] {
  if (state.exists) throw AccountErrors.alreadyExists();
  return [
    {
      type: 'AccountRegistered',
      data: {
        accountId: command.accountId,
        email: command.email,
        username: command.username,
        displayName: command.displayName,
        passwordHash: command.passwordHash,
        origin: command.origin,
      },
    },
    { type: 'EmailVerificationRequested', data: { ...command.verification, email: command.email } },
  ];
}
