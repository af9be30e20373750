import { EventEmitter } from 'node:events';
import {
  type AllStreamResolvedEvent,
  type AppendResult,
  type AppendToStreamOptions,
  BACKWARDS,
  type EventData,
  NO_STREAM,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  STREAM_EXISTS,
  StreamNotFoundError,
  type SubscribeToAllOptions,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { EsdbClient, EsdbSubscription } from '../esdb-client';
import type { EsdbLogPosition } from '../esdb-position';

type StoredEvent = NonNullable<AllStreamResolvedEvent['event']>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An in-memory stand-in for an EventStoreDB server, behind the client interface the adapter
 * uses. It follows the server's documented behaviour as far as the adapter relies on it:
 * every event, even within one multi-event append, has its own log position, with
 * commit = prepare (since v20 an append is prepares marked as committed, with no separate
 * commit record; its reply carries the last event's position);
 * system events ($-types in $-streams) sit between user events and at the end of $all;
 * JSON data and metadata cross a serialisation boundary; event ids must be UUIDs;
 * optimistic concurrency is checked atomically at append time; a missing stream raises
 * StreamNotFoundError while iterating; $all reads start inclusively, subscriptions
 * exclusively. A subscription to $all filters on the server (stream name or event type,
 * prefixes or regex), delivers what exists after its start and then each append, and
 * signals `caughtUp` when it has sent the last event there is (23.10 and later), ahead of
 * the consumer reading it, as the client's stream buffer allows; a dropped connection is
 * thrown by the iteration, as UnavailableError, after the events already received. It is no proof of the real server: run the int spec against one for that.
 */
export class FakeEsdbClient implements EsdbClient {
  private readonly log: StoredEvent[] = [];
  private readonly live = new Set<FakeSubscription>();
  private nextLogPosition = 1000n;
  private appends = 0;
  /** Appends refused by the server's own expected-revision check. */
  conflicts = 0;

  constructor() {
    this.writeSystemEvent('$epochs', '$epoch-information');
    this.writeSystemEvent('$users', '$UserCreated');
  }

  async appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<AppendResult> {
    await networkHop();
    const current = this.currentRevision(streamName);
    const expected = options.expectedRevision ?? 'any';
    const matches =
      expected === 'any' ||
      (expected === NO_STREAM && current === NO_STREAM) ||
      (expected === STREAM_EXISTS && current !== NO_STREAM) ||
      expected === current;
    if (!matches) {
      this.conflicts++;
      throw new WrongExpectedVersionError(undefined, { streamName, expected, current });
    }
    let revision = current === NO_STREAM ? -1n : current;
    events.forEach((event) => {
      if (!UUID.test(event.id)) throw new Error(`event id ${event.id} is not a UUID`);
      revision++;
      this.log.push({
        streamId: streamName,
        id: event.id,
        revision,
        type: event.type,
        isJson: true,
        data: wire(event.data),
        metadata: wire(event.metadata),
        created: new Date(),
        position: this.takeLogPosition(),
      } as StoredEvent);
    });
    const last = this.log[this.log.length - 1].position;
    // The server writes its own events too (stats, scavenges...): keep some between ours.
    if (++this.appends % 3 === 0) this.writeSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
    this.notify();
    return { success: true, nextExpectedRevision: revision, position: last };
  }

  readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<ResolvedEvent> {
    const backwards = options.direction === BACKWARDS;
    const stream = this.log.filter((e) => e.streamId === streamName);
    const from = options.fromRevision;
    const selected = (backwards ? [...stream].reverse() : stream).filter((e) =>
      typeof from !== 'bigint' ? true : backwards ? e.revision <= from : e.revision >= from,
    );
    const count = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    return yieldAfterHop(async () => {
      if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
      return selected.slice(0, count).map((event) => ({ event, commitPosition: event.position.commit }));
    });
  }

  readAll(options: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent> {
    const from = options.fromPosition;
    const backwards = options.direction === BACKWARDS;
    const ordered = backwards ? [...this.log].reverse() : this.log;
    const selected = ordered.filter((e) =>
      typeof from !== 'object' ? true : backwards ? compare(e.position, from) < 0 : compare(e.position, from) >= 0,
    );
    const count = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    return yieldAfterHop(async () => selected.slice(0, count).map((event) => ({ event, commitPosition: event.position.commit })));
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EsdbSubscription {
    checkFilter(options.filter);
    const from = options.fromPosition;
    const passes = serverFilter(options.filter);
    const start = typeof from === 'object' ? from : from === 'end' ? this.log[this.log.length - 1].position : undefined;
    const subscription = new FakeSubscription(
      (after, limit) => this.matching(after, passes, limit),
      start,
      () => this.live.delete(subscription),
    );
    this.live.add(subscription);
    return subscription;
  }

  async dispose(): Promise<void> {
    for (const subscription of this.live) subscription.destroy();
  }

  /** Subscriptions open now. */
  get openSubscriptions(): number {
    return this.live.size;
  }

  /** Breaks every open subscription, as a dropped connection would. */
  dropSubscriptions(): void {
    for (const subscription of this.live) subscription.fail(new UnavailableError(undefined, 'connection reset'));
  }

  /** What the server stores for an event: for checking the envelope mapping. */
  stored(eventId: string): StoredEvent | undefined {
    return this.log.find((e) => e.id === eventId);
  }

  writeSystemEvent(streamId: string, type: string): void {
    const position = this.takeLogPosition();
    const revision = BigInt(this.log.filter((e) => e.streamId === streamId).length);
    const event = { streamId, id: '00000000-0000-4000-8000-000000000000', revision, type, isJson: true, data: {}, metadata: undefined, created: new Date(), position };
    this.log.push(event as StoredEvent);
    this.notify();
  }

  /** The next record's place in the log: records are variable-length, so positions leap. */
  private takeLogPosition(): EsdbLogPosition {
    const at = this.nextLogPosition;
    this.nextLogPosition += 100n + BigInt(this.log.length % 7) * 13n;
    return { commit: at, prepare: at };
  }

  /** Up to `limit` events after a position that pass the filter (the log is in position order). */
  private matching(after: EsdbLogPosition | undefined, passes: (event: StoredEvent) => boolean, limit: number): StoredEvent[] {
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(this.log[middle].position, after) > 0) high = middle;
      else low = middle + 1;
    }
    const found: StoredEvent[] = [];
    for (let i = low; i < this.log.length && found.length < limit; i++) if (passes(this.log[i])) found.push(this.log[i]);
    return found;
  }

  private currentRevision(streamName: string): bigint | typeof NO_STREAM {
    const last = this.log.filter((e) => e.streamId === streamName).pop();
    return last ? last.revision : NO_STREAM;
  }

  private notify(): void {
    for (const subscription of this.live) subscription.poke();
  }
}

/** The client's buffer holds this many events before it stops taking more from the server. */
const HIGH_WATER_MARK = 16;

/**
 * A catch-up subscription: what exists after the start position, then what comes. The
 * server's messages move into the client's buffer (`pending`) a few per network hop, while
 * the consumer reads them one at a time.
 */
class FakeSubscription extends EventEmitter implements EsdbSubscription {
  private readonly pending: StoredEvent[] = [];
  /** The last event moved into the buffer. */
  private sent: EsdbLogPosition | undefined;
  private live = false;
  private ended = false;
  private failure: Error | undefined;
  private transferring = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly after: (position: EsdbLogPosition | undefined, limit: number) => StoredEvent[],
    start: EsdbLogPosition | undefined,
    private readonly onEnd: () => void,
  ) {
    super();
    this.sent = start;
    this.poke();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<AllStreamResolvedEvent> {
    for (;;) {
      if (this.ended) return;
      const next = this.pending.shift();
      if (next) {
        this.poke();
        yield { event: next, commitPosition: next.position.commit };
      } else if (this.failure) {
        throw this.failure;
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    }
  }

  /** The server has something new (or the consumer made room): send it after a network hop. */
  poke(): void {
    if (this.transferring) return;
    this.transferring = true;
    setImmediate(() => {
      this.transferring = false;
      if (this.ended || this.failure) return;
      for (const event of this.after(this.sent, Math.max(0, HIGH_WATER_MARK - this.pending.length))) {
        this.pending.push(event);
        this.sent = event.position;
      }
      if (!this.live && this.after(this.sent, 1).length === 0) {
        this.live = true;
        this.emit('caughtUp');
      }
      this.resume();
    });
  }

  fail(error: Error): void {
    this.failure = error;
    this.resume();
  }

  async unsubscribe(): Promise<void> {
    this.destroy();
  }

  destroy(): void {
    this.ended = true;
    this.onEnd();
    this.resume();
  }

  private resume(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/** The client's own checks of a filter, thrown as it throws them when subscribing. */
function checkFilter(filter: SubscribeToAllOptions['filter']): void {
  if (!filter) return;
  if (typeof filter.maxSearchWindow === 'number' && filter.maxSearchWindow <= 0) throw new Error('MaxSearchWindow must be greater than 0.');
  if (filter.checkpointInterval <= 0) throw new Error('CheckpointInterval must be greater than 0.');
}

/** The server-side filter of a $all subscription: a regex or prefixes, on the event type or the stream name. */
function serverFilter(filter: SubscribeToAllOptions['filter']): (event: StoredEvent) => boolean {
  if (!filter) return () => true;
  const field = (event: StoredEvent) => (filter.filterOn === 'eventType' ? event.type : event.streamId);
  if ('regex' in filter) {
    const regex = new RegExp(filter.regex);
    return (event) => regex.test(field(event));
  }
  return (event) => filter.prefixes.some((prefix) => field(event).startsWith(prefix));
}

function compare(a: EsdbLogPosition, b: EsdbLogPosition | undefined): number {
  if (!b) return 1;
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

/** What the client does to JSON on its way to the server and back. */
function wire(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** Lets concurrent calls interleave as they would over the network. */
function networkHop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function* yieldAfterHop<T>(load: () => Promise<T[]>): AsyncIterable<T> {
  await networkHop();
  yield* await load();
}
