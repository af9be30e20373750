import type { NewToken } from '../issued-token';
import type { Origin } from '../sign-in/sign-in.events';
import { isOneOf, type TypeSet } from '../area-members';

export interface RegisterAccount {
  type: 'RegisterAccount';
  now: string;
  accountId: string;
  email: string;
  username: string | null;
  displayName: string;
  passwordHash: string;
  origin: Origin | null;
  verification: NewToken;
}

export interface ResendEmailVerification {
  type: 'ResendEmailVerification';
  now: string;
  verification: NewToken;
  limits: { perMinute: number; perDay: number };
}

export interface ConfirmEmail {
  type: 'ConfirmEmail';
  now: string;
  tokenHash: string;
}

export type RegistrationCommand =
  | RegisterAccount
  | ResendEmailVerification
  | ConfirmEmail;

const REGISTRATION_COMMANDS: TypeSet<RegistrationCommand> = {
  RegisterAccount: true,
  ResendEmailVerification: true,
  ConfirmEmail: true,
};

export const isRegistrationCommand = isOneOf<RegistrationCommand>(REGISTRATION_COMMANDS);
