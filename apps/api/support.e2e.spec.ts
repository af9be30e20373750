import { logIn, register, supportGet, uniqueEmail, verifiedAccount } from '../testing/flows';
import { startWarden, type TestWarden } from '../testing/warden-harness';

interface AuditEntry {
  eventId: string;
  type: string;
  occurredAt: string;
}

describe('support queries over HTTP', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden({ env: { THROTTLE_ACCOUNT_FREE_FAILURES: '100' } });
  });
  afterAll(() => w.close());

  /** All pages of an account's audit, following nextCursor. */
  async function allPages(accountId: string, query: string, minPosition: string, meanwhile: () => Promise<unknown>) {
    const pages: AuditEntry[][] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res: { status: number; body: { entries: AuditEntry[]; nextCursor: string | null } } = await supportGet(w, `/v1/accounts/${accountId}/audit?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`).set(
        'X-Min-Position',
        minPosition,
      );
      expect(res.status).toBe(200);
      pages.push(res.body.entries);
      cursor = res.body.nextCursor;
      // Events arriving while paging must not shift the pages already handed out.
      if (pages.length === 1) await meanwhile();
    }
    return pages;
  }

  it('finds accounts by email or username, case-insensitively', async () => {
    const email = uniqueEmail('Find.Me');
    const username = `finder${Date.now()}`;
    const res = await register(w, email, { username });
    const byEmail = await supportGet(w, `/v1/support/accounts?email=${encodeURIComponent(email.toUpperCase())}`).set(
      'X-Min-Position',
      res.headers['x-event-position'],
    );
    expect(byEmail.body.accounts).toEqual([expect.objectContaining({ accountId: res.body.accountId, email, username })]);
    const byUsername = await supportGet(w, `/v1/support/accounts?username=${username.toUpperCase()}`);
    expect(byUsername.body.accounts.map((a: { accountId: string }) => a.accountId)).toEqual([res.body.accountId]);
    expect((await supportGet(w, '/v1/support/accounts')).status).toBe(400);
  });

  it('pages the audit newest first with a stable cursor, and filters by type and time', async () => {
    const email = uniqueEmail('audit');
    const accountId = await verifiedAccount(w, email);
    await logIn(w, email, 'Wrong7Password');
    await logIn(w, email, 'Wrong7Password');
    const last = await logIn(w, email);
    const position = last.headers['x-event-position'];

    const whole = (await supportGet(w, `/v1/accounts/${accountId}/audit?limit=200`).set('X-Min-Position', position)).body.entries as AuditEntry[];
    // Registered, verification requested, verified, two failures, session started, signed in.
    expect(whole.map((e) => e.type)).toEqual([
      'LoginSucceeded',
      'SessionStarted',
      'LoginFailed',
      'LoginFailed',
      'EmailVerified',
      'EmailVerificationRequested',
      'AccountRegistered',
    ]);
    const times = whole.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);

    const pages = await allPages(accountId, '', position, () => logIn(w, email, 'Wrong7Password'));
    // A refused login carries no position (it would tell a known account from an unknown one).
    const latest = (await logIn(w, email)).headers['x-event-position'];
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    expect(pages.flat().map((e) => e.eventId)).toEqual(whole.map((e) => e.eventId));

    // Two failures before the paging, one while it ran.
    const failures = await supportGet(w, `/v1/accounts/${accountId}/audit?type=LoginFailed`).set('X-Min-Position', latest);
    expect(failures.body.entries.map((e: AuditEntry) => e.type)).toEqual(['LoginFailed', 'LoginFailed', 'LoginFailed']);

    const middle = whole[Math.floor(whole.length / 2)].occurredAt;
    const from = await supportGet(w, `/v1/accounts/${accountId}/audit?limit=200&from=${encodeURIComponent(middle)}`);
    expect(from.body.entries.length).toBeGreaterThan(0);
    expect(from.body.entries.every((e: AuditEntry) => e.occurredAt >= middle)).toBe(true);
    const to = await supportGet(w, `/v1/accounts/${accountId}/audit?limit=200&to=${encodeURIComponent(middle)}`);
    expect(to.body.entries.every((e: AuditEntry) => e.occurredAt <= middle)).toBe(true);
    expect(from.body.entries.length + to.body.entries.length).toBeGreaterThanOrEqual(whole.length);

    expect((await supportGet(w, `/v1/accounts/${accountId}/audit?cursor=not-a-cursor!`)).status).toBe(400);
    expect((await supportGet(w, `/v1/accounts/${accountId}/audit?from=yesterday`)).status).toBe(400);
  });
});
