import type { MailTriggers } from '../mail-template';

/** The credential events that call for a mail: event type → template (see MAIL_TRIGGERS). */
export const CREDENTIALS_TRIGGERS = {
  CredentialRegenerated: 'credential-regenerated',
} as const satisfies MailTriggers;
