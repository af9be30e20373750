import type { IssuedToken } from '../issued-token';
import type { Origin } from '../sign-in/sign-in.events';
import { isOneOf, type EventSchemas } from '../area-members';

export interface AccountRegistered {
  type: 'AccountRegistered';
  data: {
    accountId: string;
    email: string;
    username: string | null;
    displayName: string;
    passwordHash: string;
    /** The registering client counts as a known device and network. */
    origin: Origin | null;
  };
}

export interface EmailVerificationRequested {
  type: 'EmailVerificationRequested';
  data: IssuedToken & { email: string };
}

export interface EmailVerified {
  type: 'EmailVerified';
  data: { email: string };
}

export type RegistrationEvent =
  | AccountRegistered
  | EmailVerificationRequested
  | EmailVerified;

/** Each event's current schema version and the fields the codec encrypts. */
export const REGISTRATION_EVENTS: EventSchemas<RegistrationEvent> = {
  AccountRegistered: { version: 2, personal: ['email', 'username', 'displayName', 'origin', 'passwordHash'] },
  EmailVerificationRequested: { version: 1, personal: ['email'] },
  EmailVerified: { version: 1, personal: ['email'] },
};

export const isRegistrationEvent = isOneOf<RegistrationEvent>(REGISTRATION_EVENTS);
