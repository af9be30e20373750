import type { Position, RecordedEvent } from '@warden/shared/envelope';
import type { EventHandler, Subscription } from './event-store.port';
import { StopSignal } from './stop-signal';

export interface PollingOptions {
  intervalMs: number;
  batchSize: number;
  retryDelayMs: number;
  onError: (error: unknown) => void;
}

export type ReadBatch = (after: Position | undefined, maxCount: number) => Promise<RecordedEvent[]>;

/**
 * Catch-up subscription for a store that cannot push: reads pages after the last handled
 * position until it is caught up, then polls. Polling (not in-process notification) is
 * what lets a projector see appends made by other OS processes on the same file.
 */
export class PollingSubscription implements Subscription {
  private readonly signal = new StopSignal();
  private readonly done: Promise<void>;

  constructor(
    private readonly readBatch: ReadBatch,
    after: Position | undefined,
    private readonly handler: EventHandler,
    private readonly options: PollingOptions,
  ) {
    this.done = this.run(after);
  }

  /** Polls now instead of at the end of the interval. */
  nudge(): void {
    this.signal.wake();
  }

  /** Resolves once the in-flight handler (if any) has finished; no handler runs after. */
  async stop(): Promise<void> {
    this.signal.stop();
    await this.done;
  }

  private async run(after: Position | undefined): Promise<void> {
    let checkpoint = after;
    while (!this.signal.stopped) {
      let caughtUp: boolean;
      try {
        const batch = await this.readBatch(checkpoint, this.options.batchSize);
        for (const event of batch) {
          if (this.signal.stopped) return;
          await this.handler(event);
          checkpoint = event.position;
        }
        caughtUp = batch.length < this.options.batchSize;
      } catch (error) {
        // Retry from the last handled event: the failed one is delivered again.
        this.options.onError(error);
        await this.signal.sleep(this.options.retryDelayMs);
        continue;
      }
      if (caughtUp) await this.signal.sleep(this.options.intervalMs);
    }
  }
}
