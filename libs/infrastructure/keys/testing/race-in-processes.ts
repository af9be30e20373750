// Runs SqliteKeyStore.create for one account in several OS processes at once: the only
// way to race better-sqlite3, which is synchronous within a process.
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { typescriptNodeArgs } from '@warden/shared/testing/ts-child';

export type RaceOutcome = 'created' | 'refused' | `failed: ${string}`;

const REPO_ROOT = resolve(__dirname, '../../../..');
const RACER = join(__dirname, 'sqlite-key-store-racer.ts');

export async function raceCreatesInProcesses(file: string, accountId: string, count: number): Promise<RaceOutcome[]> {
  const children = Array.from({ length: count }, (_, i) =>
    spawn(process.execPath, typescriptNodeArgs(RACER, file, accountId, String(i)), {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  try {
    // Every racer has its connection open before any of them starts: the race is the writes.
    await Promise.all(children.map((child) => nextMessage(child)));
    const outcomes = children.map((child) => nextMessage(child));
    for (const child of children) child.send('go');
    return await Promise.all(outcomes);
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

function nextMessage(child: ChildProcess): Promise<RaceOutcome> {
  return new Promise((resolvePromise, reject) => {
    const onMessage = (message: unknown): void => {
      cleanup();
      resolvePromise(String(message) as RaceOutcome);
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`a racer exited (code ${code}) before answering`));
    };
    const cleanup = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
