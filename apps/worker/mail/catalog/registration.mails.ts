import type { MailComposers } from '../composer';
import { formatValidity, tokenLink } from '../mail-format';

/** The registration mails: template name → composer (see MAIL_CATALOG). */
export const REGISTRATION_MAILS = {
  'verify-email': (e, account, context) => {
    const { data } = e.event;
    return {
      // The address the link was meant for, even if the account's address has changed since.
      to: data.email,
      vars: {
        displayName: account.displayName,
        link: tokenLink(context, 'verify-email', e.accountId, data.tokenId),
        validFor: formatValidity(e.occurredAt, data.expiresAt),
      },
    };
  },
} satisfies Partial<MailComposers>;
