import { tokenFromLink } from '../testing/outbox';
import { authPost, mailTo, PASSWORD, totpCode, uniqueEmail, verifiedAccount } from '../testing/flows';
import { bearer } from '../testing/warden-harness';
import { CLIENT, startWarden, type TestWarden } from '../testing/warden-harness';

/**
 * A mailed link that asks for a 2FA or recovery code must not allow unlimited guesses:
 * whoever holds the link (a compromised mailbox) could otherwise try all 10^6 TOTP codes.
 * Nor may an account's own commands that take its password (or a code) be a way round the
 * login's throttle. One throttle, applied to the commands themselves (so the hosted pages
 * share it), with the default allowance (THROTTLE_ACCOUNT_FREE_FAILURES = 3 wrong secrets
 * per link or account).
 */
describe('wrong secrets presented to commands (/v1) are throttled', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden({ env: { UNIFORM_RESPONSE_MS: '0' } });
  });
  afterAll(() => w.close());

  async function withTotp(email: string) {
    const accountId = await verifiedAccount(w, email);
    const { secret } = (await authPost(w, `/v1/accounts/${accountId}/totp/enrollments`, {})).body as { secret: string };
    const confirmed = await authPost(w, `/v1/accounts/${accountId}/totp/enrollments/confirm`, { code: await totpCode(secret, -1) });
    expect(confirmed.status).toBe(200);
    return { accountId, secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  async function resetLink(email: string): Promise<string> {
    await authPost(w, '/v1/password-resets', { email, context: CLIENT });
    return tokenFromLink((await mailTo(w, email, 'Reset your password')).text, 'reset-password');
  }

  it('answers 429 with Retry-After once a reset link has had its wrong codes, without judging even a right one', async () => {
    const email = uniqueEmail('reset-guess');
    const { secret } = await withTotp(email);
    const token = await resetLink(email);
    const complete = (code: string) => authPost(w, '/v1/password-resets/complete', { token, newPassword: 'Fresh8Password', code });

    for (let i = 0; i < 3; i++) expect((await complete('000000')).body).toMatchObject({ error: 'invalid_code' });
    const cooling = await complete(await totpCode(secret));
    expect(cooling.status).toBe(429);
    expect(cooling.body).toMatchObject({ error: 'too_many_attempts' });
    const wait = Number(cooling.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);

    // Once the wait is over, the right code is judged again and accepted.
    await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 50));
    expect((await complete(await totpCode(secret))).status).toBe(200);
  });

  it('counts a burst of concurrent wrong codes exactly: no more than the free allowance is judged', async () => {
    const email = uniqueEmail('ownership-burst');
    const { accountId } = await withTotp(email);
    expect((await authPost(w, `/v1/accounts/${accountId}/ownership-verification`, {})).status).toBe(202);
    const token = tokenFromLink((await mailTo(w, email, /yours|ownership/i)).text, 'verify-ownership');

    const answers = await Promise.all(Array.from({ length: 12 }, () => authPost(w, '/v1/ownership-verifications/complete', { token, code: '000000' })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });

  it('throttles wrong recovery codes on an account-recovery link the same way', async () => {
    const email = uniqueEmail('recovery-guess');
    await withTotp(email);
    await authPost(w, '/v1/account-recoveries', { email, context: CLIENT });
    const token = tokenFromLink((await mailTo(w, email, /recover/i)).text, 'recover-account');
    const complete = () => authPost(w, '/v1/account-recoveries/complete', { token, newPassword: 'Fresh8Password', recoveryCode: 'wrong-code-1' });
    for (let i = 0; i < 3; i++) expect((await complete()).body).toMatchObject({ error: 'invalid_code' });
    expect((await complete()).status).toBe(429);
  });

  it('throttles wrong current passwords on a password change, then lets the right one through once the wait is over', async () => {
    const accountId = await verifiedAccount(w, uniqueEmail('change-guess'));
    const change = (currentPassword: string) =>
      w.http.post(`/v1/accounts/${accountId}/password`).set('Authorization', bearer('auth')).send({ currentPassword, newPassword: 'Fresh8Password' });

    for (let i = 0; i < 3; i++) expect((await change('Wrong7Password')).body).toMatchObject({ error: 'invalid_credentials' });
    const cooling = await change(PASSWORD);
    expect(cooling.status).toBe(429);
    const wait = Number(cooling.headers['retry-after']);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 50));
    expect((await change(PASSWORD)).status).toBe(204);
  });

  it('counts wrong passwords and wrong codes of an account\'s 2FA changes together', async () => {
    const email = uniqueEmail('disable-guess');
    const { accountId, secret } = await withTotp(email);
    const disable = (password: string, code: string) =>
      w.http.delete(`/v1/accounts/${accountId}/totp`).set('Authorization', bearer('auth')).send({ password, code });

    expect((await disable('Wrong7Password', '000000')).body).toMatchObject({ error: 'invalid_credentials' });
    expect((await disable(PASSWORD, '000000')).body).toMatchObject({ error: 'invalid_code' });
    expect((await authPost(w, `/v1/accounts/${accountId}/email-changes`, { newEmail: uniqueEmail('new'), password: 'Wrong7Password' })).body).toMatchObject({
      error: 'invalid_credentials',
    });
    expect((await disable(PASSWORD, await totpCode(secret))).status).toBe(429);
  });
});
