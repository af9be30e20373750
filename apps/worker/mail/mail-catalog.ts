import type { AccountState } from '../../../libs/account/account.state';
import type { MailTokens } from '../../../libs/infrastructure/crypto/tokens';
import type { DecodedAccountEvent } from '../../../libs/infrastructure/event-codec/account-event.codec';

export interface MailContext {
  publicUrl: string;
  tokens: MailTokens;
}

export interface MailPlan {
  to: string;
  vars: Record<string, string>;
}

type Composer = (event: DecodedAccountEvent, account: AccountState, context: MailContext) => MailPlan;

/** For each template: who receives it and what fills it, from the triggering event. */
export const MAIL_CATALOG: Record<string, Composer> = {
  'verify-email': (e, account, { publicUrl, tokens }) => {
    if (e.event.type !== 'EmailVerificationRequested') throw new Error(`verify-email cannot render ${e.type}`);
    const token = tokens.mint('verify-email', e.accountId, e.event.data.tokenId);
    return {
      // The address the link was meant for, even if the account's address has changed since.
      to: e.event.data.email,
      vars: { displayName: account.displayName, link: `${publicUrl}/verify-email?token=${token}` },
    };
  },
};
