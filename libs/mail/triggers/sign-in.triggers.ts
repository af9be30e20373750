import type { MailTriggers } from '../mail-template';

/** The sign-in events that call for a mail: event type → template (see MAIL_TRIGGERS). */
export const SIGN_IN_TRIGGERS = {
  NewDeviceDetected: 'new-sign-in',
} as const satisfies MailTriggers;
