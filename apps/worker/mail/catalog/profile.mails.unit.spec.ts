import type { AccountEvent } from '@warden/account/account.events';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import { accountOfToken } from '@warden/infrastructure/crypto/tokens';
import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import { MAIL_TRIGGERS, SECOND_MAILS, mailJobsFor } from '@warden/mail/mail-triggers';
import { MAIL_CATALOG } from '../mail-catalog';
import {
  ACCOUNT_ID,
  annsAccount,
  AT,
  composeRequiredMail,
  context,
  decoded,
  EVENT_ID,
  PUBLIC_URL,
  TOKEN_ID,
  tokens,
} from '../testing/mail-fixtures';
import { maskEmail } from './profile.mails';

const account = annsAccount({ email: 'ann.old@example.com' });

const requested = (overrides: Partial<Extract<AccountEvent, { type: 'EmailChangeRequested' }>['data']> = {}): DecodedAccountEvent =>
  decoded(
    {
      type: 'EmailChangeRequested',
      data: {
        tokenId: TOKEN_ID,
        tokenHash: 'f'.repeat(64),
        expiresAt: new Date(Date.parse(AT) + 86400_000).toISOString(),
        newEmail: 'ann.new@example.org',
        currentEmail: 'ann.old@example.com',
        ...overrides,
      },
    },
    { revision: 5 },
  );

const compose = (template: string, event = requested()) => composeRequiredMail(template, event, account);

describe('email change mails', () => {
  it('are two jobs of one EmailChangeRequested: the link (job id = event id) and the notice (<event id>:<template>)', () => {
    expect(MAIL_TRIGGERS.EmailChangeRequested).toBe('email-change-confirm');
    expect(SECOND_MAILS.EmailChangeRequested).toBe('email-change-notice');
    const jobs = mailJobsFor({ eventId: EVENT_ID, streamId: `account-${ACCOUNT_ID}`, revision: 5, type: 'EmailChangeRequested' });
    expect(jobs).toEqual([
      { id: EVENT_ID, job: { streamId: `account-${ACCOUNT_ID}`, revision: 5, template: 'email-change-confirm' } },
      { id: `${EVENT_ID}:email-change-notice`, job: { streamId: `account-${ACCOUNT_ID}`, revision: 5, template: 'email-change-notice' } },
    ]);
  });

  describe('the link, to the new address', () => {
    const { plan, mail } = compose('email-change-confirm');

    it('goes to the new address, whatever the account holds now', () => {
      expect(plan.to).toBe('ann.new@example.org');
      expect(mail.subject).toBe('Confirm your new email address');
    });

    it('carries the confirm-email-change link in both parts, valid 24 hours', () => {
      const link = `${PUBLIC_URL}/confirm-email-change?token=${tokens.mint('confirm-email-change', ACCOUNT_ID, TOKEN_ID)}`;
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(`href="${link}"`);
      expect(accountOfToken(link.split('?token=')[1])).toBe(ACCOUNT_ID);
      expect(mail.text).toContain('valid for 24 hours and can be used once');
      expect(mail.text).toContain('your account keeps its current address');
    });

    it('escapes values in HTML only', () => {
      expect(mail.text).toContain('Hello <b>Ann</b>,');
      expect(mail.html).toContain('Hello &lt;b&gt;Ann&lt;/b&gt;,');
      for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toContain('{{');
    });
  });

  describe('the notice, to the old address', () => {
    const { plan, mail } = compose('email-change-notice');

    it('goes to the address the account had when the change was asked for', () => {
      expect(plan.to).toBe('ann.old@example.com');
      expect(mail.subject).toBe('A change of your email address was requested');
    });

    it('says what to do if it was not the owner, and carries no token', () => {
      expect(mail.text).toContain('5 March 2025 at 14:07 UTC');
      expect(mail.text).toContain("If it wasn't you, someone else may know your password");
      expect(mail.text).toContain('Reset your password now. This also cancels the pending change');
      expect(mail.text).toContain('Contact our support team');
      expect(mail.text).toContain(`${PUBLIC_URL}/reset-password`);
      expect(mail.html).toContain(`href="${PUBLIC_URL}/reset-password"`);
      expect(`${mail.text}${mail.html}`).not.toContain('?token=');
    });

    it('shows the new address masked', () => {
      expect(mail.text).toContain('a•••@example.org');
      expect(`${mail.text}${mail.html}`).not.toContain('ann.new@example.org');
    });
  });

  it('masks addresses to their first character and domain', () => {
    expect(maskEmail('ann.new@example.org')).toBe('a•••@example.org');
    expect(maskEmail('émile@exemple.fr')).toBe('é•••@exemple.fr');
    expect(maskEmail(ERASED)).toBe('•••');
  });

  it('addresses an erased account as "[erased]", so the worker drops both mails', () => {
    const erased = requested({ newEmail: ERASED, currentEmail: ERASED });
    expect(MAIL_CATALOG['email-change-confirm'](erased, account, context, null)?.to).toBe(ERASED);
    expect(MAIL_CATALOG['email-change-notice'](erased, account, context, null)?.to).toBe(ERASED);
  });
});
