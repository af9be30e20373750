// Child process of raceAdmissionsInProcesses: argv = file, key, attempts, now (ms), free.
// Says "ready" once its store is open; on "go" makes its admissions all at once and
// reports how many were admitted.
import { randomUUID } from 'node:crypto';
import { SqliteReadStore } from '../sqlite-read-store';

const [file, key, attempts, now, free] = process.argv.slice(2);
const send = process.send?.bind(process);
if (!send || !file || !key) throw new Error('run through raceAdmissionsInProcesses');

const store = new SqliteReadStore(file);
const records = store.throttleRecords('login_throttle');
const policy = { free: Number(free), baseSeconds: 10, maxSeconds: 60, windowSeconds: 900, inFlightSeconds: 30 };
process.once('message', () => {
  Promise.all(Array.from({ length: Number(attempts) }, () => records.admit(key, randomUUID(), policy, new Date(Number(now)))))
    .then(
      (admissions) => String(admissions.filter((a) => a.admitted).length),
      (error: unknown) => `failed: ${String(error)}`,
    )
    .then(async (outcome) => {
      await store.close();
      send(outcome, () => process.disconnect());
    });
});
send('ready');
