import type { Page } from 'playwright-core';
import { authPost, introspect, logIn, mailTo, PASSWORD, register, signedIn, supportPost, totpCode, uniqueEmail, verifiedAccount } from '../../testing/flows';
import { CLIENT } from '../../testing/warden-harness';
import { enrolledInTotp } from './testing/two-factor';
import { expectNoSeriousA11yViolations } from '@warden/test/browser/a11y';
import { launchChromium, type RunningBrowser } from '@warden/test/browser/chromium';
import { describeInBrowser } from '@warden/test/browser/describe-in-browser';
import { mailedLink } from '@warden/test/browser/mailed-link';
import { serveWarden, type ServedWarden } from '@warden/test/browser/warden-server';

describeInBrowser('the pages of the mailed links, in Chromium', () => {
  let w: ServedWarden;
  let chromium: RunningBrowser;
  /** Console errors of the pages: a CSP violation (an inline script or style, an outside asset) shows up there. */
  let consoleErrors: string[];

  beforeAll(async () => {
    w = await serveWarden({ env: { LOCK_THRESHOLD: '3', THROTTLE_ACCOUNT_FREE_FAILURES: '100', UNIFORM_RESPONSE_MS: '0' } });
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await w?.close();
  });
  beforeEach(() => {
    consoleErrors = [];
  });
  afterEach(() => {
    expect(consoleErrors).toEqual([]);
  });

  /** Opens a mailed link as the person would: the token leaves the address bar once loaded. */
  async function open(link: string): Promise<Page> {
    const page = await chromium.context.newPage();
    page.on('console', (message) => {
      // A refused form answers 4xx, which Chromium logs too: that one is expected.
      if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) consoleErrors.push(message.text());
    });
    const response = await page.goto(w.local(link));
    expect(response?.status()).toBe(200);
    expect(page.url()).not.toContain('token');
    expect(page.url()).toBe(`${w.baseUrl}${new URL(link).pathname}`);
    await expectNoSeriousA11yViolations(page);
    return page;
  }

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  async function submitted(page: Page, button: string): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
    await expectNoSeriousA11yViolations(page);
  }

  it('verify-email: the link confirms the address on the button press, and works once', async () => {
    const email = uniqueEmail('verify');
    await register(w, email);
    const link = mailedLink(await mailTo(w, email, 'Confirm your email address'), 'verify-email');
    const page = await open(link);
    expect(await heading(page)).toBe('Confirm your email address');
    expect((await logIn(w, email)).body.error).toBe('email_not_verified');

    await submitted(page, 'Confirm my email address');
    expect(await heading(page)).toBe('Email address confirmed');
    expect((await logIn(w, email)).body.result).toBe('session');

    const again = await chromium.context.newPage();
    expect((await again.goto(w.local(link)))?.status()).toBe(410);
    expect(await heading(again)).toBe('This link can no longer be used');
    await expectNoSeriousA11yViolations(again);
  });

  it('reset-password: the policy is checked as you type, failing rules are named on submit, success ends the other sessions', async () => {
    const email = uniqueEmail('reset');
    await verifiedAccount(w, email);
    const session = await signedIn(w, email);
    await authPost(w, '/v1/password-resets', { email, context: CLIENT });
    const page = await open(mailedLink(await mailTo(w, email, 'Reset your password'), 'reset-password'));
    expect(await page.getByLabel('Two-factor code').count()).toBe(0);

    await page.getByLabel('New password', { exact: true }).fill('lowercase');
    expect(await page.locator('li[data-rule="uppercase"]').getAttribute('class')).toBe('unmet');
    expect(await page.locator('li[data-rule="lowercase"]').getAttribute('class')).toBe('met');
    await page.getByLabel('New password again').fill('lowercase');
    await submitted(page, 'Set new password');
    expect(await page.getByRole('alert').textContent()).toContain('it needs an upper-case letter; a digit.');
    expect(await page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('li.unmet').allTextContents()).toEqual(['an upper-case letter (not met)', 'a digit (not met)']);

    await page.getByLabel('New password', { exact: true }).fill('Fresh8Password');
    await page.getByLabel('New password again').fill('Fresh8Password');
    await submitted(page, 'Set new password');
    expect(await heading(page)).toBe('Password changed');
    expect((await introspect(w, session.sessionToken)).body.active).toBe(false);
    expect((await logIn(w, email, 'Fresh8Password')).body.result).toBe('session');
  });

  it('reset-password with 2FA on: the page asks for the code, refuses a wrong one and accepts the TOTP code', async () => {
    const email = uniqueEmail('reset2fa');
    const { secret } = await enrolledInTotp(w, email);
    await authPost(w, '/v1/password-resets', { email, context: CLIENT });
    const page = await open(mailedLink(await mailTo(w, email, 'Reset your password'), 'reset-password'));
    const fill = async (code: string) => {
      await page.getByLabel('New password', { exact: true }).fill('Fresh8Password');
      await page.getByLabel('New password again').fill('Fresh8Password');
      await page.getByLabel('Two-factor code').fill(code);
    };
    await fill('000000');
    await submitted(page, 'Set new password');
    expect(await page.getByRole('alert').textContent()).toContain('That code is not right');

    await fill(await totpCode(secret));
    await submitted(page, 'Set new password');
    expect(await heading(page)).toBe('Password changed');
    expect((await logIn(w, email, 'Fresh8Password')).body.result).toBe('second_factor_required');
  });

  it('fits a phone screen: nothing wider than 375 px, still accessible', async () => {
    const email = uniqueEmail('phone');
    await enrolledInTotp(w, email);
    await authPost(w, '/v1/account-recoveries', { email, context: CLIENT });
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(w.local(mailedLink(await mailTo(w, email, /recover/i), 'recover-account')));
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await expectNoSeriousA11yViolations(page);
  });

  it('verify-ownership: the lock mail\'s link unlocks the account', async () => {
    const email = uniqueEmail('locked');
    await verifiedAccount(w, email);
    for (let i = 0; i < 3; i++) await logIn(w, email, 'Wrong-password-1');
    expect((await logIn(w, email)).body.error).toBe('account_locked');
    const page = await open(mailedLink(await mailTo(w, email, 'Your account was locked after unusual sign-in activity'), 'verify-ownership'));
    await submitted(page, 'Yes, this account is mine');
    expect(await heading(page)).toBe('Account unlocked');
    expect((await logIn(w, email)).body.result).toBe('session');
  });

  it('confirm-email-change: the link in the mail to the new address makes it the account\'s', async () => {
    const email = uniqueEmail('old');
    const newEmail = uniqueEmail('new');
    const accountId = await verifiedAccount(w, email);
    expect((await authPost(w, `/v1/accounts/${accountId}/email-changes`, { newEmail, password: PASSWORD })).status).toBe(202);
    const page = await open(mailedLink(await mailTo(w, newEmail, 'Confirm your new email address'), 'confirm-email-change'));
    await submitted(page, 'Confirm new email address');
    expect(await heading(page)).toBe('Email address changed');
    expect((await logIn(w, newEmail)).body.result).toBe('session');
  });

  it('recover-account without a recovery code: the statement opens a support case and the page shows its reference', async () => {
    const email = uniqueEmail('case');
    await enrolledInTotp(w, email);
    await authPost(w, '/v1/account-recoveries', { email, context: CLIENT });
    const page = await open(mailedLink(await mailTo(w, email, /recover/i), 'recover-account'));
    await page.getByLabel('What happened').fill('My phone was stolen on the train yesterday.');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Ask support for help' }).click()]);
    await expectNoSeriousA11yViolations(page);
    expect(await heading(page)).toBe('Request sent to support');
    const reference = await page.locator('#case-reference').textContent();
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);
    // The reference is the case support decides on (found through its read model, once projected).
    const decide = () => supportPost(w, `/v1/recovery-cases/${reference}/decision`, { decision: 'approve', note: 'ID checked by phone' });
    let decision = await decide();
    for (const deadline = Date.now() + 5_000; decision.status === 404 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      decision = await decide();
    }
    expect(decision.status).toBe(200);
  });

  it('recover-account with a recovery code (lost 2FA device): new password, 2FA off', async () => {
    const email = uniqueEmail('recover');
    const { recoveryCodes } = await enrolledInTotp(w, email);
    await authPost(w, '/v1/account-recoveries', { email, context: CLIENT });
    const page = await open(mailedLink(await mailTo(w, email, /recover/i), 'recover-account'));
    await page.getByLabel('Recovery code', { exact: true }).fill(recoveryCodes[0]);
    await page.getByLabel('New password', { exact: true }).fill('Recovered8Pass');
    await page.getByLabel('New password again').fill('Recovered8Pass');
    await submitted(page, 'Recover with this code');
    expect(await heading(page)).toBe('Account recovered');
    expect((await logIn(w, email, 'Recovered8Pass')).body.result).toBe('session');
  });
});

describeInBrowser('the pages without JavaScript', () => {
  let w: ServedWarden;
  let chromium: RunningBrowser;

  beforeAll(async () => {
    w = await serveWarden({ env: { UNIFORM_RESPONSE_MS: '0' } });
    chromium = await launchChromium({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await chromium?.close();
    await w?.close();
  });

  // (No axe here: it runs as a script in the page. The same pages pass it in the suite above.)
  it('verify-email and reset-password work with plain form posts, the token riding in the hidden field', async () => {
    const email = uniqueEmail('nojs');
    await register(w, email);
    const page = await chromium.context.newPage();
    await page.goto(w.local(mailedLink(await mailTo(w, email, 'Confirm your email address'), 'verify-email')));
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Confirm my email address' }).click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Email address confirmed');

    await authPost(w, '/v1/password-resets', { email, context: CLIENT });
    await page.goto(w.local(mailedLink(await mailTo(w, email, 'Reset your password'), 'reset-password')));
    await page.getByLabel('New password', { exact: true }).fill('NoScript8Pass');
    await page.getByLabel('New password again').fill('NoScript8Pass');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Set new password' }).click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Password changed');
    expect((await logIn(w, email, 'NoScript8Pass')).body.result).toBe('session');
  });
});
