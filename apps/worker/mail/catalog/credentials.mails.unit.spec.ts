import type { AccountEvent } from '@warden/account/account.events';
import { MAIL_TRIGGERS } from '@warden/mail/mail-triggers';
import { annsAccount, AT_READABLE, composerFor, PUBLIC_URL } from '../testing/mail-fixtures';

const CREDENTIAL_ID = '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b';

const account = annsAccount({
  email: 'ann@example.com',
  passwordChangedAt: '2024-09-01T08:00:00.000Z',
  credentials: {
    [CREDENTIAL_ID]: { credentialId: CREDENTIAL_ID, label: 'CI <deploy> bot', prefix: 'wdn_9f8e7d6c', secretHash: 'f'.repeat(64), lastUsedAt: null },
  },
});

const compose = composerFor(account, { revision: 9 });

const regenerated: AccountEvent = { type: 'CredentialRegenerated', data: { credentialId: CREDENTIAL_ID, prefix: 'wdn_1a2b3c4d', secretHash: 'e'.repeat(64) } };
const reminded: AccountEvent = { type: 'PasswordAgeReminded', data: { passwordChangedAt: '2024-09-01T08:00:00.000Z', ageDays: 185 } };

describe('credential mails', () => {
  it('are triggered by their events', () => {
    expect(MAIL_TRIGGERS.CredentialRegenerated).toBe('credential-regenerated');
    expect(MAIL_TRIGGERS.PasswordAgeReminded).toBe('password-age-reminder');
  });

  describe('credential regenerated', () => {
    const composed = compose('credential-regenerated', regenerated)!;

    it('tells the owner which credential, when, and what to do if it was not them', () => {
      expect(composed.plan.to).toBe('ann@example.com');
      expect(composed.mail.subject).toBe('The secret of your API credential was regenerated');
      for (const part of [composed.mail.text, composed.mail.html]) {
        expect(part).toContain('wdn_1a2b3c4d');
        expect(part).toContain(AT_READABLE);
        expect(part).toContain("If it wasn't you, revoke the credential now and contact our support team");
        expect(part).toContain(`${PUBLIC_URL}/reset-password`);
      }
      expect(composed.mail.text).toContain('"CI <deploy> bot"');
      expect(composed.mail.html).toContain('CI &lt;deploy&gt; bot');
      expect(composed.mail.html).toContain('Hello &lt;b&gt;Ann&lt;/b&gt;,');
    });

    it('never carries a hash or a token', () => {
      expect(`${composed.mail.text}${composed.mail.html}`).not.toMatch(/e{64}|f{64}|\?token=/);
    });

    it('still goes out, naming the prefix, when the credential was revoked since', () => {
      const after = compose('credential-regenerated', regenerated, { ...account, credentials: {} })!;
      expect(after.mail.text).toContain('(revoked since)');
      expect(after.mail.text).toContain('wdn_1a2b3c4d');
    });
  });

  describe('password-age reminder', () => {
    it('gives the age and a link to choose a new password', () => {
      const { plan, mail } = compose('password-age-reminder', reminded)!;
      expect(plan.to).toBe('ann@example.com');
      expect(mail.subject).toBe('Your password is 185 days old');
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain('Consider changing it');
        expect(part).toContain('1 September 2024 at 08:00 UTC');
        expect(part).toContain(`${PUBLIC_URL}/reset-password`);
      }
      expect(mail.html).toContain(`href="${PUBLIC_URL}/reset-password"`);
    });

    it('says "1 day" for one day', () => {
      expect(compose('password-age-reminder', { ...reminded, data: { ...reminded.data, ageDays: 1 } } as AccountEvent)!.mail.subject).toBe(
        'Your password is 1 day old',
      );
    });

    it('sends nothing when the password was changed after the reminder was decided', () => {
      expect(compose('password-age-reminder', reminded, { ...account, passwordChangedAt: '2025-03-05T14:00:00.000Z' })).toBeNull();
    });
  });

  it('refuses an event its template does not render', () => {
    expect(() => compose('credential-regenerated', reminded)).toThrow('credential-regenerated cannot render PasswordAgeReminded');
    expect(() => compose('password-age-reminder', regenerated)).toThrow('password-age-reminder cannot render CredentialRegenerated');
  });
});
