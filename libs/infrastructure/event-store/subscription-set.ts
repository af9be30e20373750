import type { Subscription } from './event-store.port';

/**
 * The live subscriptions of one store: each is handed out with a stop() that also forgets
 * it, and stopAll() (on close) waits for their in-flight handlers.
 */
export class SubscriptionSet<S extends Subscription> implements Iterable<S> {
  private readonly live = new Set<S>();

  track(subscription: S): Subscription {
    this.live.add(subscription);
    return {
      stop: async () => {
        this.live.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async stopAll(): Promise<void> {
    const running = [...this.live];
    this.live.clear();
    await Promise.all(running.map((subscription) => subscription.stop()));
  }

  [Symbol.iterator](): Iterator<S> {
    return this.live[Symbol.iterator]();
  }
}
