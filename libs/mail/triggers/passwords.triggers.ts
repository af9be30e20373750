import type { MailTriggers } from '../mail-template';

/** The password events that call for a mail: event type → template (see MAIL_TRIGGERS). */
export const PASSWORD_TRIGGERS = {
  PasswordResetRequested: 'password-reset',
  PasswordResetCompleted: 'password-changed',
  PasswordChanged: 'password-changed',
  PasswordDisabled: 'password-disabled',
  // Scheduled by the worker's password-age job; the decider appends it once per password.
  PasswordAgeReminded: 'password-age-reminder',
} as const satisfies MailTriggers;
