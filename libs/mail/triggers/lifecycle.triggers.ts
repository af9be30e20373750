import type { MailTriggers } from '../mail-template';

/**
 * The lifecycle events that call for a mail: event type → template (see MAIL_TRIGGERS).
 * AccountDeleted is deliberately absent: the account-deletion job sends its mail itself,
 * before the data key is destroyed (a queued job would find the address "[erased]"; see
 * SENT_BY_JOBS).
 */
export const LIFECYCLE_TRIGGERS = {
  AccountSuspended: 'account-suspended',
  // An upheld suspension renders the catalog's 'appeal-upheld' variant.
  AppealDecided: 'appeal-decided',
  // Not sent for a grace period of 0 days: the account-deleted mail follows at once.
  AccountDeletionScheduled: 'deletion-scheduled',
} as const satisfies MailTriggers;
