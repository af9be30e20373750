import { authPost, totpCode, verifiedAccount } from '../../../testing/flows';
import type { TestWarden } from '../../../testing/warden-harness';

/** A verified account with TOTP on (enrolled with the previous step's code, leaving the current ones free). */
export async function enrolledInTotp(w: TestWarden, email: string) {
  const accountId = await verifiedAccount(w, email);
  const { secret } = (await authPost(w, `/v1/accounts/${accountId}/totp/enrollments`, {})).body as { secret: string };
  const confirmed = await authPost(w, `/v1/accounts/${accountId}/totp/enrollments/confirm`, { code: await totpCode(secret, -1) });
  if (confirmed.status !== 200) throw new Error(`TOTP enrolment failed: ${JSON.stringify(confirmed.body)}`);
  return { accountId, secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}
