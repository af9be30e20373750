import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { register, signedIn, supportGet, uniqueEmail, verifiedAccount } from '../../testing/flows';
import { openAppeal } from '../../testing/support-cases';
import { appendEvents } from '@warden/projections/testing/append-events';
import { KEYS, startWarden, type TestWarden } from '../../testing/warden-harness';

type Agent = ReturnType<typeof request.agent>;

const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1];
const cookiesOf = (res: request.Response): string[] => (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];

/** A browser-like client: keeps cookies, posts forms with the page's CSRF token. */
async function signedInAgent(w: TestWarden, staffId: string, key: string): Promise<{ agent: Agent; csrf: string; signIn: request.Response }> {
  const agent = request.agent(w.server);
  const page = await agent.get('/console');
  const signIn = await agent.post('/console/sign-in').type('form').send({ _csrf: csrfOf(page.text), staffId, apiKey: key });
  const home = await agent.get('/console/search');
  return { agent, csrf: home.status === 200 ? csrfOf(home.text) : '', signIn };
}

describe('console over HTTP', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden();
  });
  afterAll(() => w.close());

  it('exchanges a staff id and a support key for a session cookie (HttpOnly, SameSite=Strict); the key is nowhere after', async () => {
    const { agent, signIn } = await signedInAgent(w, 'agent-7', KEYS.support);
    expect(signIn.status).toBe(303);
    expect(signIn.headers.location).toBe('/console');
    const [session] = cookiesOf(signIn).filter((c) => c.startsWith('warden_console='));
    expect(session).toMatch(/^warden_console=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(session).not.toContain(KEYS.support);
    const search = await agent.get('/console/search');
    expect(search.status).toBe(200);
    expect(search.text).toContain('agent-7');
    expect(search.text).not.toContain(KEYS.support);
    expect(search.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('refuses a sign-in without the form\'s CSRF token, with an auth key, or with no staff id', async () => {
    const agent = request.agent(w.server);
    const page = await agent.get('/console');
    const forged = await agent.post('/console/sign-in').type('form').send({ staffId: 'agent-7', apiKey: KEYS.support });
    expect(forged.status).toBe(403);
    expect(cookiesOf(forged).some((c) => c.includes('warden_console='))).toBe(false);
    const auth = await agent.post('/console/sign-in').type('form').send({ _csrf: csrfOf(page.text), staffId: 'agent-7', apiKey: KEYS.auth });
    expect(auth.status).toBe(401);
    expect(auth.text).toContain('not a support or compliance key');
    expect(auth.text).not.toContain(KEYS.auth);
    const anonymous = await agent.post('/console/sign-in').type('form').send({ _csrf: csrfOf(page.text), staffId: '  ', apiKey: KEYS.support });
    expect(anonymous.status).toBe(401);
    expect((await agent.get('/console/search')).headers.location).toBe('/console');
  });

  it('refuses an action without the CSRF token or without the confirmation, and records the staff member as the actor', async () => {
    const accountId = await verifiedAccount(w, uniqueEmail('csrf'));
    const { agent, csrf } = await signedInAgent(w, 'agent-12', KEYS.support);
    const forged = await agent.post(`/console/accounts/${accountId}/actions/lock`).type('form').send({ reason: 'x', confirm: 'yes' });
    expect(forged.status).toBe(403);
    const unconfirmed = await agent.post(`/console/accounts/${accountId}/actions/lock`).type('form').send({ _csrf: csrf, reason: 'x' });
    expect(unconfirmed.status).toBe(303);
    expect((await agent.get(unconfirmed.headers.location as string)).text).toContain('tick the confirmation box');
    expect((await supportGet(w, `/v1/accounts/${accountId}`)).body.status).toBe('active');

    const locked = await agent.post(`/console/accounts/${accountId}/actions/lock`).type('form').send({ _csrf: csrf, reason: 'phishing report', confirm: 'yes' });
    expect(locked.status).toBe(303);
    const page = await agent.get(locked.headers.location as string);
    expect(page.text).toContain('The account is locked');
    const audit = await supportGet(w, `/v1/accounts/${accountId}/audit?type=AccountLocked`);
    expect(audit.body.entries[0].actor).toEqual({ type: 'support', id: 'agent-12' });
  });

  it('runs every support action through its contract call', async () => {
    const email = uniqueEmail('every');
    const accountId = await verifiedAccount(w, email);
    await signedIn(w, email);
    const { agent, csrf } = await signedInAgent(w, 'agent-7', KEYS.support);
    const act = async (path: string, form: Record<string, string> = {}) => {
      const res = await agent.post(path).type('form').send({ _csrf: csrf, confirm: 'yes', ...form });
      expect(res.status).toBe(303);
      return agent.get(res.headers.location as string);
    };
    const base = `/console/accounts/${accountId}`;
    const view = async () => (await supportGet(w, `/v1/accounts/${accountId}`)).body as { status: string; passwordDisabled: boolean; activeSessionCount: number };

    expect((await act(`${base}/actions/revoke-all-sessions`)).text).toContain('Every session is ended.');
    expect((await view()).activeSessionCount).toBe(0);
    expect((await act(`${base}/actions/disable-password`, { reason: 'leaked in a breach' })).text).toContain('The password is disabled');
    expect((await view()).passwordDisabled).toBe(true);
    expect((await act(`${base}/actions/suspend`, { reason: 'spam', policyRef: 'ToS 4.2' })).text).toContain('The account is suspended');
    expect((await act(`${base}/actions/reinstate`, { reason: 'mistake' })).text).toContain('The account is reinstated.');
    expect((await view()).status).toBe('active');
    expect((await act(`${base}/actions/schedule-deletion`, { reason: 'owner asked', ticketRef: 'SUP-1', graceDays: '7' })).text).toContain('Deletion is scheduled.');
    expect((await view()).status).toBe('deletion_scheduled');
    expect((await act(`${base}/actions/cancel-deletion`)).text).toContain('The deletion is cancelled.');
    expect((await view()).status).toBe('active');

    const username = `held${Date.now()}`;
    expect((await act('/console/usernames/lock', { username, reason: 'brand name' })).text).toContain(`The username “${username}” is locked`);
    expect((await register(w, uniqueEmail('taker'), { username })).body.error).toBe('username_locked');
    expect((await act('/console/usernames/release', { username })).text).toContain(`The username “${username}” is released.`);
    expect((await register(w, uniqueEmail('taker'), { username })).status).toBe(201);

    const appeal = await openAppeal(w, uniqueEmail('appeal'), 'Not me.');
    const queue = await agent.get('/console/queues').set('X-Min-Position', appeal.position);
    expect(queue.text).toContain('Not me.');
    const decided = await act(`/console/queues/appeals/${appeal.accountId}/${appeal.appealId}`, { decision: 'approve', note: 'hacked, now secured' });
    expect(decided.text).toContain('Approved: the account is reinstated');
    expect((await supportGet(w, `/v1/accounts/${appeal.accountId}`)).body.status).toBe('active');
  });

  it('shows an outcome once, on the page its action redirected to, and in no other tab', async () => {
    const [first, second] = [await verifiedAccount(w, uniqueEmail('tab-a')), await verifiedAccount(w, uniqueEmail('tab-b'))];
    const { agent, csrf } = await signedInAgent(w, 'agent-7', KEYS.support);
    const locked = await agent.post(`/console/accounts/${first}/actions/lock`).type('form').send({ _csrf: csrf, reason: 'fraud', confirm: 'yes' });
    expect(locked.headers.location).toMatch(new RegExp(`^/console/accounts/${first}\\?outcome=[A-Za-z0-9_-]+$`));

    // Another tab of the same session, on another account and on the same one, before the redirect lands.
    expect((await agent.get(`/console/accounts/${second}`)).text).not.toContain('The account is locked');
    expect((await agent.get(`/console/accounts/${first}`)).text).not.toContain('The account is locked');
    expect((await agent.get(locked.headers.location as string)).text).toContain('The account is locked');
    expect((await agent.get(locked.headers.location as string)).text).not.toContain('The account is locked'); // a reload
  });

  it('shows a refusal in plain words, and refuses paths that would climb out of the contract', async () => {
    const accountId = await verifiedAccount(w, uniqueEmail('refusal'));
    const { agent, csrf } = await signedInAgent(w, 'agent-7', KEYS.support);
    const refused = await agent.post(`/console/accounts/${accountId}/actions/reinstate`).type('form').send({ _csrf: csrf, reason: 'x', confirm: 'yes' });
    expect((await agent.get(refused.headers.location as string)).text).toContain("The account&#39;s current state does not allow this (it is active).");
    expect((await agent.post('/console/usernames/release').type('form').send({ _csrf: csrf, username: '..', confirm: 'yes' })).status).toBe(404);
    expect((await agent.post(`/console/accounts/${accountId}/actions/constructor`).type('form').send({ _csrf: csrf, confirm: 'yes' })).status).toBe(404);
    expect((await agent.get('/console/accounts/..%2Fsupport%2Faccounts')).status).toBe(404);
  });

  it('shows where an integrity check breaks', async () => {
    const accountId = await verifiedAccount(w, uniqueEmail('tamper'));
    const { agent } = await signedInAgent(w, 'auditor-9', KEYS.compliance);
    expect((await agent.get(`/console/compliance/${accountId}/integrity`)).text).toContain('<strong>Valid.</strong>');
    const db = new Database(join(w.dataDir, 'events.db'));
    try {
      const changed = db.prepare(`UPDATE events SET data = json_set(data, '$.expiresAt', '2099-01-01T00:00:00.000Z') WHERE stream_id = ? AND revision = 1`).run(`account-${accountId}`);
      expect(changed.changes).toBe(1);
    } finally {
      db.close();
    }
    const broken = await agent.get(`/console/compliance/${accountId}/integrity`);
    expect(broken.text).toMatch(/<strong>Broken<\/strong> at revision 1 \(event <code>[0-9a-f-]{36}<\/code>\): hash mismatch\./);
    expect(broken.text).toContain('role="alert"');
  });

  it('pages through a long history 100 events at a time, oldest first', async () => {
    const accountId = await verifiedAccount(w, uniqueEmail('long'));
    await appendEvents(w.warden.services.events, `account-${accountId}`, Array<string>(247).fill('SessionSeen')); // 250 in all
    const { agent } = await signedInAgent(w, 'auditor-9', KEYS.compliance);
    const revisions = (html: string) => [...html.matchAll(/<tr><td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    const first = await agent.get(`/console/compliance/${accountId}/history`);
    expect(revisions(first.text)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(first.text).toContain(`href="/console/compliance/${accountId}/history?from=100">Next 100 events</a>`);
    const last = await agent.get(`/console/compliance/${accountId}/history?from=200`);
    expect(revisions(last.text)).toEqual(Array.from({ length: 50 }, (_, i) => 200 + i));
    expect(last.text).not.toContain('Next 100 events');
    expect(last.text).toContain('First events');
    const exactlyFull = await agent.get(`/console/compliance/${accountId}/history?from=150`);
    expect(revisions(exactlyFull.text)).toHaveLength(100);
    expect(exactlyFull.text).not.toContain('Next 100 events');
  });

  it('keeps each scope to its pages', async () => {
    const compliance = await signedInAgent(w, 'auditor-9', KEYS.compliance);
    expect((await compliance.agent.get('/console')).headers.location).toBe('/console/compliance');
    expect((await compliance.agent.get('/console/search')).status).toBe(403);
    const support = await signedInAgent(w, 'agent-7', KEYS.support);
    expect((await support.agent.get('/console/compliance')).status).toBe(403);
  });

  it('signs out: the session is gone from the store, not only the cookie', async () => {
    const { agent, csrf, signIn } = await signedInAgent(w, 'agent-7', KEYS.support);
    const session = cookiesOf(signIn).find((c) => c.startsWith('warden_console='))!.split(';')[0];
    const out = await agent.post('/console/sign-out').type('form').send({ _csrf: csrf });
    expect(out.status).toBe(303);
    expect(cookiesOf(out).find((c) => c.startsWith('warden_console='))).toMatch(/Max-Age=0/);
    expect((await agent.get('/console/search')).headers.location).toBe('/console');
    // The old cookie, replayed by someone who kept it, opens nothing.
    expect((await request(w.server).get('/console/search').set('Cookie', session)).headers.location).toBe('/console');
  });
});

describe('console reads its own writes', () => {
  it('shows the state an action made on the very next page, though the projector is slow', async () => {
    // A projector that polls only every 400 ms: without X-Min-Position the page after the
    // redirect would still show the account active.
    const w = await startWarden({ env: { PROJECTOR_POLL_MS: '400' } });
    try {
      const accountId = await verifiedAccount(w, uniqueEmail('ryw'));
      const { agent, csrf } = await signedInAgent(w, 'agent-7', KEYS.support);
      for (const [action, status] of [['lock', 'locked'], ['unlock', 'active'], ['suspend', 'suspended']] as const) {
        const acted = await agent.post(`/console/accounts/${accountId}/actions/${action}`).type('form').send({ _csrf: csrf, reason: 'r', policyRef: 'ToS 1', confirm: 'yes' });
        const page = await agent.get(acted.headers.location as string);
        expect(page.text).toContain(`<dt>Status</dt><dd><strong>${status}</strong></dd>`);
      }
    } finally {
      await w.close();
    }
  });
});

describe('console on an https PUBLIC_URL', () => {
  it('sets its session cookie Secure, with the __Host- prefix', async () => {
    const w = await startWarden({ env: { PUBLIC_URL: 'https://warden.example' } });
    try {
      // The test talks plain HTTP, so it hands the Secure cookies back itself.
      const page = await request(w.server).get('/console');
      const csrfCookie = cookiesOf(page)[0].split(';')[0];
      const signIn = await request(w.server).post('/console/sign-in').set('Cookie', csrfCookie).type('form').send({ _csrf: csrfOf(page.text), staffId: 'agent-7', apiKey: KEYS.support });
      expect(signIn.status).toBe(303);
      const session = cookiesOf(signIn).find((c) => c.startsWith('__Host-warden_console='))!;
      expect(session).toMatch(/^__Host-warden_console=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
      const search = await request(w.server).get('/console/search').set('Cookie', session.split(';')[0]);
      expect(search.status).toBe(200);
    } finally {
      await w.close();
    }
  });
});

describe('console behind an authenticating proxy', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden({
      env: { CONSOLE_SIGN_IN: 'proxy', CONSOLE_PROXY_SCOPES: 'helpdesk=support,audit=compliance', CONSOLE_PROXY_API_KEYS: 'support=desk' },
    });
  });
  afterAll(() => w.close());

  const asStaff = (agent: Agent, path: string, email: string, groups: string) => agent.get(path).set('X-Forwarded-Email', email).set('X-Forwarded-Groups', groups);

  it('takes the staff id from the trusted header and the scope from the group mapping', async () => {
    const agent = request.agent(w.server);
    const search = await asStaff(agent, '/console/search', 'kim@corp.example', 'staff, helpdesk');
    expect(search.status).toBe(200);
    expect(search.text).toContain('kim@corp.example');
    expect(search.text).not.toContain('Sign out'); // the proxy owns the sign-in
    expect((await asStaff(agent, '/console/compliance', 'kim@corp.example', 'helpdesk')).status).toBe(403);
    expect((await asStaff(request.agent(w.server), '/console/compliance', 'lee@corp.example', 'staff|audit')).status).toBe(200);
  });

  it('acts as the person the proxy names, with the configured key', async () => {
    const accountId = await verifiedAccount(w, uniqueEmail('proxy'));
    const agent = request.agent(w.server);
    const page = await asStaff(agent, `/console/accounts/${accountId}`, 'kim@corp.example', 'helpdesk');
    const locked = await agent
      .post(`/console/accounts/${accountId}/actions/lock`)
      .set('X-Forwarded-Email', 'kim@corp.example')
      .set('X-Forwarded-Groups', 'helpdesk')
      .type('form')
      .send({ _csrf: csrfOf(page.text), reason: 'fraud', confirm: 'yes' });
    expect(locked.status).toBe(303);
    // The page after the action reads its write (X-Min-Position), so the audit has it too.
    expect((await asStaff(agent, locked.headers.location as string, 'kim@corp.example', 'helpdesk')).text).toContain('The account is locked');
    const audit = await supportGet(w, `/v1/accounts/${accountId}/audit?type=AccountLocked`);
    expect(audit.body.entries[0].actor).toEqual({ type: 'support', id: 'kim@corp.example' });
  });

  it('shows no console to a request the proxy did not name, or whose groups map to nothing; no key sign-in', async () => {
    expect((await request(w.server).get('/console')).status).toBe(403);
    expect((await request(w.server).get('/console').set('X-Forwarded-Email', 'kim@corp.example').set('X-Forwarded-Groups', 'sales')).status).toBe(403);
    expect((await request(w.server).get('/console/search')).headers.location).toBe('/console');
  });
});

describe('console settings checked at start-up', () => {
  it('refuses to start when the proxy mapping names an API key that does not exist', async () => {
    await expect(startWarden({ env: { CONSOLE_SIGN_IN: 'proxy', CONSOLE_PROXY_SCOPES: 'audit=compliance', CONSOLE_PROXY_API_KEYS: 'compliance=nobody' } })).rejects.toThrow(
      'CONSOLE_PROXY_API_KEYS: no API key named "nobody" holds the compliance scope',
    );
  });
});

describe('console turned off', () => {
  it('serves no /console with CONSOLE_SIGN_IN=off', async () => {
    const w = await startWarden({ env: { CONSOLE_SIGN_IN: 'off' } });
    try {
      expect((await request(w.server).get('/console')).status).toBe(404);
    } finally {
      await w.close();
    }
  });
});
