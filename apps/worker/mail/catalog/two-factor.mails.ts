import type { TotpDisabled } from '@warden/account/two-factor/two-factor.events';
import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import type { MailComposers } from '../composer';
import { formatUtc, pageLink } from '../mail-format';

/** How 2FA came to be turned off, as the totp-disabled mail words it. */
function howTotpWasDisabled(reason: TotpDisabled['data']['reason']): string {
  switch (reason) {
    case 'owner':
      return 'by you, after confirming your password and a code';
    case 'account_recovery':
      return 'through account recovery, with one of your recovery codes';
    case 'recovery_case_approved':
      return 'after our support team approved your recovery request';
    default: {
      const unhandled: never = reason;
      throw new Error(`totp-disabled: unknown reason ${String(unhandled)}`);
    }
  }
}

/**
 * Recovery codes are issued in the same append as TotpEnabled at enrolment (whose mail
 * already tells the owner to keep them safe), and after a SecondFactorVerified when the
 * owner regenerates them. Only the event just before tells the two apart.
 */
function isIssuedAtEnrolment(e: DecodedAccountEvent, previous: DecodedAccountEvent | null): boolean {
  return previous?.type === 'TotpEnabled' && previous.metadata.causationId === e.metadata.causationId;
}

/** The two-factor mails: template name → composer (see MAIL_CATALOG). */
export const TWO_FACTOR_MAILS = {
  'totp-enabled': (e, account, context) => {
    return {
      to: account.email,
      vars: { displayName: account.displayName, enabledAt: formatUtc(e.occurredAt), resetLink: pageLink(context, 'reset-password') },
    };
  },

  'totp-disabled': (e, account, context) => {
    const { data } = e.event;
    return {
      to: account.email,
      vars: {
        displayName: account.displayName,
        disabledAt: formatUtc(e.occurredAt),
        how: howTotpWasDisabled(data.reason),
        resetLink: pageLink(context, 'reset-password'),
      },
    };
  },

  'recovery-codes-regenerated': (e, account, context, previous) => {
    if (isIssuedAtEnrolment(e, previous)) return null;
    return {
      to: account.email,
      vars: { displayName: account.displayName, issuedAt: formatUtc(e.occurredAt), resetLink: pageLink(context, 'reset-password') },
    };
  },
} satisfies Partial<MailComposers>;
