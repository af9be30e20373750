import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountEvent } from '@warden/account/account.events';
import { type MailTokenPurpose, accountOfToken } from '@warden/infrastructure/crypto/tokens';
import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import { MAIL_TRIGGERS } from '@warden/mail/mail-triggers';
import { MAIL_CATALOG } from './mail-catalog';
import { formatUtc, formatValidity } from './mail-format';
import {
  ACCOUNT_ID,
  annsAccount,
  AT,
  AT_READABLE,
  composeRequiredMail,
  context,
  decoded,
  PUBLIC_URL,
  TOKEN_ID,
  tokens,
} from './testing/mail-fixtures';

const account = annsAccount({ email: 'ann.now@example.com', emailVerified: true });

const issued = (ttlSeconds: number) => ({
  tokenId: TOKEN_ID,
  tokenHash: 'f'.repeat(64),
  expiresAt: new Date(Date.parse(AT) + ttlSeconds * 1000).toISOString(),
});

/** A link the mail must carry: signed with a token for the account, or a plain page. */
type ExpectedLink = { purpose: MailTokenPurpose } | { page: string };

interface Case {
  name: string;
  trigger: string;
  event: AccountEvent;
  /** The event just before it in the stream, when the composer looks at it. */
  previous?: DecodedAccountEvent;
  renders: string;
  to: string;
  subject: string;
  links: ExpectedLink[];
  contains: string[];
}

const RESET_PAGE = { page: `${PUBLIC_URL}/reset-password` };

const CASE_ID = '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b';
const CODE_HASHES = Array.from({ length: 10 }, (_, i) => String(i).repeat(64));
const ENABLED: AccountEvent = { type: 'TotpEnabled', data: { step: 58_000_000 } };
const CODES_ISSUED: AccountEvent = { type: 'RecoveryCodesIssued', data: { codeHashes: CODE_HASHES } };
/** What precedes regenerated codes: the second factor that confirmed the owner, in the same append. */
const VERIFIED_FOR_CODES: AccountEvent = {
  type: 'SecondFactorVerified',
  data: { purpose: 'recovery_codes', proof: { method: 'totp', step: 58_000_100 } },
};

const CASES: Case[] = [
  {
    // Not the default 24 hours: the mail states the configured lifetime (EMAIL_VERIFICATION_TTL_SECONDS).
    name: 'email verification',
    trigger: 'verify-email',
    event: { type: 'EmailVerificationRequested', data: { ...issued(7200), email: 'ann.new@example.com' } },
    renders: 'verify-email',
    to: 'ann.new@example.com',
    subject: 'Confirm your email address',
    links: [{ purpose: 'verify-email' }],
    contains: ['valid for 2 hours'],
  },
  {
    name: 'password reset link',
    trigger: 'password-reset',
    event: { type: 'PasswordResetRequested', data: { ...issued(3600), email: 'ann.typed@example.com' } },
    renders: 'password-reset',
    to: 'ann.typed@example.com',
    subject: 'Reset your password',
    links: [{ purpose: 'reset-password' }],
    contains: ['valid for 1 hour', 'used once', 'your password stays unchanged'],
  },
  {
    name: 'password changed after a reset',
    trigger: 'password-changed',
    event: { type: 'PasswordResetCompleted', data: { passwordHash: 'hash' } },
    renders: 'password-changed',
    to: account.email,
    subject: 'Your password was changed',
    links: [RESET_PAGE],
    contains: [AT_READABLE, 'other sessions were signed out', 'contact our support team'],
  },
  {
    name: 'password changed by the owner',
    trigger: 'password-changed',
    event: { type: 'PasswordChanged', data: { passwordHash: 'hash' } },
    renders: 'password-changed',
    to: account.email,
    subject: 'Your password was changed',
    links: [RESET_PAGE],
    contains: [AT_READABLE],
  },
  {
    name: 'new sign-in',
    trigger: 'new-sign-in',
    event: {
      type: 'NewDeviceDetected',
      data: { sessionId: 's1', newDevice: true, newNetwork: true, origin: { device: 'Firefox on Linux', network: '203.0.113.0/24' } },
    },
    renders: 'new-sign-in',
    to: account.email,
    subject: 'New sign-in to your account',
    links: [RESET_PAGE],
    contains: ['Firefox on Linux', '203.0.113.0/24', AT_READABLE, 'sign out the others', 'two-factor authentication', 'support'],
  },
  {
    name: 'lock after unusual activity',
    trigger: 'account-locked',
    event: { type: 'AccountLocked', data: { reason: 'unusual_activity', note: null, ownershipVerification: issued(86400) } },
    renders: 'account-locked',
    to: account.email,
    subject: 'Your account was locked after unusual sign-in activity',
    links: [{ purpose: 'verify-ownership' }, RESET_PAGE],
    contains: ['many failed attempts', 'all your sessions were ended', 'valid for 24 hours', AT_READABLE],
  },
  {
    name: 'lock by support',
    trigger: 'account-locked',
    event: { type: 'AccountLocked', data: { reason: 'manual', note: 'ticket 42: internal note', ownershipVerification: null } },
    renders: 'account-locked-by-support',
    to: account.email,
    subject: 'Your account was locked',
    links: [],
    contains: ['our support team locked your account', 'contact our support team', AT_READABLE],
  },
  {
    name: 'ownership verification',
    trigger: 'ownership-verification',
    event: { type: 'OwnershipVerificationRequested', data: { ...issued(1800), email: 'ann.then@example.com' } },
    renders: 'ownership-verification',
    to: 'ann.then@example.com',
    subject: 'Confirm that this account is yours',
    links: [{ purpose: 'verify-ownership' }],
    contains: ['valid for 30 minutes'],
  },
  {
    name: 'password disabled by support',
    trigger: 'password-disabled',
    event: { type: 'PasswordDisabled', data: { reason: 'credential stuffing list #7 (internal)' } },
    renders: 'password-disabled',
    to: account.email,
    subject: 'Action needed: your password was disabled',
    links: [RESET_PAGE],
    contains: ['1. Scan your devices for malware', '2. Secure your mailbox', 'forwarding rules', '3. Reset your password', '4. Review', '5. Contact'],
  },
  {
    name: '2FA enabled',
    trigger: 'totp-enabled',
    event: ENABLED,
    renders: 'totp-enabled',
    to: account.email,
    subject: 'Two-factor authentication is now on',
    links: [RESET_PAGE],
    contains: [AT_READABLE, 'Keep your recovery codes somewhere safe', "If it wasn't you", 'Reset your password', 'contact our support team'],
  },
  {
    name: '2FA disabled by the owner',
    trigger: 'totp-disabled',
    event: { type: 'TotpDisabled', data: { reason: 'owner' } },
    renders: 'totp-disabled',
    to: account.email,
    subject: 'Two-factor authentication was turned off',
    links: [RESET_PAGE],
    contains: [
      AT_READABLE,
      'by you',
      'recovery codes no longer work',
      "If it wasn't you",
      '1. Reset your password',
      '2. Turn two-factor authentication back on',
      '3. Contact our support team',
    ],
  },
  {
    name: '2FA disabled through account recovery',
    trigger: 'totp-disabled',
    event: { type: 'TotpDisabled', data: { reason: 'account_recovery' } },
    renders: 'totp-disabled',
    to: account.email,
    subject: 'Two-factor authentication was turned off',
    links: [RESET_PAGE],
    contains: ['through account recovery', '2. Turn two-factor authentication back on'],
  },
  {
    name: '2FA disabled after an approved recovery case',
    trigger: 'totp-disabled',
    event: { type: 'TotpDisabled', data: { reason: 'recovery_case_approved' } },
    renders: 'totp-disabled',
    to: account.email,
    subject: 'Two-factor authentication was turned off',
    links: [RESET_PAGE],
    contains: ['after our support team approved your recovery request', '3. Contact our support team'],
  },
  {
    name: 'recovery codes regenerated',
    trigger: 'recovery-codes-regenerated',
    event: CODES_ISSUED,
    previous: decoded(VERIFIED_FOR_CODES, { revision: 2 }),
    renders: 'recovery-codes-regenerated',
    to: account.email,
    subject: 'New recovery codes for your account',
    links: [RESET_PAGE],
    contains: [AT_READABLE, 'previous recovery codes no longer work', "If it wasn't you", 'contact our support team'],
  },
  {
    name: 'account recovery link',
    trigger: 'account-recovery',
    event: { type: 'AccountRecoveryRequested', data: { ...issued(3600), email: 'ann.then@example.com' } },
    renders: 'account-recovery',
    to: 'ann.then@example.com',
    subject: 'Recover access to your account',
    links: [{ purpose: 'recover-account' }],
    contains: [
      'valid for 1 hour',
      'used once',
      'second factor',
      'With one of your recovery codes, you can choose a new password right away',
      'Without a recovery code, you can describe your situation. Our support team will review it',
      'If you did not ask for this, you can ignore this message',
    ],
  },
  {
    name: 'recovery case opened',
    trigger: 'recovery-case-opened',
    event: { type: 'RecoveryCaseOpened', data: { caseId: CASE_ID, statement: 'I lost my phone in Lisbon, last login from Porto' } },
    renders: 'recovery-case-opened',
    to: account.email,
    subject: 'We received your account recovery request',
    links: [],
    contains: [AT_READABLE, 'Our support team will review it and mail you the outcome', `Your case id is ${CASE_ID}`],
  },
  {
    name: 'recovery case approved',
    trigger: 'recovery-case-decided',
    event: { type: 'RecoveryCaseDecided', data: { caseId: CASE_ID, decision: 'approve', note: 'ID checked on video call (internal)' } },
    renders: 'recovery-case-decided',
    to: account.email,
    subject: 'Your account recovery request was approved',
    links: [],
    contains: [CASE_ID, 'Two-factor authentication is now off', 'separate message with a link to choose a new password'],
  },
  {
    name: 'recovery case rejected',
    trigger: 'recovery-case-decided',
    event: { type: 'RecoveryCaseDecided', data: { caseId: CASE_ID, decision: 'reject', note: 'Caller could not name any device (internal)' } },
    renders: 'recovery-case-rejected',
    to: account.email,
    subject: 'Your account recovery request was not approved',
    links: [],
    contains: [CASE_ID, 'could not verify that the account is yours', 'nothing has changed', 'contact our support team'],
  },
];

function linkIn(text: string, link: ExpectedLink): string {
  if ('page' in link) return link.page;
  const match = new RegExp(`${PUBLIC_URL}/${link.purpose}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no /${link.purpose} link in:\n${text}`);
  return match[0];
}

describe('mail catalog', () => {
  describe.each(CASES)('$name', (c) => {
    const { plan, mail } = composeRequiredMail(c.trigger, decoded(c.event), account, c.previous ?? null);

    it('goes to the right address with the right subject', () => {
      expect(plan.template ?? c.trigger).toBe(c.renders);
      expect(plan.to).toBe(c.to);
      expect(mail.subject).toBe(c.subject);
    });

    it('carries its links in both parts, with a token that names the account', () => {
      for (const expected of c.links) {
        const link = linkIn(mail.text, expected);
        expect(mail.html).toContain(`href="${link}"`);
        if ('purpose' in expected) {
          const token = link.slice(link.indexOf('?token=') + '?token='.length);
          expect(token).toBe(tokens.mint(expected.purpose, ACCOUNT_ID, TOKEN_ID));
          expect(accountOfToken(token)).toBe(ACCOUNT_ID);
        }
      }
      if (c.links.every((l) => 'page' in l)) expect(`${mail.text}${mail.html}`).not.toContain('?token=');
    });

    it('fills every placeholder, says what it must, and escapes values in HTML only', () => {
      for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toContain('{{');
      for (const phrase of c.contains) expect(mail.text).toContain(phrase);
      expect(mail.text).toContain('Hello <b>Ann</b>,');
      expect(mail.html).toContain('Hello &lt;b&gt;Ann&lt;/b&gt;,');
      expect(mail.html).not.toContain('<b>Ann</b>');
    });

    it('keeps free-text staff notes and owner statements out of the mail', () => {
      const data = c.event.data as { reason?: unknown; note?: unknown; statement?: unknown };
      for (const internal of [data.reason, data.note, data.statement]) {
        if (typeof internal === 'string' && internal.includes(' ')) expect(`${mail.text}${mail.html}`).not.toContain(internal);
      }
    });
  });

  it('refuses an event its template does not render', () => {
    const stranger = decoded({ type: 'LoginSucceeded', data: { sessionId: 's1' } });
    for (const [name, compose] of Object.entries(MAIL_CATALOG)) {
      expect(() => compose(stranger, account, context, null)).toThrow(`${name} cannot render LoginSucceeded`);
    }
  });

  it('refuses an unusual-activity lock without an ownership token', () => {
    const lock = decoded({ type: 'AccountLocked', data: { reason: 'unusual_activity', note: null, ownershipVerification: null } });
    expect(() => MAIL_CATALOG['account-locked'](lock, account, context, null)).toThrow(/no ownership token/);
  });

  describe('recovery codes', () => {
    const compose = MAIL_CATALOG['recovery-codes-regenerated'];
    const codes = decoded(CODES_ISSUED, { revision: 8, causationId: 'enrol' });

    it('sends nothing for the codes issued at enrolment, next to TotpEnabled (the 2FA-enabled mail covers them)', () => {
      expect(compose(codes, account, context, decoded(ENABLED, { revision: 7, causationId: 'enrol' }))).toBeNull();
    });

    it('sends a notice for a later regeneration', () => {
      const previous = decoded(VERIFIED_FOR_CODES, { revision: 12, causationId: 'regenerate' });
      const later = decoded(CODES_ISSUED, { revision: 13, causationId: 'regenerate' });
      expect(compose(later, account, context, previous)?.to).toBe(account.email);
    });

    it('only skips codes appended together with TotpEnabled, not any that merely follow one', () => {
      expect(compose(codes, account, context, decoded(ENABLED, { revision: 7, causationId: 'earlier' }))?.to).toBe(account.email);
      expect(compose(decoded(CODES_ISSUED, { revision: 0 }), account, context, null)?.to).toBe(account.email);
    });
  });

  it('has a composer and both parts on disk for every trigger, and no template that no code renders', () => {
    const dir = join(__dirname, 'templates');
    for (const template of new Set(Object.values(MAIL_TRIGGERS))) {
      expect(MAIL_CATALOG[template]).toBeDefined();
      expect(existsSync(join(dir, `${template}.txt`))).toBe(true);
      expect(existsSync(join(dir, `${template}.html`))).toBe(true);
    }
    const onDisk = new Set(readdirSync(dir).map((f) => f.replace(/\.(txt|html)$/, '')));
    for (const name of onDisk) {
      expect(existsSync(join(dir, `${name}.txt`)) && existsSync(join(dir, `${name}.html`))).toBe(true);
    }
    // Each area's templates are rendered by its own spec (apps/worker/mail/catalog/*.spec.ts);
    // here: every case renders a template on disk, and every template on disk is named in code.
    for (const c of CASES) {
      expect(onDisk.has(c.renders)).toBe(true);
      expect(MAIL_TRIGGERS[c.event.type]).toBe(c.trigger);
    }
    const code = sourcesUnder(__dirname).join('\n');
    const orphans = [...onDisk].filter((name) => !code.includes(`'${name}'`));
    expect(orphans).toEqual([]);
  });

  /** The production sources: neither the templates nor test code (specs, `testing/` fixtures) count as naming a template. */
  function sourcesUnder(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'templates' || entry.name === 'testing' ? [] : sourcesUnder(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [readFileSync(path, 'utf8')] : [];
    });
  }

  it('formats times in UTC and validity from the event', () => {
    expect(formatUtc('2025-12-31T23:59:59.999+00:00')).toBe('31 December 2025 at 23:59 UTC');
    expect(formatUtc('2025-01-01T00:30:00+02:00')).toBe('31 December 2024 at 22:30 UTC');
    expect(formatValidity(AT, issued(3600).expiresAt)).toBe('1 hour');
    expect(formatValidity(AT, issued(86400).expiresAt)).toBe('24 hours');
    expect(formatValidity(AT, issued(3 * 86400).expiresAt)).toBe('3 days');
    expect(formatValidity(AT, issued(90).expiresAt)).toBe('2 minutes');
    expect(() => formatValidity(AT, AT)).toThrow(/expires before/);
  });
});
