import type { MailComposers } from '../composer';
import { formatUtc, pageLink } from '../mail-format';

/** The credential mails: template name → composer (see MAIL_CATALOG). */
export const CREDENTIALS_MAILS = {
  'credential-regenerated': (e, account, context) => {
    const { data } = e.event;
    // The label is only in CredentialIssued (encrypted); the account's state has it while the
    // credential lives. Revoked since: the notice still goes out, naming it by its prefix.
    const label = account.credentials[data.credentialId]?.label ?? '(revoked since)';
    return {
      to: account.email,
      vars: {
        displayName: account.displayName,
        label,
        prefix: data.prefix,
        regeneratedAt: formatUtc(e.occurredAt),
        resetLink: pageLink(context, 'reset-password'),
      },
    };
  },
} satisfies Partial<MailComposers>;
