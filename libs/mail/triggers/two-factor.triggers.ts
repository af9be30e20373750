import type { MailTriggers } from '../mail-template';

/** The two-factor events that call for a mail: event type → template (see MAIL_TRIGGERS). */
export const TWO_FACTOR_TRIGGERS = {
  TotpEnabled: 'totp-enabled',
  TotpDisabled: 'totp-disabled',
  // Also appended at enrolment, next to TotpEnabled: the catalog then sends nothing.
  RecoveryCodesIssued: 'recovery-codes-regenerated',
} as const satisfies MailTriggers;
