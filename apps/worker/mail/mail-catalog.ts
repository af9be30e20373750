import type { TotpDisabled } from '../../../libs/account/two-factor/two-factor.events';
import { ERASED } from '../../../libs/infrastructure/crypto/personal-data';
import type { DecodedAccountEvent } from '../../../libs/infrastructure/event-codec/account-event.codec';
import { expectEvent, type Composer } from './composer';
import { formatUtc, formatValidity, pageLink, tokenLink } from './mail-format';
import { CREDENTIAL_MAILS } from './catalog/credential.mails';
import { LIFECYCLE_MAILS } from './catalog/lifecycle.mails';
import { PROFILE_MAILS } from './catalog/profile.mails';

export type { MailContext } from './mail-format';
export type { MailPlan } from './composer';

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

/** For each template: who receives it and what fills it, from the triggering event. */
export const MAIL_CATALOG: Record<string, Composer> = {
  'verify-email': (e, account, context) => {
    const { data } = expectEvent('verify-email', e, 'EmailVerificationRequested');
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

  'password-reset': (e, account, context) => {
    const { data } = expectEvent('password-reset', e, 'PasswordResetRequested');
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
    expectEvent('password-changed', e, 'PasswordResetCompleted', 'PasswordChanged');
    return {
      to: account.email,
      vars: { displayName: account.displayName, changedAt: formatUtc(e.occurredAt), resetLink: pageLink(context, 'reset-password') },
    };
  },

  'new-sign-in': (e, account, context) => {
    const { data } = expectEvent('new-sign-in', e, 'NewDeviceDetected');
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

  'account-locked': (e, account, context) => {
    const { data } = expectEvent('account-locked', e, 'AccountLocked');
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
    const { data } = expectEvent('ownership-verification', e, 'OwnershipVerificationRequested');
    return {
      to: data.email,
      vars: {
        displayName: account.displayName,
        link: tokenLink(context, 'verify-ownership', e.accountId, data.tokenId),
        validFor: formatValidity(e.occurredAt, data.expiresAt),
      },
    };
  },

  'password-disabled': (e, account, context) => {
    // The staff's reason stays out of the mail: it may be internal.
    expectEvent('password-disabled', e, 'PasswordDisabled');
    return {
      to: account.email,
      vars: { displayName: account.displayName, disabledAt: formatUtc(e.occurredAt), resetLink: pageLink(context, 'reset-password') },
    };
  },

  'totp-enabled': (e, account, context) => {
    expectEvent('totp-enabled', e, 'TotpEnabled');
    return {
      to: account.email,
      vars: { displayName: account.displayName, enabledAt: formatUtc(e.occurredAt), resetLink: pageLink(context, 'reset-password') },
    };
  },

  'totp-disabled': (e, account, context) => {
    const { data } = expectEvent('totp-disabled', e, 'TotpDisabled');
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
    expectEvent('recovery-codes-regenerated', e, 'RecoveryCodesIssued');
    if (isIssuedAtEnrolment(e, previous)) return null;
    return {
      to: account.email,
      vars: { displayName: account.displayName, issuedAt: formatUtc(e.occurredAt), resetLink: pageLink(context, 'reset-password') },
    };
  },

  'account-recovery': (e, account, context) => {
    const { data } = expectEvent('account-recovery', e, 'AccountRecoveryRequested');
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
    const { data } = expectEvent('recovery-case-opened', e, 'RecoveryCaseOpened');
    return {
      to: account.email,
      vars: { displayName: account.displayName, caseId: data.caseId, openedAt: formatUtc(e.occurredAt) },
    };
  },

  'recovery-case-decided': (e, account) => {
    // The staff's note stays out of the mail: it is internal.
    const { data } = expectEvent('recovery-case-decided', e, 'RecoveryCaseDecided');
    const vars = { displayName: account.displayName, caseId: data.caseId, decidedAt: formatUtc(e.occurredAt) };
    if (data.decision === 'reject') return { to: account.email, template: 'recovery-case-rejected', vars };
    return { to: account.email, vars };
  },
  ...LIFECYCLE_MAILS,
  ...PROFILE_MAILS,
  ...CREDENTIAL_MAILS,
};
