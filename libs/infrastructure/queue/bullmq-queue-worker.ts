import { Job as BullJob, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Job, QueueWorker, WorkOptions } from './job-queue.port';
import { fromBullJobId } from './bullmq-job-id';
import { callSafely, reportBackgroundError, toError } from './errors';
import { retryDelayMs } from './retry-policy';

/**
 * The backoff type stored on every job. BullMQ keeps `attempts` and `backoff` on the job, but
 * our port sets them on the worker (producers such as the API do not know them), so jobs are
 * enqueued with effectively unlimited attempts and this worker decides:
 * - a try is numbered by BullMQ's attemptsStarted, which, like the SQLite adapter's counter,
 *   also counts tries cut short by a crash;
 * - a failed try below `attempts` is retried after the delay of this custom backoff strategy;
 * - the last failed try throws UnrecoverableError, so BullMQ moves the job to the failed set
 *   (our dead letter) at once;
 * - a job whose worker crashed during its last try is failed by maxStartedAttempts when it is
 *   picked up again, instead of running once more (again like the SQLite adapter).
 * Only workers created here understand this backoff type.
 */
export const WARDEN_BACKOFF = 'warden-exponential';

export interface BullMqWorkerSettings {
  connection: Redis;
  prefix: string;
  /** Lock duration and stalled-check interval: bounds how late a crashed worker's job is retried. */
  leaseMs: number;
}

/** Wraps a BullMQ Worker so it behaves like the SQLite worker (see WARDEN_BACKOFF). */
export class BullMqQueueWorker<P> implements QueueWorker {
  private readonly worker: Worker<unknown, void>;

  constructor(
    readonly queue: string,
    handler: (job: Job<P>) => Promise<void>,
    private readonly options: WorkOptions,
    settings: BullMqWorkerSettings,
  ) {
    const processor = async (bullJob: BullJob<unknown, void>): Promise<void> => {
      try {
        await handler(toPortJob<P>(queue, bullJob, bullJob.attemptsStarted));
      } catch (thrown) {
        const error = toError(thrown);
        if (bullJob.attemptsStarted < options.attempts) throw error;
        throw Object.assign(new UnrecoverableError(error.message), { cause: error });
      }
    };
    this.worker = new Worker<unknown, void>(queue, processor, {
      connection: settings.connection,
      prefix: settings.prefix,
      concurrency: options.concurrency ?? 1,
      lockDuration: settings.leaseMs,
      stalledInterval: settings.leaseMs,
      maxStartedAttempts: options.attempts,
      // Let maxStartedAttempts, which counts every start, be the only limit on crashed tries.
      maxStalledCount: options.attempts,
      settings: {
        // BullMQ passes the number of failed tries (attemptsMade + 1). It equals the try number
        // unless a crash interrupted an earlier try, then the delay is one step shorter than
        // the SQLite adapter's.
        backoffStrategy: (failedTries: number): number => retryDelayMs(options.backoffMs, failedTries),
      },
    });
    this.worker.on('completed', (bullJob) => this.completed(bullJob));
    this.worker.on('failed', (bullJob, error) => this.failed(bullJob, error));
    this.worker.on('error', (error) => reportBackgroundError(`queue ${queue}: worker error`, error));
  }

  /** Stops fetching and waits for the jobs already running (BullMQ's non-forced close). */
  close(): Promise<void> {
    return this.worker.close();
  }

  private completed(bullJob: BullJob<unknown, void>): void {
    const { onCompleted } = this.options;
    if (onCompleted) callSafely(`queue ${this.queue}: onCompleted`, () => onCompleted(toPortJob(this.queue, bullJob, bullJob.attemptsStarted)));
    // The job stays (for idempotency) but its payload, which may hold personal data, need not.
    bullJob.updateData(null).catch((thrown: unknown) =>
      reportBackgroundError(`queue ${this.queue}: could not clear the payload of job ${bullJob.id}`, thrown),
    );
  }

  private failed(bullJob: BullJob<unknown, void> | undefined, error: Error): void {
    // 'failed' fires after every failed try; finishedOn is set only when the job moved to the
    // failed set, i.e. it was dead-lettered rather than scheduled for a retry.
    if (!bullJob || bullJob.finishedOn === undefined) return;
    const { onDeadLetter, attempts } = this.options;
    // A start refused by maxStartedAttempts is not a try: report the last real one.
    const attempt = Math.min(bullJob.attemptsStarted, attempts);
    // Hand over the handler's own error, not the UnrecoverableError wrapped around it.
    const cause = error instanceof UnrecoverableError && error.cause instanceof Error ? error.cause : error;
    if (onDeadLetter) callSafely(`queue ${this.queue}: onDeadLetter`, () => onDeadLetter(toPortJob(this.queue, bullJob, attempt), cause));
  }
}

function toPortJob<P>(queue: string, bullJob: BullJob<unknown, void>, attempt: number): Job<P> {
  if (bullJob.id === undefined) throw new Error(`queue ${queue}: BullMQ job without id`);
  return { id: fromBullJobId(bullJob.id), queue, payload: bullJob.data as P, attempt };
}
