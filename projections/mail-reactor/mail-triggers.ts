/** Which events call for a mail, and which template renders it (contract §6). */
export const MAIL_TRIGGERS: Record<string, string> = {
  EmailVerificationRequested: 'verify-email',
  PasswordResetRequested: 'password-reset',
  PasswordResetCompleted: 'password-changed',
  PasswordChanged: 'password-changed',
  NewDeviceDetected: 'new-sign-in',
  // A lock by support renders the catalog's 'account-locked-by-support' variant (no link).
  AccountLocked: 'account-locked',
  OwnershipVerificationRequested: 'ownership-verification',
  PasswordDisabled: 'password-disabled',
  TotpEnabled: 'totp-enabled',
  TotpDisabled: 'totp-disabled',
  // Also appended at enrolment, next to TotpEnabled: the catalog then sends nothing.
  RecoveryCodesIssued: 'recovery-codes-regenerated',
  AccountRecoveryRequested: 'account-recovery',
  RecoveryCaseOpened: 'recovery-case-opened',
  // A rejection renders the catalog's 'recovery-case-rejected' variant.
  RecoveryCaseDecided: 'recovery-case-decided',
};

export const MAIL_QUEUE = 'mail';

/** A mail job names its triggering event only: no address or name waits in the queue. */
export interface MailJob {
  streamId: string;
  revision: number;
  template: string;
}
