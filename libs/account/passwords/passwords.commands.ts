import type { NewToken } from '../issued-token';
import type { SecondFactorCheck } from '../two-factor/two-factor.commands';
import { isOneOf, type TypeSet } from '../area-members';

export interface RequestPasswordReset {
  type: 'RequestPasswordReset';
  now: string;
  reset: NewToken;
}

export interface CompletePasswordReset {
  type: 'CompletePasswordReset';
  now: string;
  tokenHash: string;
  passwordHash: string;
  secondFactor: SecondFactorCheck;
}

export interface ChangePassword {
  type: 'ChangePassword';
  now: string;
  currentPasswordMatches: boolean;
  passwordHash: string;
  keepSessionId: string | null;
}

export interface DisablePassword {
  type: 'DisablePassword';
  now: string;
  reason: string;
}

export interface RemindPasswordAge {
  type: 'RemindPasswordAge';
  now: string;
  maxAgeDays: number;
}

export type PasswordsCommand =
  | RequestPasswordReset
  | CompletePasswordReset
  | ChangePassword
  | DisablePassword
  | RemindPasswordAge;

const PASSWORDS_COMMANDS: TypeSet<PasswordsCommand> = {
  RequestPasswordReset: true,
  CompletePasswordReset: true,
  ChangePassword: true,
  DisablePassword: true,
  RemindPasswordAge: true,
};

export const isPasswordsCommand = isOneOf<PasswordsCommand>(PASSWORDS_COMMANDS);
