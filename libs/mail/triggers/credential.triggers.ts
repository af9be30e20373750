import type { MailTriggers } from '../mail-template';

/** The credential events that call for a mail: event type → template (see MAIL_TRIGGERS). */
export const CREDENTIAL_TRIGGERS = {
  CredentialRegenerated: 'credential-regenerated',
  // Scheduled by the worker's password-age job; the decider appends it once per password.
  PasswordAgeReminded: 'password-age-reminder',
} as const satisfies MailTriggers;
