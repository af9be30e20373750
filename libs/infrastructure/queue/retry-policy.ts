import { WorkOptions } from './job-queue.port';

/**
 * Delay before the next try after try number `failedAttempt` (1-based) failed:
 * backoffMs, then 2×, 4×… Both adapters use it so they retry on the same schedule.
 */
export function retryDelayMs(backoffMs: number, failedAttempt: number): number {
  return backoffMs * 2 ** (failedAttempt - 1);
}

/** Rejects options that would make a worker spin or never retry, before any job is claimed. */
export function assertWorkOptions(options: WorkOptions): void {
  if (!Number.isInteger(options.attempts) || options.attempts < 1) {
    throw new RangeError(`attempts must be an integer >= 1, got ${options.attempts}`);
  }
  if (!Number.isFinite(options.backoffMs) || options.backoffMs < 0) {
    throw new RangeError(`backoffMs must be a number >= 0, got ${options.backoffMs}`);
  }
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be an integer >= 1, got ${concurrency}`);
  }
}

/** Both adapters key jobs by id; an empty id would silently become an auto-generated one in BullMQ. */
export function assertJobId(id: string): void {
  if (typeof id !== 'string' || id.length === 0) {
    throw new TypeError('job id must be a non-empty string');
  }
}
