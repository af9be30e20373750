import type { MailTriggers } from '../mail-template';

/** The registration events that call for a mail: event type → template (see MAIL_TRIGGERS). */
export const REGISTRATION_TRIGGERS = {
  EmailVerificationRequested: 'verify-email',
} as const satisfies MailTriggers;
