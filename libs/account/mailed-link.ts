import type { AccountState } from './account.state';
import type { PendingToken } from './issued-token';
import { sameDigest } from './secret-compare';

/** The flows a mailed link opens (the path of the link). */
export type MailedLinkPurpose = 'verify-email' | 'reset-password' | 'verify-ownership' | 'confirm-email-change' | 'recover-account';

export interface MailedLinkView {
  /** The link is the account's pending one of this purpose and has not expired. */
  usable: boolean;
  /** Its flow will ask for a TOTP or recovery code (reset and ownership proof with 2FA on). */
  secondFactor: boolean;
}

const PENDING: Readonly<Record<MailedLinkPurpose, (state: AccountState) => PendingToken | null>> = {
  'verify-email': (s) => s.emailVerification,
  'reset-password': (s) => s.passwordReset,
  'verify-ownership': (s) => s.ownershipVerification,
  'confirm-email-change': (s) => s.emailChange,
  'recover-account': (s) => s.accountRecovery,
};

const ASKS_FOR_SECOND_FACTOR: ReadonlySet<MailedLinkPurpose> = new Set(['reset-password', 'verify-ownership']);

/**
 * What a page may say about a mailed link before anything is submitted: the same token
 * check as the deciders (unknown, used, voided and expired alike are unusable) and
 * whether the form needs the second-factor field. It decides nothing; the command does.
 */
export function mailedLinkView(state: AccountState, purpose: MailedLinkPurpose, tokenHash: string, now: string): MailedLinkView {
  const pending = state.exists ? PENDING[purpose](state) : null;
  const usable = pending !== null && sameDigest(pending.tokenHash, tokenHash) && Date.parse(now) < Date.parse(pending.expiresAt);
  return { usable, secondFactor: usable && state.totpEnabled && ASKS_FOR_SECOND_FACTOR.has(purpose) };
}
