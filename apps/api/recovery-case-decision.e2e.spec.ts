import { randomUUID } from 'node:crypto';
import { tokenFromLink } from '../testing/outbox';
import { authPost, mailTo, supportPost, totpCode, uniqueEmail, verifiedAccount } from '../testing/flows';
import { CLIENT, startWarden, type TestWarden } from '../testing/warden-harness';

/**
 * Issue 10 §3: a support decision is a command, decided on the event store. The API runs
 * here without any projector, so the recovery_cases read model never learns of the case:
 * the decision must still find it.
 */
describe('recovery-case decision right after the case is opened', () => {
  let setup: TestWarden | undefined;
  let api: TestWarden | undefined;
  afterAll(async () => {
    await setup?.close();
    await api?.close();
  });

  it('finds the case through its index stream, not the lagging read model', async () => {
    setup = await startWarden();
    const email = uniqueEmail('case-now');
    const accountId = await verifiedAccount(setup, email);
    const started = await authPost(setup, `/v1/accounts/${accountId}/totp/enrollments`, {});
    const confirmed = await authPost(setup, `/v1/accounts/${accountId}/totp/enrollments/confirm`, { code: await totpCode(started.body.secret, -1) });
    expect(confirmed.status).toBe(200);
    await authPost(setup, '/v1/account-recoveries', { email, context: CLIENT });
    const token = tokenFromLink((await mailTo(setup, email, /recover/i)).text, 'recover-account');
    const { dataDir } = setup;
    await setup.close();
    setup = undefined;

    api = await startWarden({ dataDir, roles: ['api'] });
    const opened = await authPost(api, '/v1/account-recoveries/complete', { token, statement: 'My phone fell into the sea.' });
    expect(opened.status).toBe(202);
    const decision = await supportPost(api, `/v1/recovery-cases/${opened.body.caseId}/decision`, { decision: 'approve', note: 'ID checked' });
    expect(decision.status).toBe(200);
    expect(decision.body).toEqual({ accountId, status: 'active' });

    const unknown = await supportPost(api, `/v1/recovery-cases/${randomUUID()}/decision`, { decision: 'reject', note: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('recovery_case_not_found');
    const badToken = await authPost(api, '/v1/account-recoveries/complete', { token: token.slice(0, -4) + 'AAAA', statement: 'Let me in.' });
    expect(badToken.status).toBe(400);
  });
});
