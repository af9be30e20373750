export interface Job<P = unknown> {
  id: string;
  queue: string;
  payload: P;
  /** 1 on the first try. */
  attempt: number;
}

export interface EnqueueOptions {
  /** Do not run before this instant (scheduled jobs). */
  runAt?: Date;
}

export interface WorkOptions {
  /** Total tries, first included. */
  attempts: number;
  /** Base delay of the exponential backoff between tries. */
  backoffMs: number;
  concurrency?: number;
  /** Called once when a job has failed its last try (dead-lettered). */
  onDeadLetter?: (job: Job, error: Error) => void;
  onCompleted?: (job: Job) => void;
}

export interface QueueWorker {
  close(): Promise<void>;
}

export interface QueueStats {
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
}

/**
 * Durable job queue. Enqueueing is idempotent by job id: a second enqueue of an id that
 * is pending, running, done or dead-lettered does nothing. That is what makes mails go out
 * once per event (job id = event id).
 */
export interface JobQueue {
  enqueue<P>(queue: string, id: string, payload: P, options?: EnqueueOptions): Promise<void>;
  work<P>(queue: string, handler: (job: Job<P>) => Promise<void>, options: WorkOptions): QueueWorker;
  stats(queue: string): Promise<QueueStats>;
  /** Payloads of jobs not yet completed (pending, delayed, failed), for erasure checks. */
  pendingPayloads(queue: string): Promise<unknown[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
