import { END, streamNameFilter } from '@eventstore/db-client';
import { AppendWatch } from './append-watch';
import type { EsdbClient, EsdbSubscription } from './esdb-client';
import { StopSignal } from './stop-signal';
import { WARDEN_STREAM_PREFIXES } from './warden-streams';

/**
 * EventStoreDB pushes appends: while anyone listens, a live subscription to $all (from
 * the end, filtered by the server on Warden's stream prefixes, so a shared cluster's other
 * traffic never reaches us) wakes the listeners on every event. When it drops, the
 * listeners are woken anyway (they may have missed something) and it is reopened after
 * `retryDelayMs`.
 */
export class EsdbAppendWatch {
  private readonly watch = new AppendWatch(undefined, 0, 0);
  private signal: StopSignal | undefined;
  private source: EsdbSubscription | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly client: EsdbClient,
    private readonly options: { retryDelayMs: number; onError: (error: unknown) => void },
  ) {}

  add(listener: () => void): () => void {
    const remove = this.watch.add(listener);
    if (!this.running) {
      const signal = (this.signal = new StopSignal());
      this.running = this.follow(signal);
    }
    return remove;
  }

  async stop(): Promise<void> {
    this.signal?.stop();
    await this.source?.unsubscribe().catch(() => undefined);
    this.source?.destroy();
    await this.running;
    this.running = undefined;
  }

  private async follow(signal: StopSignal): Promise<void> {
    while (!signal.stopped) {
      const source = this.client.subscribeToAll({ fromPosition: END, filter: streamNameFilter({ prefixes: [...WARDEN_STREAM_PREFIXES] }) });
      this.source = source;
      try {
        for await (const resolved of source) {
          if (signal.stopped) break;
          if (resolved.event) this.watch.notify();
        }
      } catch (error) {
        if (!signal.stopped) this.options.onError(error);
      }
      if (signal.stopped) return;
      this.watch.notify();
      await signal.sleep(this.options.retryDelayMs);
    }
  }
}
