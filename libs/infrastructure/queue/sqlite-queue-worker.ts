import { Job, QueueWorker, WorkOptions } from './job-queue.port';
import { callSafely, reportBackgroundError, toError } from './errors';
import { retryDelayMs } from './retry-policy';
import { AbandonedRow, ABANDONED_ERROR, ClaimedRow, SqliteJobTable } from './sqlite-job-table';
import { Wakeup } from './wakeup';

export interface SqliteWorkerTiming {
  pollIntervalMs: number;
  leaseMs: number;
}

/**
 * Runs one queue's jobs from the shared table: claims due jobs up to `concurrency`, keeps
 * their leases alive while the handler runs, and settles each as done, retry or dead.
 * Delivery is at least once: if this process dies, another claims the job when the lease ends.
 */
export class SqliteQueueWorker<P> implements QueueWorker {
  private readonly running = new Set<Promise<void>>();
  private readonly wakeup = new Wakeup();
  private readonly concurrency: number;
  private closing = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly table: SqliteJobTable,
    readonly queue: string,
    private readonly handler: (job: Job<P>) => Promise<void>,
    private readonly options: WorkOptions,
    private readonly timing: SqliteWorkerTiming,
  ) {
    this.concurrency = options.concurrency ?? 1;
    this.loop = this.run();
  }

  /** A job was enqueued in this process: look now instead of at the next poll. */
  nudge(): void {
    this.wakeup.wake();
  }

  /** Stops claiming, then waits for the jobs already running. */
  async close(): Promise<void> {
    this.closing = true;
    this.wakeup.wake();
    await this.loop;
    await Promise.all([...this.running]);
  }

  private async run(): Promise<void> {
    while (!this.closing) {
      this.fillSlots();
      await this.wakeup.sleep(this.timing.pollIntervalMs);
    }
  }

  private fillSlots(): void {
    while (!this.closing && this.running.size < this.concurrency) {
      const claimed = this.claimNext();
      if (!claimed) return;
      // execute() settles its own failures; this catch only guards against a corrupt row.
      const execution: Promise<void> = this.execute(claimed)
        .catch((thrown: unknown) => reportBackgroundError(`queue ${this.queue}: job ${claimed.id} could not run`, thrown))
        .finally(() => {
          this.running.delete(execution);
          this.wakeup.wake();
        });
      this.running.add(execution);
    }
  }

  private claimNext(): ClaimedRow | undefined {
    try {
      const { claimed, abandoned } = this.table.claim(this.queue, Date.now(), this.timing.leaseMs, this.options.attempts);
      abandoned.forEach((row) => this.deadLettered(toJob<P>(row), new Error(ABANDONED_ERROR)));
      return claimed;
    } catch (thrown) {
      // Typically SQLITE_BUSY past busy_timeout under heavy contention: try again next poll.
      reportBackgroundError(`queue ${this.queue}: claim failed`, thrown);
      return undefined;
    }
  }

  private async execute(row: ClaimedRow): Promise<void> {
    const job = toJob<P>(row);
    const heartbeat = setInterval(() => this.renew(row), Math.max(1, Math.floor(this.timing.leaseMs / 3)));
    heartbeat.unref();
    let failure: Error | undefined;
    try {
      await this.handler(job);
    } catch (thrown) {
      failure = toError(thrown);
    } finally {
      clearInterval(heartbeat);
    }
    try {
      if (failure) this.settleFailure(row, job, failure);
      else if (this.table.settleDone(row, Date.now())) this.completed(job);
    } catch (thrown) {
      // The lease will run out and the job will be retried: at least once, never lost.
      reportBackgroundError(`queue ${this.queue}: could not record the outcome of job ${row.id}`, thrown);
    }
  }

  private settleFailure(row: ClaimedRow, job: Job<P>, error: Error): void {
    const now = Date.now();
    if (row.attempt >= this.options.attempts) {
      if (this.table.settleDead(row, error.message, now)) this.deadLettered(job, error);
      return;
    }
    const delay = retryDelayMs(this.options.backoffMs, row.attempt);
    if (this.table.settleRetry(row, now + delay, error.message, now)) {
      // Retry on time even when the poll interval is longer than the backoff.
      setTimeout(() => this.wakeup.wake(), delay).unref();
    }
  }

  private renew(row: ClaimedRow): void {
    try {
      this.table.renew(row, Date.now() + this.timing.leaseMs);
    } catch (thrown) {
      reportBackgroundError(`queue ${this.queue}: lease renewal of job ${row.id} failed`, thrown);
    }
  }

  private completed(job: Job<P>): void {
    const { onCompleted } = this.options;
    if (onCompleted) callSafely(`queue ${this.queue}: onCompleted`, () => onCompleted(job));
  }

  private deadLettered(job: Job<P>, error: Error): void {
    const { onDeadLetter } = this.options;
    if (onDeadLetter) callSafely(`queue ${this.queue}: onDeadLetter`, () => onDeadLetter(job, error));
  }
}

function toJob<P>(row: ClaimedRow | AbandonedRow): Job<P> {
  return { id: row.id, queue: row.queue, payload: JSON.parse(row.payloadJson) as P, attempt: row.attempt };
}
