import { EnqueueOptions, Job, JobQueue, QueueStats, QueueWorker, WorkOptions } from './job-queue.port';
import { assertJobId, assertWorkOptions } from './retry-policy';
import { SqliteJobTable } from './sqlite-job-table';
import { SqliteQueueWorker } from './sqlite-queue-worker';

export interface SqliteJobQueueOptions {
  /** How often idle workers look for jobs enqueued by other processes or coming due. */
  pollIntervalMs?: number;
  /**
   * How long a claim stays valid without renewal. Workers renew it every third of this while
   * the handler runs, so it bounds how late a crashed process's job is retried, not how long
   * a handler may take.
   */
  leaseMs?: number;
}

const DEFAULT_POLL_INTERVAL_MS = 500;
const DEFAULT_LEASE_MS = 30_000;

/**
 * The embedded queue: jobs live in a SQLite file, so pending and scheduled jobs survive a
 * restart and several processes may share the file. Enqueueing is idempotent by (queue, id)
 * for as long as the file keeps the row (done rows are never pruned here).
 */
export class SqliteJobQueue implements JobQueue {
  private readonly table: SqliteJobTable;
  private readonly workers = new Set<{ queue: string; nudge(): void; close(): Promise<void> }>();
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private closed?: Promise<void>;

  constructor(filePath: string, options: SqliteJobQueueOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.table = new SqliteJobTable(filePath);
  }

  async enqueue<P>(queue: string, id: string, payload: P, options: EnqueueOptions = {}): Promise<void> {
    this.assertOpen();
    assertJobId(id);
    const now = Date.now();
    const runAt = options.runAt ? options.runAt.getTime() : now;
    const inserted = this.table.insert(queue, id, JSON.stringify(payload ?? null), runAt, now);
    if (inserted && runAt <= now) this.nudge(queue);
  }

  work<P>(queue: string, handler: (job: Job<P>) => Promise<void>, options: WorkOptions): QueueWorker {
    this.assertOpen();
    assertWorkOptions(options);
    const timing = { pollIntervalMs: this.pollIntervalMs, leaseMs: this.leaseMs };
    const worker = new SqliteQueueWorker<P>(this.table, queue, handler, options, timing);
    const entry = { queue, nudge: () => worker.nudge(), close: () => worker.close() };
    this.workers.add(entry);
    return {
      close: async () => {
        await worker.close();
        this.workers.delete(entry);
      },
    };
  }

  async stats(queue: string): Promise<QueueStats> {
    this.assertOpen();
    return this.table.counts(queue, Date.now());
  }

  async pendingPayloads(queue: string): Promise<unknown[]> {
    this.assertOpen();
    return this.table.unfinishedPayloads(queue).map((json): unknown => JSON.parse(json));
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.table.ping();
  }

  /** Stops every worker, waits for running jobs, then closes the file. Safe to call twice. */
  close(): Promise<void> {
    this.closed ??= this.shutdown();
    return this.closed;
  }

  private async shutdown(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.close()));
    this.workers.clear();
    this.table.close();
  }

  private nudge(queue: string): void {
    this.workers.forEach((worker) => {
      if (worker.queue === queue) worker.nudge();
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('SqliteJobQueue is closed');
  }
}
