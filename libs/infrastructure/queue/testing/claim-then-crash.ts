import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { typescriptNodeArgs } from '@warden/shared/testing/ts-child';

export interface CrashingClaim {
  /** File name of the adapter in this folder and the class it exports, e.g. 'sqlite-job-queue', 'SqliteJobQueue'. */
  adapter: { file: string; className: string; constructorArgs: unknown[] };
  queue: string;
  id: string;
  payload: unknown;
  attempts: number;
}

// Runs in a plain `node` child (TypeScript loads through the test require hook): enqueues
// the job and claims it with a handler that never ends.
const CHILD_SCRIPT = `
const config = JSON.parse(process.argv[1]);
const Adapter = require(config.adapterPath)[config.className];
const queue = new Adapter(...config.constructorArgs);
queue.work(config.queue, () => { process.send('claimed'); return new Promise(() => {}); },
  { attempts: config.attempts, backoffMs: 1 });
queue.enqueue(config.queue, config.id, config.payload).catch((error) => { console.error(error); process.exit(1); });
`;

/**
 * A real crash, not a simulated one: a separate process claims the job through the adapter
 * and is killed with SIGKILL mid-handler, leaving the job active under a lease (SQLite) or
 * lock (BullMQ) that nobody renews or settles. Resolves once the process is gone.
 */
export function claimThenCrash(claim: CrashingClaim): Promise<void> {
  const { adapter, ...job } = claim;
  const config = {
    ...job,
    className: adapter.className,
    constructorArgs: adapter.constructorArgs,
    adapterPath: join(__dirname, '..', `${adapter.file}.ts`),
  };
  const child = spawn(process.execPath, typescriptNodeArgs('-e', CHILD_SCRIPT, JSON.stringify(config)), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let claimed = false;
    child.once('message', () => {
      claimed = true;
      child.kill('SIGKILL');
    });
    child.once('error', reject);
    child.once('exit', () => (claimed ? resolve() : reject(new Error('child exited before claiming the job'))));
  });
}
