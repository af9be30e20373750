import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

export interface WalCheckpointerOptions {
  /** How often the thread looks for committed pages to copy back. Default 200 ms. */
  intervalMs?: number;
}

/**
 * SQLite's own WAL mark: the committing connection copies the WAL back into the file
 * (and fsyncs it) inside the commit that crosses this many pages.
 */
export const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/**
 * Where the committing connection's own checkpoint stays while the thread does the work:
 * far above what the thread lets pile up, so it only acts should the thread fall behind.
 */
const SAFETY_NET_PAGES = 20_000;

/**
 * The thread's whole program. Plain JavaScript evaluated by the Worker, so it runs the same
 * from the compiled build and under ts-jest; the driver comes by its resolved path.
 */
const CHECKPOINT_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
let seen;
const timer = setInterval(() => {
  try {
    // data_version moves only when another connection commits: nothing new, nothing to copy.
    const version = db.pragma('data_version', { simple: true });
    if (version === seen) return;
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    // A reader still on old frames, or another process's checkpoint, leaves some behind: look again next time.
    seen = result && result.busy === 0 && result.checkpointed >= result.log ? version : undefined;
  } catch {
    // Busy or locked by another process: next time. The writer's safety net covers a long spell.
    seen = undefined;
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Copies a WAL-mode database's committed pages back into its file on a thread of its own.
 * Left to SQLite, that checkpoint runs inside whichever commit crosses 1000 pages, on the
 * main thread: every ~75th projector step (the read store) and every ~250th append (the
 * event store) took 15–30 ms longer, fsync included, which was R6's whole p99. A PASSIVE
 * checkpoint from another connection takes no lock that a writer or reader waits for, so
 * commits stay short; durability is the commit's own fsync and does not change.
 *
 * The committing connection keeps an automatic checkpoint at a far higher mark, a safety
 * net should the thread fall behind, and goes back to SQLite's own mark if the thread dies.
 */
export class WalCheckpointer {
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
  }

  static start(db: Database.Database, file: string, options: WalCheckpointerOptions = {}): WalCheckpointer {
    const worker = new Worker(CHECKPOINT_THREAD, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file, intervalMs: options.intervalMs ?? 200 },
    });
    db.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
    worker.once('error', () => {
      if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    });
    // Never what keeps a process alive: the stores' close() ends it.
    worker.unref();
    return new WalCheckpointer(worker);
  }

  /** Lets a checkpoint in progress finish, closes the thread's connection and waits for the thread to end. */
  async stop(): Promise<void> {
    // Referenced again, or a process with nothing else to do would exit before the thread has.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}
