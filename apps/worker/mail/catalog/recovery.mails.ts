import type { MailComposers } from '../composer';
import { formatUtc, formatValidity, tokenLink } from '../mail-format';

/** The account-recovery mails: template name → composer (see MAIL_CATALOG). */
export const RECOVERY_MAILS = {
  'account-recovery': (e, account, context) => {
    const { data } = e.event;
    return {
      to: data.email,
      vars: {
        displayName: account.displayName,
        link: tokenLink(context, 'recover-account', e.accountId, data.tokenId),
        validFor: formatValidity(e.occurredAt, data.expiresAt),
      },
    };
  },

  'recovery-case-opened': (e, account) => {
    // The owner's statement stays out of the mail: it is personal and already known to them.
    const { data } = e.event;
    return {
      to: account.email,
      vars: { displayName: account.displayName, caseId: data.caseId, openedAt: formatUtc(e.occurredAt) },
    };
  },

  'recovery-case-decided': (e, account) => {
    // The staff's note stays out of the mail: it is internal.
    const { data } = e.event;
    const vars = { displayName: account.displayName, caseId: data.caseId, decidedAt: formatUtc(e.occurredAt) };
    if (data.decision === 'reject') return { to: account.email, template: 'recovery-case-rejected', vars };
    return { to: account.email, vars };
  },
} satisfies Partial<MailComposers>;
