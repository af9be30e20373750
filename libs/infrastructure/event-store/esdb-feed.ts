import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import type { Position, RecordedEvent } from '@warden/shared/envelope';
import { comparePositions } from '@warden/shared/position';
import type { EsdbSubscription } from './esdb-client';
import type { EventFeed } from './event-store.port';

/** What the feed needs from the store: the server subscription, the event mapping, the paged read. */
export interface EsdbFeedSource {
  /** A catch-up subscription to $all strictly after `after`, filtered by the server on Warden's streams. */
  subscribe(after: Position | undefined): EsdbSubscription;
  /** Our event, or undefined for one to pass over (system, foreign or undecodable; the store counts them). */
  convert(resolved: AllStreamResolvedEvent): RecordedEvent | undefined;
  /** The fallback: a read of $all strictly after `after`. */
  readAfter(after: Position | undefined, maxCount: number): Promise<RecordedEvent[]>;
}

export interface EsdbFeedOptions {
  readAhead: number;
  onReady: () => void;
  onError: (error: unknown) => void;
  /** First wait before reopening a failed subscription; doubles at each failure in a row, up to MAX_RETRY_DELAY_MS. */
  retryDelayMs: number;
  /**
   * Longest wait in `next` for a full batch while catching up. The server says when it
   * has caught up (23.10 and later), and from then on `next` hands out what has arrived;
   * this bounds the wait on a slow stretch (other applications' events the server scans
   * past) and, on older servers that never say it, when following live.
   */
  catchUpWaitMs: number;
}

const MAX_RETRY_DELAY_MS = 30_000;
/** Fallback polling: at once after finding events, backing off to the maximum while nothing comes. */
const POLL_MS = { min: 50, max: 1000 };

/**
 * Follows $all through EventStoreDB's catch-up subscription, filtered by the server on
 * Warden's stream prefixes, and hands the events out in batches. A pump reads ahead, at
 * most `readAhead` events, while the consumer is busy with the previous batch; while
 * catching up `next` waits for a full batch (one commit for many events), once caught up
 * it hands out what has arrived (one event when live). When the subscription fails (connection lost, a server
 * that refuses it), the feed reads $all by pages after the last event it handed out, and
 * tries the subscription again with a growing delay. Nothing is skipped or repeated: the
 * feed always resumes strictly after the last event it received.
 */
export class EsdbSubscriptionFeed implements EventFeed {
  /** The last event handed out. */
  private handedOut: Position | undefined;
  /** Received from the subscription, not handed out yet. */
  private readonly buffer: RecordedEvent[] = [];
  private source: EsdbSubscription | undefined;
  private pumping: Promise<void> = Promise.resolve();
  /** The server has sent everything up to the live end of the log (and we have read it). */
  private caughtUp = false;
  private closed = false;
  private failuresInARow = 0;
  private retryAt = 0;
  private pollMs = POLL_MS.min;
  private pollTimer: NodeJS.Timeout | undefined;
  /** Ends a pending wait in `next`; `wanted`: how many buffered events end it too. */
  private arrived: (() => void) | undefined;
  private wanted = Number.POSITIVE_INFINITY;
  /** Lets a pump that filled the read-ahead go on. */
  private drained: (() => void) | undefined;

  constructor(
    private readonly from: EsdbFeedSource,
    after: Position | undefined,
    private readonly options: EsdbFeedOptions,
  ) {
    this.handedOut = after;
    this.subscribe();
  }

  async next(maxCount: number): Promise<RecordedEvent[]> {
    if (this.closed) return [];
    if (!this.source && Date.now() >= this.retryAt) this.subscribe();
    await this.fill(Math.min(maxCount, this.options.readAhead));
    // One turn of the event loop lets the pump take in all the client has received (it
    // reads in microtasks): the batch is as large as what is there, and nothing sent before
    // a `caughtUp` is left behind in the client's stream buffer.
    if (this.source && this.buffer.length < maxCount) await new Promise((resolve) => setImmediate(resolve));
    if (this.closed) return [];
    const batch = this.source ? this.buffer.splice(0, maxCount) : await this.poll(maxCount);
    this.release();
    this.handedOut = batch.at(-1)?.position ?? this.handedOut;
    return batch;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.pollTimer);
    this.arrived?.();
    this.release();
    const source = this.source;
    this.source = undefined;
    if (source) await closeQuietly(source);
    await this.pumping;
  }

  private subscribe(): void {
    const source = this.from.subscribe(this.handedOut);
    this.source = source;
    this.caughtUp = false;
    this.pumping = this.pump(source);
  }

  private async pump(source: EsdbSubscription): Promise<void> {
    source.on('caughtUp', () => {
      if (this.source !== source) return;
      this.caughtUp = true;
      this.failuresInARow = 0;
      this.arrived?.();
    });
    source.on('fellBehind', () => {
      if (this.source === source) this.caughtUp = false;
    });
    try {
      for await (const resolved of source) {
        if (this.source !== source) break;
        const event = this.from.convert(resolved);
        // The server starts after the position given; this also guards a resubscription.
        if (event && isAfter(event.position, this.buffer.at(-1)?.position ?? this.handedOut)) this.receive(event);
        if (this.buffer.length >= this.options.readAhead) await new Promise<void>((resolve) => (this.drained = resolve));
      }
      if (this.source === source) throw new Error('EventStoreDB ended the $all subscription');
    } catch (error) {
      if (this.source === source) this.fail(error);
    } finally {
      await closeQuietly(source);
    }
  }

  private receive(event: RecordedEvent): void {
    this.buffer.push(event);
    this.failuresInARow = 0;
    if (this.buffer.length >= this.wanted) this.arrived?.();
    this.options.onReady();
  }

  /**
   * The subscription is gone: poll until it is due again, with a delay that grows while it
   * keeps failing. What it had read ahead is dropped: polling reads it again after the
   * last event handed out.
   */
  private fail(error: unknown): void {
    this.buffer.length = 0;
    this.release();
    this.source = undefined;
    this.caughtUp = false;
    this.failuresInARow++;
    this.retryAt = Date.now() + Math.min(this.options.retryDelayMs * 2 ** (this.failuresInARow - 1), MAX_RETRY_DELAY_MS);
    this.pollMs = POLL_MS.min;
    this.options.onError(error);
    this.arrived?.();
    this.options.onReady();
  }

  private async poll(maxCount: number): Promise<RecordedEvent[]> {
    const batch = await this.from.readAfter(this.handedOut, maxCount);
    this.pollMs = batch.length > 0 ? POLL_MS.min : Math.min(this.pollMs * 2, POLL_MS.max);
    clearTimeout(this.pollTimer);
    // Wake the consumer for the next poll, or for the retry of the subscription if sooner.
    this.pollTimer = setTimeout(this.options.onReady, Math.max(0, Math.min(this.pollMs, this.retryAt - Date.now())));
    this.pollTimer.unref();
    return batch;
  }

  /**
   * While catching up: resolves once `want` events are buffered, or the feed catches up,
   * fails or closes, or after catchUpWaitMs.
   */
  private async fill(want: number): Promise<void> {
    if (!this.source || this.caughtUp || this.buffer.length >= want) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.arrived = undefined;
        this.wanted = Number.POSITIVE_INFINITY;
        resolve();
      };
      const timer = setTimeout(done, this.options.catchUpWaitMs);
      this.arrived = done;
      this.wanted = want;
    });
  }

  private release(): void {
    if (this.buffer.length >= this.options.readAhead && !this.closed) return;
    const drained = this.drained;
    this.drained = undefined;
    drained?.();
  }
}

function isAfter(position: Position, after: Position | undefined): boolean {
  return after === undefined || comparePositions(position, after) > 0;
}

const closed = new WeakSet<EsdbSubscription>();

async function closeQuietly(source: EsdbSubscription): Promise<void> {
  if (closed.has(source)) return;
  closed.add(source);
  // Being discarded: a failure to cancel (connection already gone) changes nothing.
  await source.unsubscribe().catch(() => undefined);
  source.destroy();
}
