import type { AccountEvent } from '@warden/account/account.events';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import { MAIL_TRIGGERS } from '@warden/mail/mail-triggers';
import { MAIL_CATALOG } from '../mail-catalog';
import { ACCOUNT_ID, annsAccount, AT, AT_READABLE, type ComposedMail, composerFor } from '../testing/mail-fixtures';

const APPEAL_ID = '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b';

const account = annsAccount({ status: 'suspended', email: 'ann.now@example.com', emailVerified: true });

/** Lifecycle events are support's doing. */
const compose = composerFor(account, { revision: 9, actor: { type: 'support', id: 'agent-7' } });

/** Both parts of a composed mail, for "never contains" checks. */
const parts = (composed: ComposedMail) => `${composed.mail.subject}\n${composed.mail.text}\n${composed.mail.html}`;

const STAFF_REASON = 'internal: flagged by the spam classifier, case 881';
const STAFF_NOTE = 'internal: the classifier was right, see case 881';
const suspended: AccountEvent = { type: 'AccountSuspended', data: { reason: STAFF_REASON, policyRef: 'ToS §4.2' } };
const decided = (decision: 'reinstate' | 'uphold'): AccountEvent => ({ type: 'AppealDecided', data: { appealId: APPEAL_ID, decision, note: STAFF_NOTE } });
const scheduled = (graceDays: number): AccountEvent => ({
  type: 'AccountDeletionScheduled',
  data: {
    reason: 'owner asked for erasure by phone',
    ticketRef: 'SUP-4711',
    graceDays,
    executeAt: new Date(Date.parse(AT) + graceDays * 86_400_000).toISOString(),
    previousStatus: 'active',
  },
});

describe('lifecycle mails', () => {
  it('are triggered by their events, except AccountDeleted, which the deletion job mails itself before the key goes', () => {
    expect(MAIL_TRIGGERS.AccountSuspended).toBe('account-suspended');
    expect(MAIL_TRIGGERS.AppealDecided).toBe('appeal-decided');
    expect(MAIL_TRIGGERS.AccountDeletionScheduled).toBe('deletion-scheduled');
    expect(MAIL_TRIGGERS.AccountDeleted).toBeUndefined();
    expect(MAIL_CATALOG['account-deleted']).toBeDefined();
  });

  describe('account suspended', () => {
    const composed = compose('account-suspended', suspended)!;

    it('cites the policy and says how to appeal, in both parts', () => {
      expect(composed.plan.to).toBe('ann.now@example.com');
      expect(composed.mail.subject).toBe('Your account was suspended');
      for (const part of [composed.mail.text, composed.mail.html]) {
        expect(part).toContain(AT_READABLE);
        expect(part).toContain('ToS §4.2');
        expect(part).toContain(ACCOUNT_ID);
        expect(part).toContain('you can appeal');
        expect(part).toContain('one appeal open at a time');
      }
      expect(composed.mail.text).toContain('Hello <b>Ann</b>,');
      expect(composed.mail.html).toContain('Hello &lt;b&gt;Ann&lt;/b&gt;,');
    });

    it("keeps the staff's reason out", () => {
      expect(parts(composed)).not.toContain(STAFF_REASON);
    });
  });

  describe('appeal decided', () => {
    it('tells a granted appeal that the owner can sign in again', () => {
      const composed = compose('appeal-decided', decided('reinstate'))!;
      expect(composed.plan.template ?? 'appeal-decided').toBe('appeal-decided');
      expect(composed.mail.subject).toBe('Your appeal was accepted');
      for (const part of [composed.mail.text, composed.mail.html]) {
        expect(part).toContain('you can sign in again');
        expect(part).toContain(APPEAL_ID);
        expect(part).toContain(AT_READABLE);
      }
      expect(parts(composed)).not.toContain(STAFF_NOTE);
    });

    it('tells an upheld one that the suspension stands, with its own template', () => {
      const composed = compose('appeal-decided', decided('uphold'))!;
      expect(composed.plan.template).toBe('appeal-upheld');
      expect(composed.mail.subject).toBe('Your appeal was not accepted');
      for (const part of [composed.mail.text, composed.mail.html]) {
        expect(part).toContain('the suspension stands');
        expect(part).toContain('appeal again');
      }
      expect(parts(composed)).not.toContain(STAFF_NOTE);
    });
  });

  describe('deletion scheduled', () => {
    it('gives the date and how to cancel: contact support', () => {
      const composed = compose('deletion-scheduled', scheduled(7))!;
      expect(composed.plan.to).toBe('ann.now@example.com');
      expect(composed.mail.subject).toBe('Your account is scheduled for deletion');
      for (const part of [composed.mail.text, composed.mail.html]) {
        expect(part).toContain('12 March 2025 at 14:07 UTC');
        expect(part).toContain('contact our support team before 12 March 2025 at 14:07 UTC');
        expect(part).toContain('SUP-4711');
      }
      expect(parts(composed)).not.toContain('owner asked for erasure by phone');
    });

    it('is not sent without a grace period (the account-deleted mail follows at once)', () => {
      expect(compose('deletion-scheduled', scheduled(0))).toBeNull();
    });
  });

  describe('account deleted', () => {
    it('goes, from the schedule whose grace period just ended, to the address the account has then', () => {
      const composed = compose('account-deleted', scheduled(0))!;
      expect(composed.plan.to).toBe('ann.now@example.com');
      expect(composed.mail.subject).toBe('Your account was deleted');
      for (const part of [composed.mail.text, composed.mail.html]) {
        expect(part).toContain(AT_READABLE);
        expect(part).toContain('cannot be restored');
      }
    });

    it('finds nobody to write to once the key is destroyed', () => {
      expect(compose('account-deleted', scheduled(0), { ...account, email: ERASED, displayName: ERASED })!.plan.to).toBe(ERASED);
    });
  });

  it('refuses an event its template does not render', () => {
    const stranger: AccountEvent = { type: 'LoginSucceeded', data: { sessionId: 's1' } };
    for (const template of ['account-suspended', 'appeal-decided', 'deletion-scheduled', 'account-deleted']) {
      expect(() => compose(template, stranger)).toThrow(`${template} cannot render LoginSucceeded`);
    }
  });
});
