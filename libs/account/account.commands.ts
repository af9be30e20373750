/**
 * Commands carry everything a decision needs, already computed by the handler: the time,
 * fresh ids, hashes of new secrets, the result of the password check. That keeps the
 * deciders pure and deterministic.
 */

export interface NewToken {
  tokenId: string;
  tokenHash: string;
  expiresAt: string;
}

export interface RegisterAccount {
  type: 'RegisterAccount';
  now: string;
  accountId: string;
  email: string;
  username: string | null;
  displayName: string;
  passwordHash: string;
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

export interface NewSession {
  sessionId: string;
  tokenHash: string;
  expiresAt: string;
  idleTimeoutSeconds: number;
}

export interface LogIn {
  type: 'LogIn';
  now: string;
  /** Computed by the handler with bcrypt, in constant time whatever the outcome. */
  passwordMatches: boolean;
  session: NewSession;
}

export interface EndSession {
  type: 'EndSession';
  now: string;
  sessionId: string;
  reason: 'logout' | 'revoked' | 'revoked_by_owner';
}

export type AccountCommand = RegisterAccount | ResendEmailVerification | ConfirmEmail | LogIn | EndSession;
