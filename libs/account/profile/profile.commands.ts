import type { NewToken } from '../issued-token';
import { isOneOf, type TypeSet } from '../area-members';

export interface ChangeDisplayName {
  type: 'ChangeDisplayName';
  now: string;
  displayName: string;
}

/** The handler has already claimed the new username in its reservation stream. */
export interface ChangeUsername {
  type: 'ChangeUsername';
  now: string;
  username: string;
}

export interface RequestEmailChange {
  type: 'RequestEmailChange';
  now: string;
  passwordMatches: boolean;
  newEmail: string;
  change: NewToken;
}

/** The handler has already claimed the new address in its reservation stream. */
export interface ConfirmEmailChange {
  type: 'ConfirmEmailChange';
  now: string;
  tokenHash: string;
}

export type ProfileCommand =
  | ChangeDisplayName
  | ChangeUsername
  | RequestEmailChange
  | ConfirmEmailChange;

const PROFILE_COMMANDS: TypeSet<ProfileCommand> = {
  ChangeDisplayName: true,
  ChangeUsername: true,
  RequestEmailChange: true,
  ConfirmEmailChange: true,
};

export const isProfileCommand = isOneOf<ProfileCommand>(PROFILE_COMMANDS);
