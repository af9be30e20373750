import { type AllStreamResolvedEvent, type SubscribeToAllOptions, UnavailableError } from '@eventstore/db-client';
import type { EsdbClient, EsdbSubscription } from '../esdb-client';

/**
 * Wraps a client (the real one, or the in-memory double) to break its subscriptions on
 * demand, as a dropped connection or a server refusing them would: the iteration throws.
 * Counts the subscriptions opened and the reads of $all, to tell which path a feed took.
 */
export class FaultyEsdbClient implements EsdbClient {
  subscriptionsOpened = 0;
  /** Forwards reads of $all (headPosition and ping read backwards). */
  forwardReads = 0;
  private refusal: Error | undefined;
  private readonly open = new Set<BreakableSubscription>();

  constructor(private readonly inner: EsdbClient) {}

  appendToStream(...args: Parameters<EsdbClient['appendToStream']>): ReturnType<EsdbClient['appendToStream']> {
    return this.inner.appendToStream(...args);
  }

  readStream(...args: Parameters<EsdbClient['readStream']>): ReturnType<EsdbClient['readStream']> {
    return this.inner.readStream(...args);
  }

  readAll(...args: Parameters<EsdbClient['readAll']>): ReturnType<EsdbClient['readAll']> {
    if (args[0].direction !== 'backwards') this.forwardReads++;
    return this.inner.readAll(...args);
  }

  subscribeToAll(options: SubscribeToAllOptions): EsdbSubscription {
    this.subscriptionsOpened++;
    const subscription = new BreakableSubscription(this.inner.subscribeToAll(options), () => this.open.delete(subscription));
    if (this.refusal) subscription.break(this.refusal);
    else this.open.add(subscription);
    return subscription;
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }

  /** Subscriptions open and not broken. */
  get openSubscriptions(): number {
    return this.open.size;
  }

  /** Breaks every open subscription. */
  drop(error: Error = new UnavailableError(undefined, 'connection reset')): void {
    for (const subscription of this.open) subscription.break(error);
  }

  /** Subscriptions opened from now on fail at once, until accept(). */
  refuse(error: Error = new UnavailableError(undefined, 'subscription refused')): void {
    this.refusal = error;
  }

  accept(): void {
    this.refusal = undefined;
  }
}

class BreakableSubscription implements EsdbSubscription {
  private fail: (error: Error) => void = () => undefined;
  private readonly broken = new Promise<never>((_, reject) => (this.fail = reject));

  constructor(
    private readonly inner: EsdbSubscription,
    private readonly onEnd: () => void,
  ) {
    this.broken.catch(() => undefined); // raised through the iteration, if anyone iterates
  }

  on(event: 'caughtUp' | 'fellBehind', listener: () => void): this {
    this.inner.on(event, listener);
    return this;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<AllStreamResolvedEvent> {
    const events = this.inner[Symbol.asyncIterator]();
    for (;;) {
      // Broken first: once broken, it throws, whatever the stream underneath does.
      const next = await Promise.race([this.broken, events.next()]);
      if (next.done) return;
      yield next.value;
    }
  }

  break(error: Error): void {
    this.onEnd();
    this.fail(error);
    void this.unsubscribe();
  }

  async unsubscribe(): Promise<void> {
    this.onEnd();
    await this.inner.unsubscribe().catch(() => undefined);
    this.inner.destroy();
  }

  destroy(): void {
    this.onEnd();
    this.inner.destroy();
  }
}
