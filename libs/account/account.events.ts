/**
 * The facts of an account's life, past tense. `data` holds plain values here; personal
 * fields (listed in PERSONAL_FIELDS) are encrypted with the account's data key by the
 * event codec before they reach the store, and read back as "[erased]" once the key is gone.
 * Secrets never appear: only hashes (`passwordHash`, `tokenHash`).
 */

export type SessionEndReason = 'logout' | 'revoked' | 'revoked_by_owner' | 'expired';

export interface AccountRegistered {
  type: 'AccountRegistered';
  data: {
    accountId: string;
    email: string;
    username: string | null;
    displayName: string;
    passwordHash: string;
  };
}

export interface EmailVerificationRequested {
  type: 'EmailVerificationRequested';
  /** tokenId lets the mail worker re-derive the link's token; only its hash is compared. */
  data: { tokenId: string; tokenHash: string; expiresAt: string; email: string };
}

export interface EmailVerified {
  type: 'EmailVerified';
  data: { email: string };
}

export interface LoginFailed {
  type: 'LoginFailed';
  data: { reason: 'wrong_password' };
}

export interface LoginSucceeded {
  type: 'LoginSucceeded';
  data: { sessionId: string };
}

export interface SessionStarted {
  type: 'SessionStarted';
  data: { sessionId: string; tokenHash: string; expiresAt: string; idleTimeoutSeconds: number };
}

export interface SessionRevoked {
  type: 'SessionRevoked';
  data: { sessionId: string; reason: SessionEndReason };
}

export type AccountEvent =
  | AccountRegistered
  | EmailVerificationRequested
  | EmailVerified
  | LoginFailed
  | LoginSucceeded
  | SessionStarted
  | SessionRevoked;

export type AccountEventType = AccountEvent['type'];

/** Current schema version of each event type; older versions are upcast when read. */
export const SCHEMA_VERSIONS: Record<AccountEventType, number> = {
  AccountRegistered: 1,
  EmailVerificationRequested: 1,
  EmailVerified: 1,
  LoginFailed: 1,
  LoginSucceeded: 1,
  SessionStarted: 1,
  SessionRevoked: 1,
};

/** Fields of `data` that identify a person; the codec encrypts them (crypto-shredding). */
export const PERSONAL_FIELDS: Record<AccountEventType, readonly string[]> = {
  AccountRegistered: ['email', 'username', 'displayName'],
  EmailVerificationRequested: ['email'],
  EmailVerified: ['email'],
  LoginFailed: [],
  LoginSucceeded: [],
  SessionStarted: [],
  SessionRevoked: [],
};

export const ACCOUNT_EVENT_TYPES = Object.keys(SCHEMA_VERSIONS) as AccountEventType[];

export function isAccountEventType(type: string): type is AccountEventType {
  return Object.prototype.hasOwnProperty.call(SCHEMA_VERSIONS, type);
}
