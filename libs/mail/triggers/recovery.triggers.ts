import type { MailTriggers } from '../mail-template';

/** The account-recovery events that call for a mail: event type → template (see MAIL_TRIGGERS). */
export const RECOVERY_TRIGGERS = {
  AccountRecoveryRequested: 'account-recovery',
  RecoveryCaseOpened: 'recovery-case-opened',
  // A rejection renders the catalog's 'recovery-case-rejected' variant.
  RecoveryCaseDecided: 'recovery-case-decided',
} as const satisfies MailTriggers;
