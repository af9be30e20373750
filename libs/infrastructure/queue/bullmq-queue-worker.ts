import { Job as BullJob, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Job, QueueWorker, WorkOptions } from './job-queue.port';
import { fromBullJobId } from './bullmq-job-id';
import { callSafely, reportBackgroundError, toError } from './errors';
import { retryDelayMs } from './retry-policy';

/**
 * The backoff type stored on every job. BullMQ keeps `attempts` and `backoff` on the job, but
 * our port sets them on the worker, so jobs are enqueued with effectively unlimited attempts
 * and this worker-side strategy decides: the next delay, or -1 ("do not retry", documented
 * BullMQ behaviour) once `attempts` tries have failed. The job then lands in the failed set
 * exactly like a job whose own `attempts` ran out. Only workers created here understand it.
 */
export const WARDEN_BACKOFF = 'warden-exponential';

/** Wraps a BullMQ Worker so it behaves like the SQLite worker (see WARDEN_BACKOFF). */
export class BullMqQueueWorker<P> implements QueueWorker {
  private readonly worker: Worker<unknown, void>;

  constructor(
    readonly queue: string,
    handler: (job: Job<P>) => Promise<void>,
    private readonly options: WorkOptions,
    connection: Redis,
    prefix: string,
  ) {
    const processor = async (bullJob: BullJob<unknown, void>): Promise<void> => {
      try {
        // attemptsMade counts finished tries, so the running one is attemptsMade + 1.
        await handler(toPortJob<P>(queue, bullJob, bullJob.attemptsMade + 1));
      } catch (thrown) {
        throw toError(thrown);
      }
    };
    this.worker = new Worker<unknown, void>(queue, processor, {
      connection,
      prefix,
      concurrency: options.concurrency ?? 1,
      settings: {
        backoffStrategy: (failedAttempt: number): number =>
          failedAttempt >= options.attempts ? -1 : retryDelayMs(options.backoffMs, failedAttempt),
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
    // After moveToCompleted, attemptsMade includes the try that just succeeded.
    if (onCompleted) callSafely(`queue ${this.queue}: onCompleted`, () => onCompleted(toPortJob(this.queue, bullJob, bullJob.attemptsMade)));
    // The job stays (for idempotency) but its payload, which may hold personal data, need not.
    bullJob.updateData(null).catch((thrown: unknown) =>
      reportBackgroundError(`queue ${this.queue}: could not clear the payload of job ${bullJob.id}`, thrown),
    );
  }

  private failed(bullJob: BullJob<unknown, void> | undefined, error: Error): void {
    // 'failed' fires after every failed try; finishedOn is set only when the job moved to the
    // failed set, i.e. it was dead-lettered rather than scheduled for a retry.
    if (!bullJob || bullJob.finishedOn === undefined) return;
    const { onDeadLetter } = this.options;
    if (onDeadLetter) callSafely(`queue ${this.queue}: onDeadLetter`, () => onDeadLetter(toPortJob(this.queue, bullJob, bullJob.attemptsMade), error));
  }
}

function toPortJob<P>(queue: string, bullJob: BullJob<unknown, void>, attempt: number): Job<P> {
  if (bullJob.id === undefined) throw new Error(`queue ${queue}: BullMQ job without id`);
  return { id: fromBullJobId(bullJob.id), queue, payload: bullJob.data as P, attempt };
}
