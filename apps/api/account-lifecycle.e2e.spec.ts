import { randomUUID } from 'node:crypto';
import { bearer, CLIENT, startWarden, type TestWarden } from '../testing/warden-harness';
import { readOutbox, tokenFromLink, waitForMail } from '../testing/outbox';
import { authPost, introspect, logIn, mailTo, PASSWORD, register, supportGet } from '../testing/flows';
import { settled } from '../testing/settled';

async function verify(w: TestWarden, email: string) {
  const mail = await mailTo(w, email, 'Confirm your email address');
  return authPost(w, '/v1/email-verifications/confirm', { token: tokenFromLink(mail.text, 'verify-email') });
}

const support = supportGet;

describe('register → verify → log in → introspect → log out, over HTTP on the embedded stores', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden();
  });
  afterAll(() => w.close());

  it('runs the whole first slice as a new user would', async () => {
    const email = `ann.${randomUUID()}@example.com`;
    const registered = await register(w, email);
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({ accountId: expect.any(String), status: 'pending_verification' });
    expect(registered.headers['x-event-position']).toMatch(/^\d+/);
    const { accountId } = registered.body as { accountId: string };

    const mail = await waitForMail(w.dataDir, (m) => m.to.includes(email));
    expect(mail.subject).toBe('Confirm your email address');
    const token = tokenFromLink(mail.text, 'verify-email');
    expect(mail.text).toContain(`http://warden.test/verify-email?token=${token}`);
    expect(mail.html).toContain(`http://warden.test/verify-email?token=${token}`);

    expect((await logIn(w, email)).body).toMatchObject({ error: 'email_not_verified' });

    const confirmed = await w.http.post('/v1/email-verifications/confirm').set('Authorization', bearer('auth')).send({ token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ accountId, status: 'active' });

    const again = await w.http.post('/v1/email-verifications/confirm').set('Authorization', bearer('auth')).send({ token });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_token');

    const login = await logIn(w, email.toUpperCase());
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      result: 'session',
      sessionId: expect.any(String),
      sessionToken: expect.any(String),
      accountId,
      expiresAt: expect.any(String),
    });
    const { sessionToken, sessionId } = login.body as { sessionToken: string; sessionId: string };

    expect((await introspect(w, sessionToken)).body).toEqual({ active: true, accountId, sessionId, expiresAt: login.body.expiresAt });

    const sessions = await w.http
      .get(`/v1/accounts/${accountId}/sessions`)
      .set('Authorization', bearer('auth'))
      .set('X-Min-Position', login.headers['x-event-position']);
    expect(sessions.status).toBe(200);
    expect(sessions.body.sessions).toEqual([
      { sessionId, createdAt: expect.any(String), lastSeenAt: expect.any(String), ...CLIENT },
    ]);

    const logout = await w.http.post('/v1/sessions/logout').set('Authorization', bearer('auth')).send({ sessionToken });
    expect(logout.status).toBe(204);
    expect((await introspect(w, sessionToken)).body).toEqual({ active: false });

    const view = await support(w, `/v1/accounts/${accountId}`).set('X-Min-Position', logout.headers['x-event-position']);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      accountId,
      email,
      displayName: 'Ann Lee',
      status: 'active',
      emailVerified: true,
      totpEnabled: false,
      passwordDisabled: false,
      activeSessionCount: 0,
      failedLoginCount: 0,
      lastLoginAt: expect.any(String),
    });

    const audit = await support(w, `/v1/accounts/${accountId}/audit`);
    expect(audit.body.entries.map((e: { type: string }) => e.type)).toEqual([
      'SessionRevoked',
      'LoginSucceeded',
      'SessionStarted',
      'EmailVerified',
      'EmailVerificationRequested',
      'AccountRegistered',
    ]);
    expect(audit.body.entries[5]).toMatchObject({ actor: { type: 'service', id: 'frontend' }, ip: CLIENT.ip, userAgent: CLIENT.userAgent });
  });

  it('answers an unknown email and a wrong password alike', async () => {
    const email = `bob.${randomUUID()}@example.com`;
    await register(w, email);
    await verify(w, email);
    const wrong = await logIn(w, email, 'Wrong7Password');
    const unknown = await logIn(w, `nobody.${randomUUID()}@example.com`, 'Wrong7Password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toBe('invalid_credentials');
  });

  it('gives exactly one 201 to eight concurrent registrations of one email', async () => {
    const email = `race.${randomUUID()}@example.com`;
    const variants = [email, email.toUpperCase(), email[0].toUpperCase() + email.slice(1), email, email, email, email, email];
    const responses = await Promise.all(variants.map((e) => register(w, e)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.error === 'email_taken')).toBe(true);
  });

  it('refuses a weak password with the failed rules and writes nothing', async () => {
    const email = `weak.${randomUUID()}@example.com`;
    const res = await w.http
      .post('/v1/accounts')
      .set('Authorization', bearer('auth'))
      .send({ email, password: 'password', displayName: 'W', context: CLIENT });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('weak_password');
    expect(res.body.details).toEqual(expect.arrayContaining([{ rule: 'uppercase' }, { rule: 'digit' }, { rule: 'not_common' }]));
    // The address is still free: nothing was half-written.
    expect((await register(w, email)).status).toBe(201);
  });

  it('resends a verification link that voids the previous one, and answers 202 for unknown emails', async () => {
    const email = `resend.${randomUUID()}@example.com`;
    await register(w, email);
    const first = await waitForMail(w.dataDir, (m) => m.to.includes(email));
    const unknown = await w.http.post('/v1/email-verifications/resend').set('Authorization', bearer('auth')).send({ email: `x.${randomUUID()}@example.com` });
    expect(unknown.status).toBe(202);
    // Within the minute: silently nothing.
    const tooSoon = await w.http.post('/v1/email-verifications/resend').set('Authorization', bearer('auth')).send({ email });
    expect(tooSoon.status).toBe(202);
    await settled(w); // a mail for the resend, had it been decided, would be in the outbox by now
    expect(readOutbox(w.dataDir).filter((m) => m.to.includes(email))).toHaveLength(1);
    const oldToken = tokenFromLink(first.text, 'verify-email');
    expect(oldToken).toHaveLength(64);
  });

  it('requires a valid key, the right scope and X-Actor for staff calls', async () => {
    expect((await w.http.post('/v1/logins').send({})).status).toBe(401);
    expect((await w.http.post('/v1/logins').set('Authorization', 'Bearer wrong').send({})).body.error).toBe('unauthenticated');
    expect((await w.http.get(`/v1/accounts/${randomUUID()}`).set('Authorization', bearer('auth'))).status).toBe(403);
    const noActor = await w.http.get(`/v1/accounts/${randomUUID()}`).set('Authorization', bearer('support'));
    expect(noActor.status).toBe(400);
    expect((await support(w, `/v1/accounts/${randomUUID()}`)).body.error).toBe('account_not_found');
  });

  it('validates input field by field and refuses unknown fields', async () => {
    const res = await w.http
      .post('/v1/accounts')
      .set('Authorization', bearer('auth'))
      .send({ email: 'not-an-email', password: PASSWORD, displayName: 'A', context: { ip: 'nope', userAgent: 'x' }, admin: true });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_failed');
    const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['admin', 'context.ip', 'email']);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const res = await w.http
      .post('/v1/accounts')
      .set('Authorization', bearer('auth'))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(70 * 1024) }));
    expect(res.status).toBe(413);
  });

  it('replays an idempotent command instead of running it twice', async () => {
    const email = `idem.${randomUUID()}@example.com`;
    const send = (body: object) =>
      w.http.post('/v1/accounts').set('Authorization', bearer('auth')).set('Idempotency-Key', `k-${email}`).send(body);
    const body = { email, password: PASSWORD, displayName: 'Idem', context: CLIENT };
    const first = await send(body);
    const second = await send(body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['x-event-position']).toBe(first.headers['x-event-position']);
    expect((await send({ ...body, displayName: 'Other' })).status).toBe(422);
  });

  it('echoes or generates a correlation id and stores it on the events', async () => {
    const email = `corr.${randomUUID()}@example.com`;
    const res = await register(w, email).set('X-Correlation-Id', 'corr-e2e-1');
    expect(res.headers['x-correlation-id']).toBe('corr-e2e-1');
    const audit = await support(w, `/v1/accounts/${res.body.accountId}/audit`).set('X-Min-Position', res.headers['x-event-position']);
    expect(audit.body.entries.every((e: { correlationId: string }) => e.correlationId === 'corr-e2e-1')).toBe(true);
    expect((await w.http.get('/health/live')).headers['x-correlation-id']).toMatch(/[0-9a-f-]{36}/);
  });

  it('serves health, readiness and the OpenAPI document', async () => {
    expect((await w.http.get('/health/live')).status).toBe(200);
    const ready = await w.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    const docs = await w.http.get('/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v1/accounts', '/v1/logins', '/v1/sessions/introspect']));
  });
});

describe('restart on the same data directory', () => {
  it('keeps accounts, sessions and pending state intact', async () => {
    const first = await startWarden();
    const email = `restart.${randomUUID()}@example.com`;
    await register(first, email);
    await verify(first, email);
    const login = await logIn(first, email);
    await first.close();

    const second = await startWarden({ dataDir: first.dataDir });
    try {
      expect((await introspect(second, login.body.sessionToken)).body).toMatchObject({ active: true, accountId: login.body.accountId });
      expect((await logIn(second, email)).status).toBe(200);
      expect((await register(second, email)).body.error).toBe('email_taken');
    } finally {
      await second.close();
    }
  });
});
