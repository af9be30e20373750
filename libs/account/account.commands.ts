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

export interface NewChallenge {
  challengeId: string;
  tokenHash: string;
  expiresAt: string;
  maxTries: number;
}

export interface LogIn {
  type: 'LogIn';
  now: string;
  /** Computed by the handler with bcrypt, in constant time whatever the outcome. */
  passwordMatches: boolean;
  session: NewSession;
  /** Used instead of the session when the account has two-factor authentication. */
  challenge: NewChallenge;
  lockPolicy: LockPolicy;
  /** Used only if this failure locks the account: the alert's ownership link. */
  ownershipVerification: NewToken;
}

/** The second login step: answers a challenge with a TOTP code or a recovery code. */
export interface CompleteSecondFactor {
  type: 'CompleteSecondFactor';
  now: string;
  challengeTokenHash: string;
  secondFactor: SecondFactorCheck;
  session: NewSession;
  /** Second-factor failures after a correct password that lock the account. */
  lockPolicy: LockPolicy;
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
 * What the handler found out about a presented second factor, without judging it: the
 * TOTP time step the code matched (null: it matched none in the window), or the hash of a
 * recovery code. The decider judges: replays, used codes, whether one was needed at all.
 */
export type SecondFactorCheck =
  | { kind: 'not_given' }
  | { kind: 'totp'; step: number | null }
  | { kind: 'recovery_code'; codeHash: string };

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

export interface StartTotpEnrollment {
  type: 'StartTotpEnrollment';
  now: string;
  secret: string;
}

export interface ConfirmTotpEnrollment {
  type: 'ConfirmTotpEnrollment';
  now: string;
  /** The step the code matched against the pending secret, or null. */
  step: number | null;
  recoveryCodeHashes: string[];
}

export interface DisableTotp {
  type: 'DisableTotp';
  now: string;
  passwordMatches: boolean;
  secondFactor: SecondFactorCheck;
}

export interface RegenerateRecoveryCodes {
  type: 'RegenerateRecoveryCodes';
  now: string;
  passwordMatches: boolean;
  secondFactor: SecondFactorCheck;
  recoveryCodeHashes: string[];
}

export interface RequestAccountRecovery {
  type: 'RequestAccountRecovery';
  now: string;
  recovery: NewToken;
}

export interface CompleteAccountRecovery {
  type: 'CompleteAccountRecovery';
  now: string;
  tokenHash: string;
  passwordHash: string;
  recoveryCodeHash: string;
}

export interface OpenRecoveryCase {
  type: 'OpenRecoveryCase';
  now: string;
  tokenHash: string;
  caseId: string;
  statement: string;
}

export interface DecideRecoveryCase {
  type: 'DecideRecoveryCase';
  now: string;
  caseId: string;
  decision: 'approve' | 'reject';
  note: string;
  /** On approval: the password reset link mailed to the owner. */
  reset: NewToken;
}

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

export interface IssueCredential {
  type: 'IssueCredential';
  now: string;
  credentialId: string;
  label: string;
  prefix: string;
  secretHash: string;
}

export interface RegenerateCredential {
  type: 'RegenerateCredential';
  now: string;
  credentialId: string;
  prefix: string;
  secretHash: string;
}

export interface RevokeCredential {
  type: 'RevokeCredential';
  now: string;
  credentialId: string;
}

export interface TouchCredential {
  type: 'TouchCredential';
  now: string;
  credentialId: string;
  minIntervalSeconds: number;
}

export interface SuspendAccount {
  type: 'SuspendAccount';
  now: string;
  reason: string;
  policyRef: string;
}

export interface ReinstateAccount {
  type: 'ReinstateAccount';
  now: string;
  reason: string;
}

export interface SubmitAppeal {
  type: 'SubmitAppeal';
  now: string;
  appealId: string;
  message: string;
}

export interface DecideAppeal {
  type: 'DecideAppeal';
  now: string;
  appealId: string;
  decision: 'reinstate' | 'uphold';
  note: string;
}

export interface ScheduleDeletion {
  type: 'ScheduleDeletion';
  now: string;
  reason: string;
  ticketRef: string;
  graceDays: number;
}

export interface CancelDeletion {
  type: 'CancelDeletion';
  now: string;
}

/** Run by the scheduled job once the grace period is over. */
export interface ExecuteDeletion {
  type: 'ExecuteDeletion';
  now: string;
}

export interface RemindPasswordAge {
  type: 'RemindPasswordAge';
  now: string;
  maxAgeDays: number;
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
  | CompleteOwnershipVerification
  | CompleteSecondFactor
  | StartTotpEnrollment
  | ConfirmTotpEnrollment
  | DisableTotp
  | RegenerateRecoveryCodes
  | RequestAccountRecovery
  | CompleteAccountRecovery
  | OpenRecoveryCase
  | DecideRecoveryCase
  | ChangeDisplayName
  | ChangeUsername
  | RequestEmailChange
  | ConfirmEmailChange
  | IssueCredential
  | RegenerateCredential
  | RevokeCredential
  | TouchCredential
  | SuspendAccount
  | ReinstateAccount
  | SubmitAppeal
  | DecideAppeal
  | ScheduleDeletion
  | CancelDeletion
  | ExecuteDeletion
  | RemindPasswordAge;
