import type { MailComposers } from '../composer';
import { formatUtc, formatValidity, pageLink, tokenLink } from '../mail-format';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** The password mails: template name → composer (see MAIL_CATALOG). */
export const PASSWORD_MAILS = {
  'password-reset': (e, account, context) => {
    const { data } = e.event;
    return {
      to: data.email,
      vars: {
        displayName: account.displayName,
        link: tokenLink(context, 'reset-password', e.accountId, data.tokenId),
        validFor: formatValidity(e.occurredAt, data.expiresAt),
      },
    };
  },

  'password-changed': (e, account, context) => {
    return {
      to: account.email,
      vars: { displayName: account.displayName, changedAt: formatUtc(e.occurredAt), resetLink: pageLink(context, 'reset-password') },
    };
  },

  'password-disabled': (e, account, context) => {
    // The staff's reason stays out of the mail: it may be internal.
    return {
      to: account.email,
      vars: { displayName: account.displayName, disabledAt: formatUtc(e.occurredAt), resetLink: pageLink(context, 'reset-password') },
    };
  },

  'password-age-reminder': (e, account, context) => {
    const { data } = e.event;
    // Changed since the reminder was decided (the mail goes out a little later): nothing to remind.
    if (account.passwordChangedAt && Date.parse(account.passwordChangedAt) > Date.parse(data.passwordChangedAt)) return null;
    return {
      to: account.email,
      vars: {
        displayName: account.displayName,
        age: days(data.ageDays),
        changedAt: formatUtc(data.passwordChangedAt),
        resetLink: pageLink(context, 'reset-password'),
      },
    };
  },
} satisfies Partial<MailComposers>;
