import type { MailComposers } from '../composer';
import { formatUtc, formatValidity, pageLink, tokenLink } from '../mail-format';

/** The account-protection mails: template name → composer (see MAIL_CATALOG). */
export const PROTECTION_MAILS = {
  'account-locked': (e, account, context) => {
    const { data } = e.event;
    const common = { displayName: account.displayName, lockedAt: formatUtc(e.occurredAt) };
    if (data.reason === 'manual') return { to: account.email, template: 'account-locked-by-support', vars: common };
    if (!data.ownershipVerification) throw new Error(`account-locked: ${e.type} for unusual activity carries no ownership token`);
    return {
      to: account.email,
      vars: {
        ...common,
        link: tokenLink(context, 'verify-ownership', e.accountId, data.ownershipVerification.tokenId),
        validFor: formatValidity(e.occurredAt, data.ownershipVerification.expiresAt),
        resetLink: pageLink(context, 'reset-password'),
      },
    };
  },

  'ownership-verification': (e, account, context) => {
    const { data } = e.event;
    return {
      to: data.email,
      vars: {
        displayName: account.displayName,
        link: tokenLink(context, 'verify-ownership', e.accountId, data.tokenId),
        validFor: formatValidity(e.occurredAt, data.expiresAt),
      },
    };
  },
} satisfies Partial<MailComposers>;
