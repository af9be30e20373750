import { tokenFromLink, readOutbox } from '../testing/outbox';
import { authPost, introspect, logIn, mailTo, PASSWORD, signedIn, supportGet, supportPost, uniqueEmail, verifiedAccount } from '../testing/flows';
import { CLIENT, startWarden, type TestWarden } from '../testing/warden-harness';
import { until } from '../testing/until';

const NEW_PASSWORD = 'Brand9NewSecret';

describe('passwords over HTTP: reset, change, staff disable', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden({ env: { UNIFORM_RESPONSE_MS: '20' } });
  });
  afterAll(() => w.close());

  const requestReset = (email: string) => authPost(w, '/v1/password-resets', { email, context: CLIENT });
  /** The reset token of a mail to this address, other than the ones already known. */
  const resetToken = (email: string, known: string[] = []) =>
    until(
      'the reset mail',
      async () =>
        readOutbox(w.dataDir)
          .filter((m) => m.to.includes(email) && m.subject === 'Reset your password')
          .map((m) => tokenFromLink(m.text, 'reset-password'))
          .find((t) => !known.includes(t)),
      10_000,
    );
  const complete = (token: string, newPassword = NEW_PASSWORD) => authPost(w, '/v1/password-resets/complete', { token, newPassword });

  it('resets a forgotten password by mail: ends every session, mails a notice, the link works once', async () => {
    const email = uniqueEmail('reset');
    const accountId = await verifiedAccount(w, email);
    const session = await signedIn(w, email);

    expect((await requestReset(email)).status).toBe(202);
    const token = await resetToken(email);
    const mail = await mailTo(w, email, 'Reset your password');
    expect(mail.text).toContain(`http://warden.test/reset-password?token=${token}`);
    expect(mail.html).toContain(`http://warden.test/reset-password?token=${token}`);

    const weak = await complete(token, 'password');
    expect(weak.status).toBe(400);
    expect(weak.body.error).toBe('weak_password');

    const done = await complete(token);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ accountId, status: 'active' });
    expect((await introspect(w, session.sessionToken)).body).toEqual({ active: false });
    expect((await logIn(w, email)).status).toBe(401);
    expect((await logIn(w, email, NEW_PASSWORD)).status).toBe(200);
    await mailTo(w, email, 'Your password was changed');

    const again = await complete(token, 'Another7Secret');
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_token');
  });

  it('voids an older link when a newer one is requested', async () => {
    const email = uniqueEmail('newer');
    await verifiedAccount(w, email);
    await requestReset(email);
    const older = await resetToken(email);
    await requestReset(email);
    const newer = await resetToken(email, [older]);
    expect((await complete(older)).body.error).toBe('invalid_token');
    expect((await complete(newer)).status).toBe(200);
  });

  it('lets exactly one of two concurrent completions of one token succeed', async () => {
    const email = uniqueEmail('race');
    await verifiedAccount(w, email);
    await requestReset(email);
    const token = await resetToken(email);
    const results = await Promise.all([complete(token, 'First7Password'), complete(token, 'Second7Password')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const winner = results[0].status === 200 ? 'First7Password' : 'Second7Password';
    expect((await logIn(w, email, winner)).status).toBe(200);
  });

  it('changes the password with the current one, keeping the session that asked', async () => {
    const email = uniqueEmail('change');
    const accountId = await verifiedAccount(w, email);
    const here = await signedIn(w, email);
    const elsewhere = await signedIn(w, email);
    const path = `/v1/accounts/${accountId}/password`;

    const wrong = await authPost(w, path, { currentPassword: 'Wrong7Password', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_credentials');

    const changed = await authPost(w, path, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, keepSessionId: here.sessionId });
    expect(changed.status).toBe(204);
    expect((await introspect(w, here.sessionToken)).body.active).toBe(true);
    expect((await introspect(w, elsewhere.sessionToken)).body.active).toBe(false);
    expect((await logIn(w, email, NEW_PASSWORD)).status).toBe(200);
    await mailTo(w, email, 'Your password was changed');
  });

  it('lets support disable a password: sessions end, logins get 403 until a reset, the owner is told what to do', async () => {
    const email = uniqueEmail('disabled');
    const accountId = await verifiedAccount(w, email);
    const session = await signedIn(w, email);

    const noActor = await w.http.post(`/v1/accounts/${accountId}/password/disable`).set('Authorization', 'Bearer support-secret-for-tests-01').send({ reason: 'x' });
    expect(noActor.status).toBe(400);

    const disabled = await supportPost(w, `/v1/accounts/${accountId}/password/disable`, { reason: 'ticket 12: credential stuffing suspected' });
    expect(disabled.status).toBe(200);
    expect((await introspect(w, session.sessionToken)).body.active).toBe(false);

    const login = await logIn(w, email);
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ error: 'password_disabled', details: { action: 'reset_password' } });
    expect((await logIn(w, email, 'Wrong7Password')).status).toBe(401);

    const mail = await mailTo(w, email, 'Action needed: your password was disabled');
    for (const step of [/malware/i, /mailbox/i, /reset/i, /recent account activity/i, /contact our support/i]) {
      expect(mail.text).toMatch(step);
      expect(mail.html).toMatch(step);
    }
    expect(mail.text).not.toContain('credential stuffing');

    const view = await supportGet(w, `/v1/accounts/${accountId}`).set('X-Min-Position', disabled.headers['x-event-position']);
    expect(view.body.passwordDisabled).toBe(true);

    await requestReset(email);
    expect((await complete(await resetToken(email))).status).toBe(200);
    expect((await logIn(w, email, NEW_PASSWORD)).status).toBe(200);
  });
});
