import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { typescriptNodeArgs } from '@warden/shared/testing/ts-child';
import { SqliteReadStore } from './read-store/sqlite-read-store';

/**
 * Two threads of one process with the same read store file open, as the api and the
 * projector threads of `npm start` have: a checkpoint written in one wakes the waiters
 * of the other at once. The checkpoint listeners do not poll, so only the signal can.
 */
describe('ThreadSignal between the threads of one process', () => {
  let dir: string;
  let store: SqliteReadStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-thread-signal-'));
    store = new SqliteReadStore(join(dir, 'read.db'));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("wakes this thread's checkpoint listeners when another thread saves a checkpoint", async () => {
    const woken = new Promise<void>((resolve) => store.onCheckpoint(resolve));
    const other = new Worker(
      `const { SqliteReadStore } = require(${JSON.stringify(join(__dirname, 'read-store', 'sqlite-read-store.ts'))});
       const store = new SqliteReadStore(${JSON.stringify(join(dir, 'read.db'))});
       store.saveCheckpoint('accounts', '7').then(() => store.close());`,
      { eval: true, execArgv: typescriptNodeArgs() },
    );
    await woken;
    await new Promise((resolve) => other.once('exit', resolve));
    expect(await store.getCheckpoint('accounts')).toBe('7');
  });
});
