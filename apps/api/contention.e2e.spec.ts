import type { Response } from 'supertest';
import type { HistoryLine } from '@warden/application/compliance/account-history';
import { asText, authPost, complianceGet, logIn, totpCode, uniqueEmail, verifiedAccount } from '../testing/flows';
import { startWarden, type TestWarden } from '../testing/warden-harness';

const WRONG = 'Wrong7Password';

/**
 * Many requests on one account at once, over real HTTP: every caller gets its normal
 * answer (never a 5xx), and the lock counts exactly, because the commands on one account
 * take their turn instead of racing (contract §2, §3.1).
 */
describe('concurrent requests on one account', () => {
  let w: TestWarden;
  beforeAll(async () => {
    // The throttle's free allowance is out of the way: what is exercised is the lock threshold.
    w = await startWarden({ env: { THROTTLE_ACCOUNT_FREE_FAILURES: '1000', THROTTLE_IP_FREE_FAILURES: '1000', UNIFORM_RESPONSE_MS: '0' } });
  });
  afterAll(() => w.close());

  const typesOf = async (accountId: string): Promise<string[]> => {
    const res: Response = await asText(complianceGet(w, `/v1/compliance/accounts/${accountId}/history`));
    expect(res.status).toBe(200);
    return (res.body as string)
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as HistoryLine).type);
  };
  const count = (types: string[], type: string) => types.filter((t) => t === type).length;
  const statuses = (responses: Response[]) => responses.map((r) => r.status);

  it('answers 20 parallel correct logins on one account with 20 sessions', async () => {
    const email = uniqueEmail('parallel-logins');
    const accountId = await verifiedAccount(w, email);

    const responses = await Promise.all(Array.from({ length: 20 }, () => logIn(w, email)));

    expect(statuses(responses)).toEqual(Array(20).fill(200));
    expect(new Set(responses.map((r) => r.body.sessionId)).size).toBe(20);
    expect(count(await typesOf(accountId), 'SessionStarted')).toBe(20);
  });

  it('records exactly 10 of 30 parallel wrong passwords, then one lock, and refuses the right password after', async () => {
    const email = uniqueEmail('parallel-wrong');
    const accountId = await verifiedAccount(w, email);

    const responses = await Promise.all(Array.from({ length: 30 }, () => logIn(w, email, WRONG)));

    expect(statuses(responses)).toEqual(Array(30).fill(401));
    expect(responses.every((r) => r.body.error === 'invalid_credentials')).toBe(true);
    const types = await typesOf(accountId);
    expect(count(types, 'LoginFailed')).toBe(10);
    expect(count(types, 'AccountLocked')).toBe(1);
    // The lock came with the tenth failure, in the same append: nothing was counted after it.
    expect(types.lastIndexOf('LoginFailed')).toBeLessThan(types.indexOf('AccountLocked'));

    const later = await Promise.all(Array.from({ length: 5 }, () => logIn(w, email)));
    expect(statuses(later)).toEqual(Array(5).fill(403));
    expect(later.every((r) => r.body.error === 'account_locked')).toBe(true);
  });

  it('records exactly 3 of 10 parallel wrong second-factor codes, then one lock', async () => {
    const email = uniqueEmail('parallel-2fa');
    const accountId = await verifiedAccount(w, email);
    const { secret } = (await authPost(w, `/v1/accounts/${accountId}/totp/enrollments`, {})).body as { secret: string };
    expect((await authPost(w, `/v1/accounts/${accountId}/totp/enrollments/confirm`, { code: await totpCode(secret, -1) })).status).toBe(200);
    const challenges = await Promise.all(Array.from({ length: 2 }, () => logIn(w, email)));
    const tokens = challenges.map((c) => c.body.challengeToken as string);

    // Five wrong codes on each of two challenges: more tries than the threshold allows.
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => authPost(w, '/v1/logins/second-factor', { challengeToken: tokens[i % 2], code: '000000' })),
    );

    expect(responses.every((r) => r.status === 401 || r.status === 403)).toBe(true);
    const types = await typesOf(accountId);
    expect(count(types, 'SecondFactorFailed')).toBe(3);
    expect(count(types, 'AccountLocked')).toBe(1);
    expect((await logIn(w, email)).body.error).toBe('account_locked');
  });
});
