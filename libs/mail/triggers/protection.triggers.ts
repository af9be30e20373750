import type { MailTriggers } from '../mail-template';

/** The account-protection events that call for a mail: event type → template (see MAIL_TRIGGERS). */
export const PROTECTION_TRIGGERS = {
  // A lock by support renders the catalog's 'account-locked-by-support' variant (no link).
  AccountLocked: 'account-locked',
  OwnershipVerificationRequested: 'ownership-verification',
} as const satisfies MailTriggers;
