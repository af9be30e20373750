/**
 * The facts of an account's life, past tense. `data` holds plain values here; personal
 * fields (listed in PERSONAL_FIELDS) are encrypted with the account's data key by the
 * event codec before they reach the store, and read back as "[erased]" once the key is gone.
 * Secrets never appear: only hashes (`passwordHash`, `tokenHash`). The password hash is
 * personal data too (a bcrypt hash outliving its account is an offline-cracking target):
 * encrypted like the other personal fields since schema v2 of the events that carry it.
 */

export type SessionEndReason =
  | 'logout'
  | 'revoked_by_owner'
  | 'revoked_by_support'
  | 'signed_out_elsewhere'
  | 'password_reset'
  | 'password_changed'
  | 'password_disabled'
  | 'account_locked'
  | 'account_suspended'
  | 'account_deleted';

export type LockReason = 'unusual_activity' | 'manual';

/** A mailed, single-use token: the event keeps its id (to rebuild the link) and hash. */
export interface IssuedToken {
  tokenId: string;
  tokenHash: string;
  expiresAt: string;
}

/** Where a sign-in came from, coarsely: the device and the approximate network. */
export interface Origin {
  /** The client's device id, or its user agent when it sends none. */
  device: string;
  /** The /24 (IPv4) or /48 (IPv6) network of the address. */
  network: string;
}

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

export interface LoginFailed {
  type: 'LoginFailed';
  data: { reason: 'wrong_password' };
}

export interface LoginSucceeded {
  type: 'LoginSucceeded';
  data: { sessionId: string };
}

export interface NewDeviceDetected {
  type: 'NewDeviceDetected';
  data: { sessionId: string; newDevice: boolean; newNetwork: boolean; origin: Origin };
}

export interface SessionStarted {
  type: 'SessionStarted';
  data: { sessionId: string; tokenHash: string; expiresAt: string; idleTimeoutSeconds: number; origin: Origin | null };
}

/** The session was used (introspected); recorded at most every few minutes per session. */
export interface SessionSeen {
  type: 'SessionSeen';
  data: { sessionId: string };
}

export interface SessionRevoked {
  type: 'SessionRevoked';
  data: { sessionId: string; reason: SessionEndReason };
}

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

export interface AccountLocked {
  type: 'AccountLocked';
  /** With an unusual-activity lock, the alert mail carries an ownership-verification link. */
  data: { reason: LockReason; note: string | null; ownershipVerification: IssuedToken | null };
}

export interface OwnershipVerificationRequested {
  type: 'OwnershipVerificationRequested';
  data: IssuedToken & { email: string };
}

export interface OwnershipVerified {
  type: 'OwnershipVerified';
  data: { method: 'ownership_link' | 'password_reset' };
}

export interface AccountUnlocked {
  type: 'AccountUnlocked';
  data: { reason: string };
}

/** How a second factor was proven: which TOTP time step, or which recovery code (by hash). */
export type SecondFactorProof = { method: 'totp'; step: number } | { method: 'recovery_code'; codeHash: string };

export interface TotpEnrollmentStarted {
  type: 'TotpEnrollmentStarted';
  /** The shared secret (base32), encrypted with the account's data key like personal data. */
  data: { secret: string };
}

export interface TotpEnabled {
  type: 'TotpEnabled';
  data: { step: number };
}

export interface TotpDisabled {
  type: 'TotpDisabled';
  data: { reason: 'owner' | 'account_recovery' | 'recovery_case_approved' };
}

export interface RecoveryCodesIssued {
  type: 'RecoveryCodesIssued';
  /** SHA-256 of each single-use code; the codes themselves are shown once and never stored. */
  data: { codeHashes: string[] };
}

export interface RecoveryCodeUsed {
  type: 'RecoveryCodeUsed';
  data: { codeHash: string };
}

/** A correct password on a 2FA account: a challenge the second step must answer. */
export interface SecondFactorChallenged {
  type: 'SecondFactorChallenged';
  data: { challengeId: string; tokenHash: string; expiresAt: string; maxTries: number };
}

/** A second factor was accepted (its TOTP step is remembered so the code cannot be replayed). */
export interface SecondFactorVerified {
  type: 'SecondFactorVerified';
  data: { purpose: 'login' | 'password_reset' | 'ownership' | 'disable_totp' | 'recovery_codes'; proof: SecondFactorProof };
}

export interface SecondFactorFailed {
  type: 'SecondFactorFailed';
  data: { challengeId: string | null; reason: 'wrong_code' | 'replayed_code' | 'used_recovery_code' };
}

export interface AccountRecoveryRequested {
  type: 'AccountRecoveryRequested';
  data: IssuedToken & { email: string };
}

export interface RecoveryCaseOpened {
  type: 'RecoveryCaseOpened';
  data: { caseId: string; statement: string };
}

export interface RecoveryCaseDecided {
  type: 'RecoveryCaseDecided';
  data: { caseId: string; decision: 'approve' | 'reject'; note: string };
}

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

export interface CredentialIssued {
  type: 'CredentialIssued';
  /** An integration API credential: only the secret's hash and its visible prefix are kept. */
  data: { credentialId: string; label: string; prefix: string; secretHash: string };
}

export interface CredentialRegenerated {
  type: 'CredentialRegenerated';
  data: { credentialId: string; prefix: string; secretHash: string };
}

export interface CredentialRevoked {
  type: 'CredentialRevoked';
  data: { credentialId: string; reason: 'owner' | 'account_deleted' };
}

/** The credential was used (introspected); recorded at most every few minutes. */
export interface CredentialUsed {
  type: 'CredentialUsed';
  data: { credentialId: string };
}

export interface AccountSuspended {
  type: 'AccountSuspended';
  data: { reason: string; policyRef: string };
}

export interface AccountReinstated {
  type: 'AccountReinstated';
  data: { reason: string };
}

export interface AppealSubmitted {
  type: 'AppealSubmitted';
  data: { appealId: string; message: string };
}

export interface AppealDecided {
  type: 'AppealDecided';
  data: { appealId: string; decision: 'reinstate' | 'uphold'; note: string };
}

export interface AccountDeletionScheduled {
  type: 'AccountDeletionScheduled';
  data: { reason: string; ticketRef: string; graceDays: number; executeAt: string; previousStatus: string };
}

export interface AccountDeletionCancelled {
  type: 'AccountDeletionCancelled';
  data: { restoredStatus: string };
}

/** The end: the email and username are released and the data key is destroyed right after. */
export interface AccountDeleted {
  type: 'AccountDeleted';
  data: { email: string; username: string | null };
}

/** A reminder that the password is old, once per password. */
export interface PasswordAgeReminded {
  type: 'PasswordAgeReminded';
  data: { passwordChangedAt: string; ageDays: number };
}

export type AccountEvent =
  | AccountRegistered
  | EmailVerificationRequested
  | EmailVerified
  | LoginFailed
  | LoginSucceeded
  | NewDeviceDetected
  | SessionStarted
  | SessionSeen
  | SessionRevoked
  | PasswordResetRequested
  | PasswordResetCompleted
  | PasswordChanged
  | PasswordDisabled
  | AccountLocked
  | OwnershipVerificationRequested
  | OwnershipVerified
  | AccountUnlocked
  | TotpEnrollmentStarted
  | TotpEnabled
  | TotpDisabled
  | RecoveryCodesIssued
  | RecoveryCodeUsed
  | SecondFactorChallenged
  | SecondFactorVerified
  | SecondFactorFailed
  | AccountRecoveryRequested
  | RecoveryCaseOpened
  | RecoveryCaseDecided
  | DisplayNameChanged
  | UsernameChanged
  | EmailChangeRequested
  | EmailChanged
  | CredentialIssued
  | CredentialRegenerated
  | CredentialRevoked
  | CredentialUsed
  | AccountSuspended
  | AccountReinstated
  | AppealSubmitted
  | AppealDecided
  | AccountDeletionScheduled
  | AccountDeletionCancelled
  | AccountDeleted
  | PasswordAgeReminded;

export type AccountEventType = AccountEvent['type'];

/** Current schema version of each event type; older versions are upcast when read. */
export const SCHEMA_VERSIONS: Record<AccountEventType, number> = {
  AccountRegistered: 2,
  EmailVerificationRequested: 1,
  EmailVerified: 1,
  LoginFailed: 1,
  LoginSucceeded: 1,
  NewDeviceDetected: 1,
  SessionStarted: 1,
  SessionSeen: 1,
  SessionRevoked: 1,
  PasswordResetRequested: 1,
  PasswordResetCompleted: 2,
  PasswordChanged: 2,
  PasswordDisabled: 1,
  AccountLocked: 1,
  OwnershipVerificationRequested: 1,
  OwnershipVerified: 1,
  AccountUnlocked: 1,
  TotpEnrollmentStarted: 1,
  TotpEnabled: 1,
  TotpDisabled: 1,
  RecoveryCodesIssued: 1,
  RecoveryCodeUsed: 1,
  SecondFactorChallenged: 1,
  SecondFactorVerified: 1,
  SecondFactorFailed: 1,
  AccountRecoveryRequested: 1,
  RecoveryCaseOpened: 1,
  RecoveryCaseDecided: 1,
  DisplayNameChanged: 1,
  UsernameChanged: 1,
  EmailChangeRequested: 1,
  EmailChanged: 1,
  CredentialIssued: 1,
  CredentialRegenerated: 1,
  CredentialRevoked: 1,
  CredentialUsed: 1,
  AccountSuspended: 1,
  AccountReinstated: 1,
  AppealSubmitted: 1,
  AppealDecided: 1,
  AccountDeletionScheduled: 1,
  AccountDeletionCancelled: 1,
  AccountDeleted: 1,
  PasswordAgeReminded: 1,
};

/**
 * Fields of `data` that identify a person; the codec encrypts them (crypto-shredding).
 * Objects (an `origin`) are encrypted whole, as their JSON.
 */
export const PERSONAL_FIELDS: Record<AccountEventType, readonly string[]> = {
  AccountRegistered: ['email', 'username', 'displayName', 'origin', 'passwordHash'],
  EmailVerificationRequested: ['email'],
  EmailVerified: ['email'],
  LoginFailed: [],
  LoginSucceeded: [],
  NewDeviceDetected: ['origin'],
  SessionStarted: ['origin'],
  SessionSeen: [],
  SessionRevoked: [],
  PasswordResetRequested: ['email'],
  PasswordResetCompleted: ['passwordHash'],
  PasswordChanged: ['passwordHash'],
  PasswordDisabled: ['reason'],
  AccountLocked: ['note'],
  OwnershipVerificationRequested: ['email'],
  OwnershipVerified: [],
  AccountUnlocked: ['reason'],
  TotpEnrollmentStarted: ['secret'],
  TotpEnabled: [],
  TotpDisabled: [],
  RecoveryCodesIssued: [],
  RecoveryCodeUsed: [],
  SecondFactorChallenged: [],
  SecondFactorVerified: [],
  SecondFactorFailed: [],
  AccountRecoveryRequested: ['email'],
  RecoveryCaseOpened: ['statement'],
  RecoveryCaseDecided: ['note'],
  DisplayNameChanged: ['displayName'],
  UsernameChanged: ['username', 'previous'],
  EmailChangeRequested: ['newEmail', 'currentEmail'],
  EmailChanged: ['email', 'previous'],
  CredentialIssued: ['label'],
  CredentialRegenerated: [],
  CredentialRevoked: [],
  CredentialUsed: [],
  AccountSuspended: ['reason'],
  AccountReinstated: ['reason'],
  AppealSubmitted: ['message'],
  AppealDecided: ['note'],
  AccountDeletionScheduled: ['reason'],
  AccountDeletionCancelled: [],
  AccountDeleted: ['email', 'username'],
  PasswordAgeReminded: [],
};

export const ACCOUNT_EVENT_TYPES = Object.keys(SCHEMA_VERSIONS) as AccountEventType[];

export function isAccountEventType(type: string): type is AccountEventType {
  return Object.prototype.hasOwnProperty.call(SCHEMA_VERSIONS, type);
}
