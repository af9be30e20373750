// Child process of crashInChild: runs the service (api role) on a data directory and
// makes the calls of one scenario over HTTP. The parent sets WARDEN_TEST_CRASH_AT, so the
// process is expected to die by SIGKILL in the middle; if it lives, it reports what it got.
import { bearer, startWarden } from './warden-harness';
import { authPost, mailTo, PASSWORD, register, verifiedAccount } from './flows';
import { tokenFromLink } from './outbox';

// For change-email, `other` is the new address; for change-username, the new username.
const [dataDir, scenario, email, username, other] = process.argv.slice(2);
const send = process.send?.bind(process);
if (!send || !dataDir || !scenario || !email) throw new Error('run through crashInChild');

async function run(): Promise<string> {
  // Changing the email needs the mail worker: the link goes out by mail.
  const w = await startWarden({ dataDir, roles: scenario === 'change-email' ? ['api', 'projector', 'worker'] : ['api'] });
  try {
    if (scenario === 'change-email') {
      const accountId = await verifiedAccount(w, email);
      await authPost(w, `/v1/accounts/${accountId}/email-changes`, { newEmail: other, password: PASSWORD });
      const link = await mailTo(w, other, 'Confirm your new email address');
      const confirmed = await authPost(w, '/v1/email-changes/confirm', { token: tokenFromLink(link.text, 'confirm-email-change') });
      return `email change answered ${confirmed.status}`;
    }
    const registered = await register(w, email, username ? { username } : {});
    if (scenario === 'register') return `register answered ${registered.status}`;
    const renamed = await w.http
      .put(`/v1/accounts/${registered.body.accountId}/username`)
      .set('Authorization', bearer('auth'))
      .send({ username: other });
    return `username change answered ${renamed.status}`;
  } finally {
    await w.close();
  }
}

run().then(
  (outcome) => send(`survived: ${outcome}`, () => process.disconnect()),
  (error: unknown) => send(`failed: ${String(error)}`, () => process.disconnect()),
);
