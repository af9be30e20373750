import type { IssuedToken, Origin } from './account.events';

/**
 * Commands carry everything a decision needs, already computed by the handler: the time,
 * fresh ids, hashes of new secrets, the result of the password check. That keeps the
 * deciders pure and deterministic.
 */

export type NewToken = IssuedToken;

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

export interface NewSession {
  sessionId: string;
  tokenHash: string;
  expiresAt: string;
  idleTimeoutSeconds: number;
  origin: Origin | null;
}

export interface LockPolicy {
  /** Password failures within the window that lock the account. */
  threshold: number;
  windowSeconds: number;
}

export interface LogIn {
  type: 'LogIn';
  now: string;
  /** Computed by the handler with bcrypt, in constant time whatever the outcome. */
  passwordMatches: boolean;
  session: NewSession;
  lockPolicy: LockPolicy;
  /** Used only if this failure locks the account: the alert's ownership link. */
  ownershipVerification: NewToken;
}

export interface EndSession {
  type: 'EndSession';
  now: string;
  sessionId: string;
  reason: 'logout' | 'revoked_by_owner' | 'revoked_by_support';
}

export interface EndOtherSessions {
  type: 'EndOtherSessions';
  now: string;
  keepSessionId: string;
}

export interface EndAllSessions {
  type: 'EndAllSessions';
  now: string;
}

export interface TouchSession {
  type: 'TouchSession';
  now: string;
  sessionId: string;
  /** lastSeenAt is recorded at most this often, to keep streams short. */
  minIntervalSeconds: number;
}

export interface RequestPasswordReset {
  type: 'RequestPasswordReset';
  now: string;
  reset: NewToken;
}

/**
 * The second factor a flow may ask for once 2FA exists: `not_given` when the caller sent
 * no code, otherwise whether the code was valid. Until TOTP is enrolled it is never needed.
 */
export type SecondFactorCheck = 'not_given' | 'valid' | 'invalid';

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

export interface LockAccount {
  type: 'LockAccount';
  now: string;
  note: string;
}

export interface UnlockAccount {
  type: 'UnlockAccount';
  now: string;
  reason: string;
}

export interface RequestOwnershipVerification {
  type: 'RequestOwnershipVerification';
  now: string;
  verification: NewToken;
}

export interface CompleteOwnershipVerification {
  type: 'CompleteOwnershipVerification';
  now: string;
  tokenHash: string;
  secondFactor: SecondFactorCheck;
}

export type AccountCommand =
  | RegisterAccount
  | ResendEmailVerification
  | ConfirmEmail
  | LogIn
  | EndSession
  | EndOtherSessions
  | EndAllSessions
  | TouchSession
  | RequestPasswordReset
  | CompletePasswordReset
  | ChangePassword
  | DisablePassword
  | LockAccount
  | UnlockAccount
  | RequestOwnershipVerification
  | CompleteOwnershipVerification;
