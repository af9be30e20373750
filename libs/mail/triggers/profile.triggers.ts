import type { MailTriggers } from '../mail-template';

/**
 * The profile events that call for a mail: event type → template (see MAIL_TRIGGERS).
 * EmailChangeRequested also calls for a notice to the current address (SECOND_MAILS).
 */
export const PROFILE_TRIGGERS = {
  EmailChangeRequested: 'email-change-confirm',
} as const satisfies MailTriggers;
