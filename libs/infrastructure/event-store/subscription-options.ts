/** How a subscription behaves when its handler or its connection fails. */
export interface SubscriptionOptions {
  /**
   * Wait before retrying after a failure, in ms. A failed event is retried, never skipped:
   * delivery is at least once and in order, and handlers are idempotent (contract §5).
   */
  retryDelayMs?: number;
  /** Told about every failure; the subscription keeps going. */
  onError?: (error: unknown) => void;
}

export const DEFAULT_RETRY_DELAY_MS = 1000;

export function reportToConsole(error: unknown): void {
  // eslint-disable-next-line no-console
  console.error('event store subscription failed; retrying', error);
}
