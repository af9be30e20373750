import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { typescriptNodeArgs } from '@warden/shared/testing/ts-child';

const REPO_ROOT = resolve(__dirname, '../..');
const CHILD = join(__dirname, 'crash-child.ts');

export type CrashScenario =
  | { scenario: 'register'; email: string; username?: string }
  | { scenario: 'change-username'; email: string; username: string; newUsername: string }
  | { scenario: 'change-email'; email: string; newEmail: string };

/**
 * Runs a scenario of HTTP calls in a real child process whose service dies by SIGKILL at
 * `crashAt` (a crashPoint seam). Resolves with how the child ended: the signal when it was
 * killed, or what it reported if it lived through the scenario.
 */
export function crashInChild(dataDir: string, crashAt: string, run: CrashScenario): Promise<{ signal: NodeJS.Signals | null; report?: string }> {
  const args = [dataDir, run.scenario, run.email, ...positional(run)];
  const child = spawn(process.execPath, typescriptNodeArgs(CHILD, ...args), {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'test', WARDEN_TEST_CRASH_AT: crashAt },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let report: string | undefined;
  child.on('message', (message) => {
    report = String(message);
  });
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (_code, signal) => resolvePromise({ signal, report }));
  });
}

/** The child's two last arguments: the username, and the new value of a change. */
function positional(run: CrashScenario): [string, string] {
  switch (run.scenario) {
    case 'register':
      return [run.username ?? '', ''];
    case 'change-username':
      return [run.username, run.newUsername];
    case 'change-email':
      return ['', run.newEmail];
  }
}
