import type { Position, RecordedEvent } from '@warden/shared/envelope';
import type { EventFeed } from '@warden/infrastructure/event-store/event-store.port';

/**
 * The runner's open feeds, each kept at the position it has handed out up to. A read at
 * a checkpoint continues the feed left there by the previous step, so a catch-up
 * subscription stays open from batch to batch instead of being reopened. A feed no step
 * continued is closed: its projections moved (a failed batch, a rebuild, another runner's
 * commits), and one opens afresh at their checkpoint when they are read again.
 */
export class FeedPool {
  /** Feeds the previous step left, by position: the ones this step may continue. */
  private waiting = new Map<string, EventFeed>();
  /** Feeds this step has read, by the position they reached. */
  private read = new Map<string, EventFeed>();

  constructor(private readonly open: (after: Position | undefined) => EventFeed) {}

  /** The next batch after `after`, at most `maxCount` events. */
  async next(after: Position | undefined, maxCount: number): Promise<RecordedEvent[]> {
    const feed = this.waiting.get(keyOf(after)) ?? this.open(after);
    this.waiting.delete(keyOf(after));
    let batch: RecordedEvent[];
    try {
      batch = await feed.next(maxCount);
    } catch (error) {
      await feed.close().catch(() => undefined); // where it stands is unknown now
      throw error;
    }
    const reached = keyOf(batch.at(-1)?.position ?? after);
    // Two groups that caught up to the same position share one feed from now on.
    if (this.read.has(reached)) await feed.close();
    else this.read.set(reached, feed);
    return batch;
  }

  /** After each step: closes the feeds it did not continue; those it read wait for the next. */
  async endStep(): Promise<void> {
    const unused = [...this.waiting.values()];
    this.waiting = this.read;
    this.read = new Map();
    await Promise.all(unused.map((feed) => feed.close()));
  }

  async closeAll(): Promise<void> {
    const all = [...this.waiting.values(), ...this.read.values()];
    this.waiting = new Map();
    this.read = new Map();
    await Promise.all(all.map((feed) => feed.close()));
  }
}

function keyOf(position: Position | undefined): string {
  return position ?? '';
}
