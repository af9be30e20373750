import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOutbox, tokenFromLink } from '../testing/outbox';
import { authPost, introspect, totpCode, logIn, mailTo, PASSWORD, signedIn, supportPost, uniqueEmail, verifiedAccount } from '../testing/flows';
import { CLIENT, KEYS, startWarden, storedBytes, type TestWarden } from '../testing/warden-harness';
import { settled } from '../testing/settled';

describe('no password, token or secret in any event, read model, job, log line or error', () => {
  let w: TestWarden;
  const logLines: string[] = [];
  beforeAll(async () => {
    w = await startWarden({ logLines, env: { LOG_LEVEL: 'trace', UNIFORM_RESPONSE_MS: '0', THROTTLE_ACCOUNT_FREE_FAILURES: '100' } });
  });
  afterAll(() => w.close());

  it('keeps only hashes after a full run of the flows', async () => {
    const secrets: string[] = [PASSWORD, KEYS.auth, KEYS.support];
    const email = uniqueEmail('secrets');
    const accountId = await verifiedAccount(w, email);
    secrets.push(tokenFromLink((await mailTo(w, email, 'Confirm your email address')).text, 'verify-email'));

    const session = await signedIn(w, email);
    secrets.push(session.sessionToken);
    await introspect(w, session.sessionToken);
    const idempotent = await logIn(w, email).set('Idempotency-Key', 'login-1');
    secrets.push(idempotent.body.sessionToken);

    const wrongPassword = 'Wrong7Secret!x';
    secrets.push(wrongPassword);
    const refused = await logIn(w, email, wrongPassword);

    await authPost(w, '/v1/password-resets', { email, context: CLIENT });
    const resetToken = tokenFromLink((await mailTo(w, email, 'Reset your password')).text, 'reset-password');
    const newPassword = 'Reset9Secret!y';
    secrets.push(resetToken, newPassword);
    await authPost(w, '/v1/password-resets/complete', { token: resetToken, newPassword });

    const changed = 'Changed9Secret!z';
    secrets.push(changed);
    const weak = await authPost(w, `/v1/accounts/${accountId}/password`, { currentPassword: newPassword, newPassword: 'short' });
    await authPost(w, `/v1/accounts/${accountId}/password`, { currentPassword: newPassword, newPassword: changed });
    for (let i = 0; i < 10; i++) await logIn(w, email, wrongPassword);
    const ownership = tokenFromLink((await mailTo(w, email, /unusual sign-in activity/)).text, 'verify-ownership');
    secrets.push(ownership);
    await authPost(w, '/v1/ownership-verifications/complete', { token: ownership });

    // Two-factor authentication and integration credentials: the TOTP secret is kept only
    // encrypted, recovery codes, challenge tokens and credential secrets only as hashes.
    const { secret: totpSecret } = (await authPost(w, `/v1/accounts/${accountId}/totp/enrollments`, {})).body as { secret: string };
    const code = await totpCode(totpSecret, -1);
    const { recoveryCodes } = (await authPost(w, `/v1/accounts/${accountId}/totp/enrollments/confirm`, { code })).body as { recoveryCodes: string[] };
    const challenge = (await logIn(w, email, changed)).body.challengeToken as string;
    await authPost(w, '/v1/logins/second-factor', { challengeToken: challenge, recoveryCode: recoveryCodes[0] });
    const credential = (await authPost(w, `/v1/accounts/${accountId}/credentials`, { label: 'ci' })).body.secret as string;
    await authPost(w, '/v1/credentials/introspect', { secret: credential });
    secrets.push(totpSecret, challenge, credential, ...recoveryCodes.map((c) => c.replace(/-/g, '')), ...recoveryCodes);
    await supportPost(w, `/v1/accounts/${accountId}/password/disable`, { reason: 'test' });
    const badToken = await authPost(w, '/v1/password-resets/complete', { token: resetToken, newPassword: 'Another9Secret' });
    await settled(w); // the projector and the worker are done with every event above

    const stores = storedBytes(w.dataDir);
    const logs = logLines.join('');
    const errors = JSON.stringify([refused.body, weak.body, badToken.body]);
    // Positive controls: the scan does read the stores and the logs.
    expect(stores).toContain(accountId);
    expect(logs).toContain('mail');
    expect(logLines.length).toBeGreaterThan(0);
    expect(readOutbox(w.dataDir).length).toBeGreaterThan(3);
    for (const secret of secrets) {
      expect({ secret, inStores: stores.includes(secret) }).toEqual({ secret, inStores: false });
      expect({ secret, inLogs: logs.includes(secret) }).toEqual({ secret, inLogs: false });
      expect({ secret, inErrors: errors.includes(secret) }).toEqual({ secret, inErrors: false });
    }
    // Personal data is encrypted too: the address never appears in clear in the event store.
    expect(readFileSync(join(w.dataDir, 'events.db')).toString('latin1')).not.toContain(email);
  }, 30_000);
});
