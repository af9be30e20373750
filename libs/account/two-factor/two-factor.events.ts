import { isOneOf, type EventSchemas } from '../area-members';

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

export type TwoFactorEvent =
  | TotpEnrollmentStarted
  | TotpEnabled
  | TotpDisabled
  | RecoveryCodesIssued
  | RecoveryCodeUsed
  | SecondFactorChallenged
  | SecondFactorVerified
  | SecondFactorFailed;

/** Each event's current schema version and the fields the codec encrypts. */
export const TWO_FACTOR_EVENTS: EventSchemas<TwoFactorEvent> = {
  TotpEnrollmentStarted: { version: 1, personal: ['secret'] },
  TotpEnabled: { version: 1, personal: [] },
  TotpDisabled: { version: 1, personal: [] },
  RecoveryCodesIssued: { version: 1, personal: [] },
  RecoveryCodeUsed: { version: 1, personal: [] },
  SecondFactorChallenged: { version: 1, personal: [] },
  SecondFactorVerified: { version: 1, personal: [] },
  SecondFactorFailed: { version: 1, personal: [] },
};

export const isTwoFactorEvent = isOneOf<TwoFactorEvent>(TWO_FACTOR_EVENTS);
