import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { EnqueueOptions, Job, JobQueue, QueueStats, QueueWorker, WorkOptions } from './job-queue.port';
import { toBullJobId } from './bullmq-job-id';
import { BullMqQueueWorker, WARDEN_BACKOFF } from './bullmq-queue-worker';
import { reportBackgroundError } from './errors';
import { assertJobId, assertWorkOptions } from './retry-policy';

export interface BullMqJobQueueOptions {
  /** Redis key prefix; tests pass a unique one to isolate themselves. */
  prefix?: string;
  /**
   * How long a completed job is kept. Enqueueing its id again is a no-op only while it is
   * kept: this is the idempotency window for done jobs. Dead-lettered jobs are kept forever.
   */
  keepCompletedSeconds?: number;
  /**
   * BullMQ lock duration (renewed while a job runs) and stalled-check interval: bounds how
   * late the job of a crashed worker is retried. BullMQ's default is 30 s.
   */
  leaseMs?: number;
}

const DEFAULT_PREFIX = 'warden';
const DEFAULT_KEEP_COMPLETED_SECONDS = 7 * 24 * 3600;
const DEFAULT_LEASE_MS = 30_000;
// Effectively unlimited: the worker ends retries after WorkOptions.attempts (see WARDEN_BACKOFF).
const UNBOUNDED_ATTEMPTS = Number.MAX_SAFE_INTEGER;

/**
 * The production queue on Redis. Idempotency relies on BullMQ ignoring an add whose jobId
 * already exists (waiting, delayed, active, completed or failed), atomically in a Lua script,
 * so concurrent enqueues of one id create one job.
 */
export class BullMqJobQueue implements JobQueue {
  private readonly prefix: string;
  private readonly keepCompletedSeconds: number;
  private readonly leaseMs: number;
  // Producers fail (after ioredis's retries) when Redis is down, so callers see the error;
  // workers must wait forever on blocking commands, which BullMQ requires via
  // maxRetriesPerRequest: null.
  private readonly producerConnection: Redis;
  private readonly workerConnection: Redis;
  private readonly queues = new Map<string, Queue<unknown, void>>();
  private readonly workers = new Set<QueueWorker>();
  private closed?: Promise<void>;

  constructor(redisUrl: string, options: BullMqJobQueueOptions = {}) {
    this.prefix = options.prefix ?? DEFAULT_PREFIX;
    this.keepCompletedSeconds = options.keepCompletedSeconds ?? DEFAULT_KEEP_COMPLETED_SECONDS;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.producerConnection = new Redis(redisUrl);
    this.workerConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    for (const connection of [this.producerConnection, this.workerConnection]) {
      // ioredis reconnects by itself; without a listener an 'error' event would crash the process.
      connection.on('error', (error) => reportBackgroundError('redis connection', error));
    }
  }

  async enqueue<P>(queue: string, id: string, payload: P, options: EnqueueOptions = {}): Promise<void> {
    this.assertOpen();
    assertJobId(id);
    const delay = options.runAt ? Math.max(0, options.runAt.getTime() - Date.now()) : 0;
    await this.queueFor(queue).add(queue, payload ?? null, {
      jobId: toBullJobId(id),
      delay,
      attempts: UNBOUNDED_ATTEMPTS,
      backoff: { type: WARDEN_BACKOFF },
      removeOnComplete: { age: this.keepCompletedSeconds },
      removeOnFail: false,
    });
  }

  work<P>(queue: string, handler: (job: Job<P>) => Promise<void>, options: WorkOptions): QueueWorker {
    this.assertOpen();
    assertWorkOptions(options);
    const settings = { connection: this.workerConnection, prefix: this.prefix, leaseMs: this.leaseMs };
    const worker = new BullMqQueueWorker<P>(queue, handler, options, settings);
    this.workers.add(worker);
    return {
      close: async () => {
        await worker.close();
        this.workers.delete(worker);
      },
    };
  }

  async stats(queue: string): Promise<QueueStats> {
    this.assertOpen();
    const counts = await this.queueFor(queue).getJobCounts('waiting', 'delayed', 'active', 'failed');
    return {
      waiting: counts.waiting ?? 0,
      delayed: counts.delayed ?? 0,
      active: counts.active ?? 0,
      failed: counts.failed ?? 0,
    };
  }

  async pendingPayloads(queue: string): Promise<unknown[]> {
    this.assertOpen();
    const jobs = await this.queueFor(queue).getJobs(['waiting', 'delayed', 'active', 'failed']);
    // A job removed between listing and loading comes back as undefined.
    return jobs.filter((job) => job !== undefined).map((job): unknown => job.data);
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.producerConnection.ping();
  }

  /** Stops every worker (waiting for running jobs), then the queues and connections. Safe to call twice. */
  close(): Promise<void> {
    this.closed ??= this.shutdown();
    return this.closed;
  }

  private async shutdown(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    // The connections are ours (BullMQ does not close connections it was given).
    await Promise.all([this.producerConnection.quit(), this.workerConnection.quit()]);
  }

  private queueFor(name: string): Queue<unknown, void> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue<unknown, void>(name, { connection: this.producerConnection, prefix: this.prefix });
      queue.on('error', (error) => reportBackgroundError(`queue ${name}: error`, error));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('BullMqJobQueue is closed');
  }
}
