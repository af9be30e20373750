import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import type { Position, RecordedEvent } from '@warden/shared/envelope';
import { comparePositions } from '@warden/shared/position';
import type { EsdbSubscription } from './esdb-client';
import type { EventHandler, Subscription } from './event-store.port';
import { StopSignal } from './stop-signal';

export interface EsdbSubscriptionOptions {
  retryDelayMs: number;
  onError: (error: unknown) => void;
}

/**
 * Follows $all through EventStoreDB's catch-up subscription, one handler at a time.
 * When the handler fails or the connection drops, it resubscribes after the last event
 * handled, so the failed event comes again and nothing is skipped.
 */
export class EsdbCatchUpSubscription implements Subscription {
  private readonly signal = new StopSignal();
  private readonly done: Promise<void>;
  private source: EsdbSubscription | undefined;

  constructor(
    /** Opens a server subscription strictly after `after` (from the start when undefined). */
    private readonly open: (after: Position | undefined) => EsdbSubscription,
    /** Our event, or undefined for one to skip (a system event). */
    private readonly convert: (resolved: AllStreamResolvedEvent) => RecordedEvent | undefined,
    after: Position | undefined,
    private readonly handler: EventHandler,
    private readonly options: EsdbSubscriptionOptions,
  ) {
    this.done = this.run(after);
  }

  /** Resolves once the in-flight handler (if any) has finished; no handler runs after. */
  async stop(): Promise<void> {
    this.signal.stop();
    if (this.source) await closeQuietly(this.source);
    await this.done;
  }

  private async run(after: Position | undefined): Promise<void> {
    let checkpoint = after;
    while (!this.signal.stopped) {
      const source = this.open(checkpoint);
      this.source = source;
      try {
        for await (const resolved of source) {
          if (this.signal.stopped) break;
          const event = this.convert(resolved);
          // The server starts after `checkpoint` already; this also guards a resubscription.
          if (!event || (checkpoint !== undefined && comparePositions(event.position, checkpoint) <= 0)) continue;
          await this.handler(event);
          checkpoint = event.position;
        }
        if (!this.signal.stopped) throw new Error('EventStoreDB ended the $all subscription');
      } catch (error) {
        if (!this.signal.stopped) this.options.onError(error);
      } finally {
        await closeQuietly(source);
      }
      await this.signal.sleep(this.options.retryDelayMs);
    }
  }
}

const closed = new WeakSet<EsdbSubscription>();

async function closeQuietly(source: EsdbSubscription): Promise<void> {
  if (closed.has(source)) return;
  closed.add(source);
  // Being discarded: a failure to cancel (connection already gone) changes nothing.
  await source.unsubscribe().catch(() => undefined);
  source.destroy();
}
