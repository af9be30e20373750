import { authPost, mailTo, supportPost, totpCode, verifiedAccount } from './flows';
import { tokenFromLink } from './outbox';
import { CLIENT, type TestWarden } from './warden-harness';

/** Work for the support queues, made over real HTTP as owners make it. */

async function expectStatus(res: { status: number; body: unknown }, status: number, what: string): Promise<void> {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A verified account with TOTP on; returns its id. */
export async function accountWithTotp(w: TestWarden, email: string): Promise<string> {
  const accountId = await verifiedAccount(w, email);
  const started = await authPost(w, `/v1/accounts/${accountId}/totp/enrollments`, {});
  await expectStatus(started, 201, 'TOTP enrolment');
  const confirmed = await authPost(w, `/v1/accounts/${accountId}/totp/enrollments/confirm`, { code: await totpCode(started.body.secret as string, -1) });
  await expectStatus(confirmed, 200, 'TOTP confirmation');
  return accountId;
}

/** The owner lost their device and has no recovery code: a case for support. */
export async function openRecoveryCase(w: TestWarden, email: string, statement: string) {
  const accountId = await accountWithTotp(w, email);
  await authPost(w, '/v1/account-recoveries', { email, context: CLIENT });
  const token = tokenFromLink((await mailTo(w, email, /recover/i)).text, 'recover-account');
  const opened = await authPost(w, '/v1/account-recoveries/complete', { token, statement });
  await expectStatus(opened, 202, 'recovery case');
  return { accountId, caseId: opened.body.caseId as string, position: opened.headers['x-event-position'] as string };
}

/** Support suspends the account and the owner appeals. */
export async function openAppeal(w: TestWarden, email: string, message: string) {
  const accountId = await verifiedAccount(w, email);
  await expectStatus(await supportPost(w, `/v1/accounts/${accountId}/suspend`, { reason: 'spam reports', policyRef: 'ToS 4.2' }), 200, 'suspension');
  const appealed = await authPost(w, `/v1/accounts/${accountId}/appeals`, { message });
  await expectStatus(appealed, 201, 'appeal');
  return { accountId, appealId: appealed.body.appealId as string, position: appealed.headers['x-event-position'] as string };
}
