import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CrashingClaim {
  filePath: string;
  queue: string;
  id: string;
  payload: unknown;
  leaseMs: number;
  attempts: number;
}

// Runs in a plain `node` child: registers a transpile-on-require hook for .ts files (the
// repo has no ts-node), then enqueues the job and claims it with a handler that never ends.
const CHILD_SCRIPT = `
const config = JSON.parse(process.argv[1]);
const fs = require('fs');
const ts = require(config.typescript);
require.extensions['.ts'] = (module, file) => {
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  module._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), { fileName: file, compilerOptions }).outputText, file);
};
const { SqliteJobQueue } = require(config.adapter);
const queue = new SqliteJobQueue(config.filePath, { pollIntervalMs: 10, leaseMs: config.leaseMs });
queue.work(config.queue, () => { process.send('claimed'); return new Promise(() => {}); },
  { attempts: config.attempts, backoffMs: 1 });
queue.enqueue(config.queue, config.id, config.payload);
`;

/**
 * A real crash, not a simulated one: a separate process claims the job through the SQLite
 * adapter and is killed with SIGKILL mid-handler, leaving an active row with a lease that
 * nobody will renew or settle. Resolves once the process is gone.
 */
export function claimThenCrash(claim: CrashingClaim): Promise<void> {
  const config = { ...claim, typescript: require.resolve('typescript'), adapter: join(__dirname, '..', 'sqlite-job-queue.ts') };
  const child = spawn(process.execPath, ['-e', CHILD_SCRIPT, JSON.stringify(config)], {
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
