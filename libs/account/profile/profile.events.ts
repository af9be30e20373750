import type { IssuedToken } from '../issued-token';
import { isOneOf, type EventSchemas } from '../area-members';

export interface DisplayNameChanged {
  type: 'DisplayNameChanged';
  data: { displayName: string };
}

export interface UsernameChanged {
  type: 'UsernameChanged';
  data: { username: string; previous: string | null };
}

export interface EmailChangeRequested {
  type: 'EmailChangeRequested';
  /** The link goes to the new address; a notice goes to the current one. */
  data: IssuedToken & { newEmail: string; currentEmail: string };
}

export interface EmailChanged {
  type: 'EmailChanged';
  data: { email: string; previous: string };
}

export type ProfileEvent =
  | DisplayNameChanged
  | UsernameChanged
  | EmailChangeRequested
  | EmailChanged;

/** Each event's current schema version and the fields the codec encrypts. */
export const PROFILE_EVENTS: EventSchemas<ProfileEvent> = {
  DisplayNameChanged: { version: 1, personal: ['displayName'] },
  UsernameChanged: { version: 1, personal: ['username', 'previous'] },
  EmailChangeRequested: { version: 1, personal: ['newEmail', 'currentEmail'] },
  EmailChanged: { version: 1, personal: ['email', 'previous'] },
};

export const isProfileEvent = isOneOf<ProfileEvent>(PROFILE_EVENTS);
