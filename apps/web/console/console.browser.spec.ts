import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from '@warden/test/browser/a11y';
import { launchChromium, type RunningBrowser } from '@warden/test/browser/chromium';
import { describeInBrowser } from '@warden/test/browser/describe-in-browser';
import { serveWarden, type ServedWarden } from '@warden/test/browser/warden-server';
import { asText, complianceGet, signedIn, supportPost, uniqueEmail, verifiedAccount } from '../../testing/flows';
import { openRecoveryCase } from '../../testing/support-cases';
import { until } from '../../testing/until';
import { KEYS, CLIENT } from '../../testing/warden-harness';

/** Set to a directory (e.g. `docs`) to save the README's screenshots of the account and history pages. */
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS_DIR;

describeInBrowser('the console in Chromium', () => {
  let warden: ServedWarden;
  let chromium: RunningBrowser;
  let page: Page;

  beforeAll(async () => {
    warden = await serveWarden();
    chromium = await launchChromium({ viewport: { width: 1366, height: 900 } });
    page = await chromium.context.newPage();
  });
  afterAll(async () => {
    await chromium?.close();
    await warden?.close();
  });

  const url = (path: string) => `${warden.baseUrl}${path}`;
  /** Waits for the outcome on the page the action led to (the page before may show an older one). */
  const outcome = (text: string) => page.locator('.notice', { hasText: text }).waitFor();

  async function signIn(staffId: string, key: string): Promise<void> {
    await page.goto(url('/console'));
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Staff id').fill(staffId);
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function act(form: string, fields: Record<string, string> = {}): Promise<void> {
    const scope = page.getByRole('form', { name: form });
    for (const [label, value] of Object.entries(fields)) await scope.getByLabel(label, { exact: true }).fill(value);
    await scope.getByRole('checkbox').check();
    await scope.getByRole('button', { name: form }).click();
  }

  it('support: signs in, finds an account, revokes a session, locks and unlocks it with a reason, filters the audit trail', async () => {
    const email = uniqueEmail('console');
    const accountId = await verifiedAccount(warden, email);
    await signedIn(warden, email);
    await signedIn(warden, email, undefined, { ...CLIENT, ip: '198.51.100.9', deviceId: 'device-2' });

    // With the keyboard only: the staff id field has the focus, Tab to the key, Enter.
    await page.goto(url('/console'));
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.type('agent-7');
    await page.keyboard.press('Tab');
    await page.keyboard.type(KEYS.support);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console\/search$/);
    expect(await page.content()).not.toContain(KEYS.support);
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Email or username').fill(email);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: email }).click();
    await page.waitForURL(url(`/console/accounts/${accountId}`));
    await expect(page.getByRole('heading', { name: 'Active sessions' })).toBeDefined();
    const sessions = page.getByRole('region', { name: 'Active sessions' }).getByRole('row');
    expect(await sessions.count()).toBe(3); // header + two sessions
    await expectNoSeriousA11yViolations(page);
    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'console-account.png'), fullPage: true });
    }

    const second = sessions.filter({ hasText: '198.51.100.9' });
    await second.getByRole('checkbox', { name: 'Confirm' }).check();
    await second.getByRole('button', { name: 'Revoke session' }).click();
    await outcome('The session is ended.');
    // The page after the action reads its own write (X-Min-Position): one session left.
    expect(await sessions.count()).toBe(2);
    expect(await page.getByRole('region', { name: 'Active sessions' }).textContent()).not.toContain('198.51.100.9');

    await act('Lock account', { Reason: 'caller could not prove identity, ticket 881' });
    await outcome('The account is locked');
    const state = page.getByRole('region', { name: 'State' });
    expect(await state.textContent()).toMatch(/Statuslocked/);
    expect(await state.textContent()).toMatch(/Lockmanual, since/);
    expect(await page.getByRole('region', { name: 'Active sessions' }).textContent()).toContain('No active session.');
    await expectNoSeriousA11yViolations(page);

    await act('Unlock account', { Reason: 'identity confirmed by video call' });
    await outcome('The account is unlocked.');
    expect(await state.textContent()).toMatch(/Statusactive/);

    const audit = page.getByRole('region', { name: 'Audit trail' });
    await audit.getByLabel('Event type').selectOption('AccountLocked');
    await audit.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/auditType=AccountLocked/);
    const rows = page.getByRole('region', { name: 'Audit trail' }).getByRole('row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain('support: agent-7');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('status').filter({ hasText: 'You are signed out.' }).waitFor();
    await page.goto(url(`/console/accounts/${accountId}`));
    await page.waitForURL(url('/console'));
  });

  it('support: decides a lost-2FA recovery case from the queue, and a stale decision is refused in plain words', async () => {
    await signIn('agent-7', KEYS.support);
    const approved = await openRecoveryCase(warden, uniqueEmail('queue-a'), 'My phone was stolen on the train.');
    const stale = await openRecoveryCase(warden, uniqueEmail('queue-b'), 'My phone fell into the sea.');
    await page.goto(url('/console/queues'));
    await expectNoSeriousA11yViolations(page);

    const first = page.getByRole('listitem').filter({ hasText: 'My phone was stolen on the train.' });
    await first.getByLabel('Note').fill('ID checked on a video call');
    await first.getByRole('checkbox').check();
    await first.getByRole('button', { name: 'Approve' }).click();
    await outcome('Approved');
    expect(await page.getByRole('region', { name: 'Lost-2FA recovery cases' }).textContent()).not.toContain('stolen on the train');
    expect(approved.caseId).toBeDefined();

    // Someone else decides the other case while this page is open.
    const other = page.getByRole('listitem').filter({ hasText: 'My phone fell into the sea.' });
    const elsewhere = await supportPost(warden, `/v1/recovery-cases/${stale.caseId}/decision`, { decision: 'approve', note: 'done by a colleague' });
    expect(elsewhere.status).toBe(200);
    await other.getByLabel('Note').fill('no proof');
    await other.getByRole('checkbox').check();
    await other.getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('alert').filter({ hasText: 'That recovery case is not open any more' }).waitFor();
  });

  it('compliance: opens the history, verifies integrity, picks a past instant, filters between two instants, downloads NDJSON', async () => {
    const email = uniqueEmail('history');
    const accountId = await verifiedAccount(warden, email);
    const locked = await supportPost(warden, `/v1/accounts/${accountId}/lock`, { reason: 'fraud report' });
    expect(locked.status).toBe(200);
    // An instant after the lock and before the unlock, whole seconds (the picker's precision).
    const between = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
    while (Date.now() <= between.getTime()) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await supportPost(warden, `/v1/accounts/${accountId}/unlock`, { reason: 'cleared' })).status).toBe(200);
    const picker = between.toISOString().slice(0, 19);

    await chromium.context.clearCookies(); // a reviewer on their own browser
    await signIn('auditor-9', KEYS.compliance);
    await page.waitForURL(/\/console\/compliance$/);
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Account id').fill(accountId);
    await page.getByRole('button', { name: 'Open history' }).click();
    await page.waitForURL(url(`/console/compliance/${accountId}/history`));
    const timeline = page.getByRole('table');
    expect(await timeline.getByRole('row').nth(1).textContent()).toContain('AccountRegistered');
    expect(await timeline.textContent()).toContain('support: agent-7');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Verify integrity' }).click();
    await page.getByRole('status').filter({ hasText: 'Valid.' }).waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'State as of…' }).click();
    await page.getByLabel('State as of (UTC)').fill(picker);
    await page.getByRole('button', { name: 'Show state' }).click();
    await page.waitForURL(/asOf=/);
    const state = page.getByRole('region', { name: /As of/ });
    expect(await state.textContent()).toMatch(/statuslocked/);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'History' }).click();
    await page.waitForURL(/\/history$/);
    await page.getByLabel('From (UTC)').fill(picker);
    await page.getByRole('button', { name: 'Show events' }).click();
    await page.waitForURL(/since=/);
    const window = await page.getByRole('table').textContent();
    expect(window).toContain('AccountUnlocked');
    expect(window).not.toContain('AccountLocked');

    const download = await page.request.get(url(`/console/compliance/${accountId}/history.ndjson`));
    expect(download.headers()['content-disposition']).toContain('attachment');
    const lines = (await download.text()).trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(lines[0].type).toBe('AccountRegistered');
    expect(lines.map((l) => l.type)).toContain('AccountUnlocked');

    // Erased: the timeline keeps every event and marks each shredded field.
    const scheduled = await warden.http
      .delete(`/v1/accounts/${accountId}`)
      .set('Authorization', `Bearer ${KEYS.support}`)
      .set('X-Actor', 'agent-7')
      .send({ reason: 'owner asked for erasure', ticketRef: 'SUP-7', graceDays: 0 });
    expect(scheduled.status).toBe(202);
    await until('the account to be erased', async () => {
      const history = await asText(complianceGet(warden, `/v1/compliance/accounts/${accountId}/history`));
      const text = String(history.body);
      return text.includes('AccountDeleted') && text.includes('[erased]') ? true : undefined;
    });
    await page.goto(url(`/console/compliance/${accountId}/history`));
    expect(await page.locator('mark').first().textContent()).toBe('"[erased]"');
    expect(await page.getByRole('table').textContent()).not.toContain(email);
    await expectNoSeriousA11yViolations(page);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'console-history.png'), fullPage: true });
  });
});
