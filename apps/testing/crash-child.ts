// Child process of crashInChild: runs the service (api role) on a data directory and
// makes the calls of one scenario over HTTP. The parent sets WARDEN_TEST_CRASH_AT, so the
// process is expected to die by SIGKILL in the middle; if it lives, it reports what it got.
import { bearer, startWarden } from './warden-harness';
import { register } from './flows';

const [dataDir, scenario, email, username, newUsername] = process.argv.slice(2);
const send = process.send?.bind(process);
if (!send || !dataDir || !scenario || !email) throw new Error('run through crashInChild');

async function run(): Promise<string> {
  const w = await startWarden({ dataDir, roles: ['api'] });
  try {
    const registered = await register(w, email, username ? { username } : {});
    if (scenario === 'register') return `register answered ${registered.status}`;
    const renamed = await w.http
      .put(`/v1/accounts/${registered.body.accountId}/username`)
      .set('Authorization', bearer('auth'))
      .send({ username: newUsername });
    return `username change answered ${renamed.status}`;
  } finally {
    await w.close();
  }
}

run().then(
  (outcome) => send(`survived: ${outcome}`, () => process.disconnect()),
  (error: unknown) => send(`failed: ${String(error)}`, () => process.disconnect()),
);
