import type { IssuedToken } from '../issued-token';
import { isOneOf, type EventSchemas } from '../area-members';

export interface PasswordResetRequested {
  type: 'PasswordResetRequested';
  data: IssuedToken & { email: string };
}

export interface PasswordResetCompleted {
  type: 'PasswordResetCompleted';
  data: { passwordHash: string };
}

export interface PasswordChanged {
  type: 'PasswordChanged';
  data: { passwordHash: string };
}

export interface PasswordDisabled {
  type: 'PasswordDisabled';
  data: { reason: string };
}

/** A reminder that the password is old, once per password. */
export interface PasswordAgeReminded {
  type: 'PasswordAgeReminded';
  data: { passwordChangedAt: string; ageDays: number };
}

export type PasswordsEvent =
  | PasswordResetRequested
  | PasswordResetCompleted
  | PasswordChanged
  | PasswordDisabled
  | PasswordAgeReminded;

/** Each event's current schema version and the fields the codec encrypts. */
export const PASSWORDS_EVENTS: EventSchemas<PasswordsEvent> = {
  PasswordResetRequested: { version: 1, personal: ['email'] },
  PasswordResetCompleted: { version: 2, personal: ['passwordHash'] },
  PasswordChanged: { version: 2, personal: ['passwordHash'] },
  PasswordDisabled: { version: 1, personal: ['reason'] },
  PasswordAgeReminded: { version: 1, personal: [] },
};

export const isPasswordsEvent = isOneOf<PasswordsEvent>(PASSWORDS_EVENTS);
