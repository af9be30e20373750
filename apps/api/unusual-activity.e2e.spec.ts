import { tokenFromLink } from '../testing/outbox';
import { authPost, headPosition, logIn, mailTo, PASSWORD, signedIn, introspect, supportGet, supportPost, uniqueEmail, verifiedAccount } from '../testing/flows';
import { CLIENT, startWarden, type TestWarden } from '../testing/warden-harness';
import { settled } from '../testing/settled';

const WRONG = 'Wrong7Password';

describe('unusual activity: throttling, locks, ownership verification, new sign-in alerts', () => {
  let w: TestWarden;
  beforeAll(async () => {
    // Throttling is tested on its own below; here it must not get in the way of the lock.
    w = await startWarden({ env: { THROTTLE_ACCOUNT_FREE_FAILURES: '100', THROTTLE_IP_FREE_FAILURES: '1000', UNIFORM_RESPONSE_MS: '20' } });
  });
  afterAll(() => w.close());

  it('locks the account after 10 failures in 15 minutes, whatever the case of the email typed', async () => {
    const email = uniqueEmail('lock');
    const accountId = await verifiedAccount(w, email);
    const session = await signedIn(w, email);
    const typed = [email, email.toUpperCase(), ` ${email} `.trim(), email.replace(/^./, (c) => c.toUpperCase())];
    for (let i = 0; i < 10; i++) {
      const res = await logIn(w, typed[i % typed.length], WRONG);
      expect(res.status).toBe(401);
    }
    expect((await introspect(w, session.sessionToken)).body.active).toBe(false);

    const correct = await logIn(w, email);
    expect(correct.status).toBe(403);
    expect(correct.body).toMatchObject({ error: 'account_locked', details: { unlock: 'verify_ownership' } });
    // Attempts while locked do not count, and still answer like any wrong password.
    expect((await logIn(w, email, WRONG)).body.error).toBe('invalid_credentials');

    const alert = await mailTo(w, email, 'Your account was locked after unusual sign-in activity');
    const token = tokenFromLink(alert.text, 'verify-ownership');
    expect(alert.html).toContain(`verify-ownership?token=${token}`);

    const view = await supportGet(w, `/v1/accounts/${accountId}`).set('X-Min-Position', await headPosition(w));
    expect(view.body).toMatchObject({ status: 'locked', lock: { reason: 'unusual_activity', since: expect.any(String) } });

    const verified = await authPost(w, '/v1/ownership-verifications/complete', { token });
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('active');
    expect((await logIn(w, email)).status).toBe(200);
    expect((await authPost(w, '/v1/ownership-verifications/complete', { token })).body.error).toBe('invalid_token');
  });

  it('lets a password reset, requested and completed while locked, lift the lock', async () => {
    const email = uniqueEmail('locked-reset');
    await verifiedAccount(w, email);
    for (let i = 0; i < 10; i++) await logIn(w, email, WRONG);
    expect((await logIn(w, email)).body.error).toBe('account_locked');

    expect((await authPost(w, '/v1/password-resets', { email, context: CLIENT })).status).toBe(202);
    const mail = await mailTo(w, email, 'Reset your password');
    const done = await authPost(w, '/v1/password-resets/complete', { token: tokenFromLink(mail.text, 'reset-password'), newPassword: 'Fresh8Password' });
    expect(done.body).toMatchObject({ status: 'active' });
    expect((await logIn(w, email, 'Fresh8Password')).status).toBe(200);
  });

  it('sends a fresh ownership link on request', async () => {
    const email = uniqueEmail('own');
    const accountId = await verifiedAccount(w, email);
    const asked = await authPost(w, `/v1/accounts/${accountId}/ownership-verification`, {});
    expect(asked.status).toBe(202);
    const mail = await mailTo(w, email, 'Confirm that this account is yours');
    const done = await authPost(w, '/v1/ownership-verifications/complete', { token: tokenFromLink(mail.text, 'verify-ownership') });
    expect(done.body).toEqual({ accountId, status: 'active' });
  });

  it('lets support lock (ending sessions) and unlock; ownership proof does not lift a staff lock', async () => {
    const email = uniqueEmail('staff-lock');
    const accountId = await verifiedAccount(w, email);
    const session = await signedIn(w, email);
    const locked = await supportPost(w, `/v1/accounts/${accountId}/lock`, { reason: 'fraud review' });
    expect(locked.body).toEqual({ accountId, status: 'locked' });
    expect((await introspect(w, session.sessionToken)).body.active).toBe(false);
    expect((await logIn(w, email)).body).toMatchObject({ error: 'account_locked', details: { unlock: 'contact_support' } });
    await mailTo(w, email, 'Your account was locked');
    expect((await supportPost(w, `/v1/accounts/${accountId}/lock`, { reason: 'again' })).body).toMatchObject({
      error: 'invalid_state',
      details: { status: 'locked' },
    });
    expect((await supportPost(w, `/v1/accounts/${accountId}/unlock`, { reason: 'review done' })).body).toEqual({ accountId, status: 'active' });
    expect((await logIn(w, email)).status).toBe(200);
  });

  it('mails a new sign-in alert for a device or network not seen before, and not for a known one', async () => {
    const email = uniqueEmail('device');
    await verifiedAccount(w, email);
    await signedIn(w, email); // the registration device and network: known
    const travel = { ip: '198.51.100.23', userAgent: 'Mozilla/5.0 (Android)', deviceId: 'phone-9' };
    await signedIn(w, email, PASSWORD, travel);
    const alert = await mailTo(w, email, 'New sign-in to your account');
    expect(alert.text).toContain('phone-9');
    expect(alert.text).toContain('198.51.100.0/24');
    const { readOutbox } = await import('../testing/outbox');
    await signedIn(w, email, PASSWORD, travel);
    await settled(w); // a second alert, had there been one, would be in the outbox by now
    expect(readOutbox(w.dataDir).filter((m) => m.to.includes(email) && m.subject === 'New sign-in to your account')).toHaveLength(1);
  });
});

describe('throttling of failed logins', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden({ env: { THROTTLE_ACCOUNT_FREE_FAILURES: '3', THROTTLE_IP_FREE_FAILURES: '6', THROTTLE_BASE_SECONDS: '30' } });
  });
  afterAll(() => w.close());

  it('answers 429 with Retry-After after the free failures, for known and unknown emails alike', async () => {
    const known = uniqueEmail('throttle');
    await verifiedAccount(w, known);
    const unknown = uniqueEmail('nobody');
    const ip = (n: number) => ({ ...CLIENT, ip: `192.0.2.${n}` });
    for (const email of [known, unknown]) {
      for (let i = 0; i < 3; i++) expect((await logIn(w, email, WRONG, ip(1))).status).toBe(401);
      const blocked = await logIn(w, email, WRONG, ip(1));
      expect(blocked.status).toBe(429);
      expect(blocked.body.error).toBe('too_many_attempts');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Throttled attempts are not counted: the account is far from locked.
    expect((await logIn(w, known, PASSWORD, ip(1))).status).toBe(429);
  });

  it('throttles an address that tries many different emails', async () => {
    const ip = { ...CLIENT, ip: '192.0.2.200' };
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await logIn(w, uniqueEmail(`spray${i}`), WRONG, ip)).status);
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses[6]).toBe(429);
  });
});
