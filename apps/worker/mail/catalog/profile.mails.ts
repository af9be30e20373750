import type { MailComposers } from '../composer';
import { formatUtc, formatValidity, pageLink, tokenLink } from '../mail-format';

/**
 * The new address as the notice to the old one shows it: first character and domain only
 * ("a•••@example.com"). People often change address because they lose the old mailbox (a
 * former employer's, say); whoever reads it now need not learn the new one. The owner
 * still recognises it, and support sees it in full.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${Array.from(email.slice(0, at))[0]}•••${email.slice(at)}`;
}

/** The profile mails: template name → composer (see MAIL_CATALOG). */
export const PROFILE_MAILS = {
  /** To the new address: the link that proves it is theirs and completes the change. */
  'email-change-confirm': (e, account, context) => {
    const { data } = e.event;
    return {
      to: data.newEmail,
      vars: {
        displayName: account.displayName,
        link: tokenLink(context, 'confirm-email-change', e.accountId, data.tokenId),
        validFor: formatValidity(e.occurredAt, data.expiresAt),
      },
    };
  },

  /** To the address the account had when the change was asked for: a notice, no link to act on the change. */
  'email-change-notice': (e, account, context) => {
    const { data } = e.event;
    return {
      to: data.currentEmail,
      vars: {
        displayName: account.displayName,
        newEmail: maskEmail(data.newEmail),
        requestedAt: formatUtc(e.occurredAt),
        validFor: formatValidity(e.occurredAt, data.expiresAt),
        resetLink: pageLink(context, 'reset-password'),
      },
    };
  },
} satisfies Partial<MailComposers>;
