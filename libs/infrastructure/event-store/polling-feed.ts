import type { Position, RecordedEvent } from '@warden/shared/envelope';
import type { EventFeed } from './event-store.port';

export type ReadAfter = (after: Position | undefined, maxCount: number) => Promise<RecordedEvent[]>;

/**
 * A feed for a store read cheaply on every call (SQLite): each `next` reads what the log
 * holds after the last event handed out, so it is never behind. Its wake-ups come from the
 * store's append watch, which the feed lets go of on close.
 */
export class PollingFeed implements EventFeed {
  constructor(
    private readonly read: ReadAfter,
    private position: Position | undefined,
    private readonly unwatch: () => void,
  ) {}

  async next(maxCount: number): Promise<RecordedEvent[]> {
    const batch = await this.read(this.position, maxCount);
    this.position = batch.at(-1)?.position ?? this.position;
    return batch;
  }

  async close(): Promise<void> {
    this.unwatch();
  }
}
