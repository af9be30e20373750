// Admissions to one throttle key from several OS processes at once, on one SQLite file:
// the only way to race better-sqlite3, which is synchronous within a process.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { typescriptNodeArgs } from '@warden/shared/testing/ts-child';

const REPO_ROOT = resolve(__dirname, '../../../..');
const RACER = join(__dirname, 'throttle-racer.ts');

/** What each racer reported: how many of its `attempts` admissions were admitted. */
export async function raceAdmissionsInProcesses(file: string, options: { key: string; racers: number; attempts: number; free: number; now: Date }): Promise<string[]> {
  const args = [file, options.key, String(options.attempts), String(options.now.getTime()), String(options.free)];
  const children = Array.from({ length: options.racers }, () =>
    spawn(process.execPath, typescriptNodeArgs(RACER, ...args), { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  try {
    // Every racer has its connection open before any of them starts: the race is the admissions.
    await Promise.all(children.map(message));
    const reports = children.map(message);
    for (const child of children) child.send('go');
    return await Promise.all(reports);
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

async function message(child: ChildProcess): Promise<string> {
  const exited = once(child, 'exit').then(([code]) => Promise.reject(new Error(`a racer exited (code ${String(code)}) before answering`)));
  return String((await Promise.race([once(child, 'message'), exited]))[0]);
}
