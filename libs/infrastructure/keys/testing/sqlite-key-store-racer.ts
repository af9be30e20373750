// Child process of raceCreatesInProcesses: argv = file, accountId, racer index.
// Says "ready" once its store is open, creates the key on "go", reports the outcome.
import { KeyAlreadyExistsError } from '../key-store.port';
import { SqliteKeyStore } from '../sqlite-key-store';

const [file, accountId, index] = process.argv.slice(2);
const send = process.send?.bind(process);
if (!send || !file || !accountId) throw new Error('run through raceCreatesInProcesses');

const store = new SqliteKeyStore(file);
process.once('message', () => {
  store
    .create(accountId, Buffer.from(`key of racer ${index}`))
    .then(
      () => 'created',
      (error: unknown) => (error instanceof KeyAlreadyExistsError ? 'refused' : `failed: ${String(error)}`),
    )
    .then(async (outcome) => {
      await store.close();
      send(outcome, () => process.disconnect());
    });
});
send('ready');
