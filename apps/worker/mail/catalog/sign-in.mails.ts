import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import type { MailComposers } from '../composer';
import { formatUtc, pageLink } from '../mail-format';

/** The sign-in mails: template name → composer (see MAIL_CATALOG). */
export const SIGN_IN_MAILS = {
  'new-sign-in': (e, account, context) => {
    const { data } = e.event;
    // Once erased, the origin reads "[erased]" (a string); so does the address, and the mail is dropped.
    const { device, network } = typeof data.origin === 'object' ? data.origin : { device: ERASED, network: ERASED };
    return {
      to: account.email,
      vars: {
        displayName: account.displayName,
        device,
        network,
        signedInAt: formatUtc(e.occurredAt),
        resetLink: pageLink(context, 'reset-password'),
      },
    };
  },
} satisfies Partial<MailComposers>;
