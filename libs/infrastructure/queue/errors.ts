/** Handlers may throw anything; the queue records and reports an Error. */
export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}

/**
 * Failures in a worker's background loop have no caller to throw to. They are surfaced as
 * process warnings (visible in logs) rather than swallowed or allowed to kill the loop.
 */
export function reportBackgroundError(context: string, thrown: unknown): void {
  process.emitWarning(`${context}: ${toError(thrown).message}`, { code: 'WARDEN_QUEUE' });
}

/** User callbacks (metrics, logging) must not change a job's outcome, which is already stored. */
export function callSafely(context: string, callback: () => void): void {
  try {
    callback();
  } catch (thrown) {
    reportBackgroundError(context, thrown);
  }
}
