import { bearer, startWarden, type TestWarden } from '../testing/warden-harness';
import { authPost, introspect, logIn, signedIn, supportPost, uniqueEmail, verifiedAccount } from '../testing/flows';

describe('sessions over HTTP', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden({ env: { SESSION_TOUCH_SECONDS: '0' } });
  });
  afterAll(() => w.close());

  const listSessions = (accountId: string, minPosition?: string) => {
    const req = w.http.get(`/v1/accounts/${accountId}/sessions`).set('Authorization', bearer('auth'));
    return minPosition ? req.set('X-Min-Position', minPosition) : req;
  };

  it('lists active sessions, revokes one, and signs out everywhere else', async () => {
    const email = uniqueEmail('sessions');
    const accountId = await verifiedAccount(w, email);
    const [a, b, c] = [await signedIn(w, email), await signedIn(w, email), await signedIn(w, email)];

    const listed = await listSessions(accountId, (await logIn(w, email)).headers['x-event-position']);
    expect(listed.body.sessions).toHaveLength(4);

    const revoked = await w.http.delete(`/v1/accounts/${accountId}/sessions/${b.sessionId}`).set('Authorization', bearer('auth'));
    expect(revoked.status).toBe(204);
    expect((await introspect(w, b.sessionToken)).body).toEqual({ active: false });
    const missing = await w.http.delete(`/v1/accounts/${accountId}/sessions/${b.sessionId}`).set('Authorization', bearer('auth'));
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('session_not_found');

    const others = await authPost(w, `/v1/accounts/${accountId}/sessions/revoke-others`, { keepSessionId: a.sessionId });
    expect(others.status).toBe(200);
    expect(others.body).toEqual({ revoked: 2 });
    expect((await introspect(w, a.sessionToken)).body.active).toBe(true);
    expect((await introspect(w, c.sessionToken)).body.active).toBe(false);

    const after = await listSessions(accountId, others.headers['x-event-position']);
    expect(after.body.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([a.sessionId]);
  });

  it('lets support end every session', async () => {
    const email = uniqueEmail('revoke-all');
    const accountId = await verifiedAccount(w, email);
    const sessions = [await signedIn(w, email), await signedIn(w, email)];
    const res = await supportPost(w, `/v1/accounts/${accountId}/sessions/revoke-all`);
    expect(res.body).toEqual({ revoked: 2 });
    for (const s of sessions) expect((await introspect(w, s.sessionToken)).body.active).toBe(false);
    const staffDelete = await w.http
      .delete(`/v1/accounts/${accountId}/sessions/${sessions[0].sessionId}`)
      .set('Authorization', bearer('support'))
      .set('X-Actor', 'agent-7');
    expect(staffDelete.status).toBe(404);
  });

  it('records lastSeenAt when a session is used', async () => {
    const email = uniqueEmail('seen');
    const accountId = await verifiedAccount(w, email);
    const s = await signedIn(w, email);
    const seen = (list: { sessionId: string; lastSeenAt: string }[]) => list.find((x) => x.sessionId === s.sessionId)!.lastSeenAt;
    const before = (await listSessions(accountId, (await logIn(w, email)).headers['x-event-position'])).body.sessions;
    // The use must be recorded at a later millisecond than the sign-in: wait for the clock to pass it.
    while (Date.now() <= Date.parse(seen(before))) await new Promise((r) => setImmediate(r));
    await introspect(w, s.sessionToken);
    const latest = await logIn(w, email);
    const after = (await listSessions(accountId, latest.headers['x-event-position'])).body.sessions;
    expect(Date.parse(seen(after))).toBeGreaterThan(Date.parse(seen(before)));
  });

  it('never leaves a revoked session active when revocation races introspection', async () => {
    const email = uniqueEmail('race');
    const accountId = await verifiedAccount(w, email);
    for (let round = 0; round < 5; round++) {
      const s = await signedIn(w, email);
      const introspections = Array.from({ length: 12 }, () => introspect(w, s.sessionToken));
      const revocation = w.http.delete(`/v1/accounts/${accountId}/sessions/${s.sessionId}`).set('Authorization', bearer('auth'));
      const [revoked] = await Promise.all([revocation, ...introspections]);
      expect(revoked.status).toBe(204);
      // Whatever interleaving happened, once the revocation answered the session is over for good,
      // and no concurrent use (SessionSeen) brought it back.
      const checks = await Promise.all(Array.from({ length: 5 }, () => introspect(w, s.sessionToken)));
      expect(checks.every((r) => r.body.active === false)).toBe(true);
    }
  });

  it('shows the customer their security activity in plain words', async () => {
    const email = uniqueEmail('activity');
    const accountId = await verifiedAccount(w, email);
    await logIn(w, email, 'Wrong7Password');
    const login = await logIn(w, email);
    const feed = await w.http
      .get(`/v1/accounts/${accountId}/activity?limit=2`)
      .set('Authorization', bearer('auth'))
      .set('X-Min-Position', login.headers['x-event-position']);
    expect(feed.status).toBe(200);
    expect(feed.body.entries).toEqual([
      expect.objectContaining({ kind: 'sign_in', description: 'You signed in.', ip: '203.0.113.7' }),
      expect.objectContaining({ kind: 'sign_in_failed', description: 'Someone tried to sign in with a wrong password.' }),
    ]);
    const rest = await w.http.get(`/v1/accounts/${accountId}/activity?cursor=${feed.body.nextCursor}`).set('Authorization', bearer('auth'));
    expect(rest.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['email_verified', 'account_created']);
    expect(rest.body.nextCursor).toBeNull();
  });
});
