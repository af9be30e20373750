import { tokenFromLink } from '../testing/outbox';
import { authPost, headPosition, totpCode, introspect, logIn, mailTo, PASSWORD, signedIn, supportGet, supportPost, uniqueEmail, verifiedAccount } from '../testing/flows';
import { bearer, CLIENT, startWarden, type TestWarden } from '../testing/warden-harness';

describe('two-factor authentication and account recovery over HTTP', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden({ env: { THROTTLE_ACCOUNT_FREE_FAILURES: '100', UNIFORM_RESPONSE_MS: '20' } });
  });
  afterAll(() => w.close());

  /** Enrols with a code of the previous step, leaving the current and next ones for login. */
  async function enrolled(email: string) {
    const accountId = await verifiedAccount(w, email);
    const started = await authPost(w, `/v1/accounts/${accountId}/totp/enrollments`, {});
    expect(started.status).toBe(201);
    const { secret, otpauthUri } = started.body as { secret: string; otpauthUri: string };
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Warden(:|%3A)/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toContain('issuer=Warden');
    expect((await authPost(w, `/v1/accounts/${accountId}/totp/enrollments/confirm`, { code: '000000' })).body.error).toBe('invalid_code');
    const confirmed = await authPost(w, `/v1/accounts/${accountId}/totp/enrollments/confirm`, { code: await totpCode(secret, -1) });
    expect(confirmed.status).toBe(200);
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    return { accountId, secret, recoveryCodes };
  }

  const secondStep = (challengeToken: string, answer: object) => authPost(w, '/v1/logins/second-factor', { challengeToken, ...answer });

  it('enrols with a real TOTP, logs in through the second step, refuses a replayed code and accepts a recovery code once', async () => {
    const email = uniqueEmail('totp');
    const { accountId, secret, recoveryCodes } = await enrolled(email);
    await mailTo(w, email, /two-factor authentication is (now )?on/i);

    const first = await logIn(w, email);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      result: 'second_factor_required',
      challengeToken: expect.any(String),
      methods: ['totp', 'recovery_code'],
      expiresAt: expect.any(String),
    });
    const code = await totpCode(secret);
    const session = await secondStep(first.body.challengeToken, { code });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ result: 'session', accountId, sessionToken: expect.any(String) });
    expect((await introspect(w, session.body.sessionToken)).body.active).toBe(true);

    // The same code again, at the next login: a replay, refused and recorded.
    const second = await logIn(w, email);
    const replay = await secondStep(second.body.challengeToken, { code });
    expect(replay.status).toBe(401);
    expect(replay.body.error).toBe('invalid_code');

    const byRecovery = await secondStep(second.body.challengeToken, { recoveryCode: recoveryCodes[0] });
    expect(byRecovery.status).toBe(200);
    const third = await logIn(w, email);
    const reused = await secondStep(third.body.challengeToken, { recoveryCode: recoveryCodes[0] });
    expect(reused.status).toBe(401);

    const audit = await supportGet(w, `/v1/accounts/${accountId}/audit?type=SecondFactorFailed`).set('X-Min-Position', await headPosition(w));
    expect(audit.body.entries.map((e: { summary: string }) => e.summary)).toEqual([
      'Second factor refused (used recovery code)',
      'Second factor refused (replayed code)',
    ]);
    const view = await supportGet(w, `/v1/accounts/${accountId}`);
    expect(view.body.totpEnabled).toBe(true);
  });

  it('lets exactly one of two concurrent uses of one recovery code succeed', async () => {
    const email = uniqueEmail('race');
    const { recoveryCodes } = await enrolled(email);
    const [a, b] = [await logIn(w, email), await logIn(w, email)];
    const results = await Promise.all([
      secondStep(a.body.challengeToken, { recoveryCode: recoveryCodes[3] }),
      secondStep(b.body.challengeToken, { recoveryCode: recoveryCodes[3] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('locks the account after three second-factor failures following a correct password', async () => {
    const email = uniqueEmail('lock2fa');
    await enrolled(email);
    const challenge = (await logIn(w, email)).body.challengeToken as string;
    for (let i = 0; i < 3; i++) expect((await secondStep(challenge, { code: '123456' })).status).toBe(401);
    expect((await logIn(w, email)).body).toMatchObject({ error: 'account_locked', details: { unlock: 'verify_ownership' } });
    const alert = await mailTo(w, email, /unusual sign-in activity/);
    const token = tokenFromLink(alert.text, 'verify-ownership');
    // With 2FA on, ownership needs a code too.
    expect((await authPost(w, '/v1/ownership-verifications/complete', { token })).body).toMatchObject({ error: 'invalid_code' });
  });

  it('disables 2FA and regenerates recovery codes with the password and a current code', async () => {
    const email = uniqueEmail('disable');
    const { accountId, secret, recoveryCodes } = await enrolled(email);
    const regenerated = await authPost(w, `/v1/accounts/${accountId}/recovery-codes`, { password: PASSWORD, code: recoveryCodes[1] });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.recoveryCodes).toHaveLength(10);
    await mailTo(w, email, /recovery codes/i);
    const wrongPassword = await w.http
      .delete(`/v1/accounts/${accountId}/totp`)
      .set('Authorization', bearer('auth'))
      .send({ password: 'Wrong7Password', code: await totpCode(secret) });
    expect(wrongPassword.body.error).toBe('invalid_credentials');
    const oldCode = await w.http.delete(`/v1/accounts/${accountId}/totp`).set('Authorization', bearer('auth')).send({ password: PASSWORD, code: recoveryCodes[2] });
    expect(oldCode.body.error).toBe('invalid_code');
    const disabled = await w.http.delete(`/v1/accounts/${accountId}/totp`).set('Authorization', bearer('auth')).send({ password: PASSWORD, code: await totpCode(secret) });
    expect(disabled.status).toBe(204);
    await mailTo(w, email, /two-factor authentication (was )?(turned )?off/i);
    expect((await signedIn(w, email)).sessionToken).toEqual(expect.any(String));
  });

  it('requires a code for a password reset when 2FA is on', async () => {
    const email = uniqueEmail('reset2fa');
    const { secret } = await enrolled(email);
    await authPost(w, '/v1/password-resets', { email, context: CLIENT });
    const token = tokenFromLink((await mailTo(w, email, 'Reset your password')).text, 'reset-password');
    const without = await authPost(w, '/v1/password-resets/complete', { token, newPassword: 'Fresh8Password' });
    expect(without.body).toMatchObject({ error: 'invalid_code', details: { required: true } });
    const done = await authPost(w, '/v1/password-resets/complete', { token, newPassword: 'Fresh8Password', code: await totpCode(secret) });
    expect(done.status).toBe(200);
  });

  it('recovers a lost device with a recovery code: new password, 2FA off, sessions ended', async () => {
    const email = uniqueEmail('recover');
    const { accountId, recoveryCodes } = await enrolled(email);
    const old = await logIn(w, email);
    expect(old.body.result).toBe('second_factor_required');
    expect((await authPost(w, '/v1/account-recoveries', { email, context: CLIENT })).status).toBe(202);
    expect((await authPost(w, '/v1/account-recoveries', { email: uniqueEmail('nobody'), context: CLIENT })).status).toBe(202);
    const token = tokenFromLink((await mailTo(w, email, /recover/i)).text, 'recover-account');
    const done = await authPost(w, '/v1/account-recoveries/complete', { token, newPassword: 'Recovered8Pass', recoveryCode: recoveryCodes[4] });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ accountId, status: 'active' });
    const login = await logIn(w, email, 'Recovered8Pass');
    expect(login.body.result).toBe('session');
  });

  it('opens a recovery case without a recovery code, which support approves', async () => {
    const email = uniqueEmail('case');
    const { accountId } = await enrolled(email);
    await authPost(w, '/v1/account-recoveries', { email, context: CLIENT });
    const token = tokenFromLink((await mailTo(w, email, /recover/i)).text, 'recover-account');
    const opened = await authPost(w, '/v1/account-recoveries/complete', { token, statement: 'My phone was stolen on the train yesterday.' });
    expect(opened.status).toBe(202);
    expect(opened.body).toEqual({ caseId: expect.any(String) });
    const decision = await supportPost(w, `/v1/recovery-cases/${opened.body.caseId}/decision`, { decision: 'approve', note: 'ID checked' }).set(
      'X-Min-Position',
      opened.headers['x-event-position'],
    );
    expect(decision.status).toBe(200);
    expect(decision.body).toEqual({ accountId, status: 'active' });
    const again = await supportPost(w, `/v1/recovery-cases/${opened.body.caseId}/decision`, { decision: 'reject', note: 'x' });
    expect(again.body.error).toBe('recovery_case_not_found');
    const reset = tokenFromLink((await mailTo(w, email, 'Reset your password')).text, 'reset-password');
    expect((await authPost(w, '/v1/password-resets/complete', { token: reset, newPassword: 'Approved8Pass' })).status).toBe(200);
    expect((await logIn(w, email, 'Approved8Pass')).body.result).toBe('session');
  });
});
