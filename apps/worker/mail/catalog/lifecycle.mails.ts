import type { MailComposers } from '../composer';
import { formatUtc } from '../mail-format';

/**
 * The lifecycle mails: template name → composer (see MAIL_CATALOG). Staff reasons and notes
 * never reach the owner (they may be internal); the policy reference and the outcome do.
 */
export const LIFECYCLE_MAILS = {
  'account-suspended': (e, account) => {
    const { data } = e.event;
    return {
      to: account.email,
      vars: { displayName: account.displayName, suspendedAt: formatUtc(e.occurredAt), policyRef: data.policyRef, accountId: e.accountId },
    };
  },

  'appeal-decided': (e, account) => {
    // Granted: this template; upheld: the 'appeal-upheld' variant.
    const { data } = e.event;
    const vars = { displayName: account.displayName, decidedAt: formatUtc(e.occurredAt), appealId: data.appealId };
    if (data.decision === 'uphold') return { to: account.email, template: 'appeal-upheld', vars };
    return { to: account.email, vars };
  },

  'deletion-scheduled': (e, account) => {
    const { data } = e.event;
    // Without a grace period there is nothing to cancel: the account-deleted mail follows at once.
    if (data.graceDays === 0) return null;
    return {
      to: account.email,
      vars: { displayName: account.displayName, scheduledAt: formatUtc(e.occurredAt), executeAt: formatUtc(data.executeAt), ticketRef: data.ticketRef },
    };
  },

  /**
   * Sent by the account-deletion job itself, synchronously, before the data key is
   * destroyed and before AccountDeleted exists (never from a MAIL_TRIGGER: a queued job
   * would only find "[erased]"). Rendered from the AccountDeletionScheduled event whose
   * grace period just ended, to the address the account has at that moment.
   */
  'account-deleted': (e, account) => {
    const { data } = e.event;
    return { to: account.email, vars: { displayName: account.displayName, deletedAt: formatUtc(data.executeAt) } };
  },
} satisfies Partial<MailComposers>;
