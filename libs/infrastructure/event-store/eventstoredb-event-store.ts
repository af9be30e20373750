import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  type ResolvedEvent,
  START,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { EventToAppend, Position, RecordedEvent } from '@warden/shared/envelope';
import { comparePositions } from '@warden/shared/position';
import type { EsdbClient } from './esdb-client';
import { fromEsdbRecord, isUserEvent, toEsdbEvent } from './esdb-envelope';
import { decodeEsdbPosition, encodeEsdbPosition, type EsdbLogPosition } from './esdb-position';
import { EsdbAppendWatch } from './esdb-append-watch';
import { EsdbCatchUpSubscription } from './esdb-subscription';
import {
  type AppendResult,
  type EventHandler,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type Subscription,
  WrongExpectedRevisionError,
} from './event-store.port';
import { chainEvents, GENESIS_HASH } from './hash-chain';
import { DEFAULT_RETRY_DELAY_MS, reportToConsole, type SubscriptionOptions } from './subscription-options';
import { SubscriptionSet } from './subscription-set';
import { isWardenStream, WARDEN_STREAM_PREFIXES } from './warden-streams';

export interface EventStoreDbEventStoreOptions extends SubscriptionOptions {
  /** Events per read of $all; system events are filtered out of each page here. */
  pageSize?: number;
}

/**
 * The production event store on EventStoreDB. Positions are `<commit>/<prepare>`
 * (see esdb-position.ts); the envelope mapping is in esdb-envelope.ts. Event ids must be
 * UUIDs, as EventStoreDB requires.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EsdbClient;
  private readonly subscriptions = new SubscriptionSet<EsdbCatchUpSubscription>();
  private readonly options: Required<EventStoreDbEventStoreOptions>;
  private readonly appendWatch: EsdbAppendWatch;
  /**
   * Events of other streams (a shared cluster) passed over by readAll: skipped, never
   * fatal, and counted for the `warden_foreign_events_skipped_total` metric.
   */
  foreignEventsSkipped = 0;

  /** `connection`: an `esdb://…` connection string, or a client (tests). */
  constructor(connection: string | EsdbClient, options: EventStoreDbEventStoreOptions = {}) {
    this.client = typeof connection === 'string' ? EventStoreDBClient.connectionString(connection) : connection;
    this.options = {
      // At least 2, so that a page re-reading its inclusive start still moves forwards.
      pageSize: Math.max(2, options.pageSize ?? 500),
      retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
      onError: options.onError ?? reportToConsole,
    };
    this.appendWatch = new EsdbAppendWatch(this.client, this.options);
  }

  /**
   * The chain needs the stream's last hash, so the head is read first and checked against
   * `expected`; the append then carries the same expected revision, so EventStoreDB itself
   * refuses it if another writer got in between the read and the write.
   */
  async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId}: no events given`);
    const head = await this.lastEvent(streamId);
    const actual = head ? head.revision : 'no_stream';
    if (actual !== expected) throw new WrongExpectedRevisionError(streamId, expected, actual);

    const first = head ? head.revision + 1 : 0;
    const chained = chainEvents(streamId, head ? head.metadata.hash : GENESIS_HASH, first, events);
    try {
      await this.client.appendToStream(streamId, chained.map(toEsdbEvent), {
        expectedRevision: expected === 'no_stream' ? NO_STREAM : BigInt(expected),
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedRevisionError(streamId, expected, await this.actualAfterConflict(streamId, expected, error));
      }
      throw error;
    }

    // Read back for each event's own log position (the append reply has one position for the batch).
    const recorded = await this.read(streamId, { fromRevision: first, maxCount: chained.length }, true);
    if (recorded.map((e) => e.eventId).join() !== chained.map((e) => e.eventId).join()) {
      throw new Error(`append to ${streamId}: events read back differ from those appended`);
    }
    const last = recorded[recorded.length - 1];
    return { revision: last.revision, position: last.position, events: recorded };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.read(streamId, options, false);
  }

  /**
   * The client of this version cannot filter a read of $all, so pages are read and system
   * events dropped here, until maxCount user events are found or the log ends.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let after = options.after;
    let from = after === undefined ? 'start' : decodeEsdbPosition(after);
    while (events.length < wanted) {
      const count = Math.min(this.options.pageSize, Math.max(wanted - events.length, 100));
      const page = await this.readAllPage(from, 'forwards', count);
      for (const resolved of page) {
        const position = encodeEsdbPosition(resolved.position);
        // A forwards read includes the event at its start position; `after` is exclusive.
        if (after !== undefined && comparePositions(position, after) <= 0) continue;
        if (!isUserEvent(resolved) || events.length >= wanted) continue;
        if (isWardenStream(resolved.streamId)) events.push(fromEsdbRecord(resolved, position));
        else this.foreignEventsSkipped++;
      }
      const last = page[page.length - 1];
      if (page.length < count || !last) break;
      from = last.position;
      after = encodeEsdbPosition(last.position);
    }
    return events;
  }

  subscribeToAll(after: Position | undefined, handler: EventHandler): Subscription {
    if (after !== undefined) decodeEsdbPosition(after); // fail now on a foreign position, not in the loop
    const subscription = new EsdbCatchUpSubscription(
      (from) => {
        const start = from === undefined ? 'start' : decodeEsdbPosition(from);
        return this.client.subscribeToAll({
          // Exclusive on the server: the first event delivered is the one after `from`.
          fromPosition: start === 'start' ? START : start,
          // The server skips system events and other applications' streams alike.
          filter: streamNameFilter({ prefixes: [...WARDEN_STREAM_PREFIXES] }),
        });
      },
      (resolved) => this.convertAll(resolved),
      after,
      handler,
      { retryDelayMs: this.options.retryDelayMs, onError: this.options.onError },
    );
    return this.subscriptions.track(subscription);
  }

  watchAppends(listener: () => void): () => void {
    return this.appendWatch.add(listener);
  }

  /** The newest user event's position: $all ends in system events more often than not. */
  async headPosition(): Promise<Position | undefined> {
    let from: EsdbLogPosition | 'end' = 'end';
    for (;;) {
      const page = await this.readAllPage(from, 'backwards', this.options.pageSize);
      const newest = page.find((event) => isUserEvent(event) && isWardenStream(event.streamId));
      if (newest) return encodeEsdbPosition(newest.position);
      const oldest = page[page.length - 1];
      if (page.length < this.options.pageSize || !oldest) return undefined;
      from = oldest.position;
    }
  }

  async ping(): Promise<void> {
    await this.readAllPage('end', 'backwards', 1);
  }

  /** Stops this store's subscriptions (after their in-flight handlers), then disconnects. */
  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    await this.appendWatch.stop();
    await this.client.dispose();
  }

  /** `onLeader`: the append path must see its own writes, which a follower may not have yet. */
  private async read(streamId: string, options: ReadStreamOptions, onLeader: boolean): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const reads = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
      maxCount: options.maxCount,
      requiresLeader: onLeader,
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of reads) {
        if (resolved.event) events.push(fromEsdbRecord(resolved.event, streamEventPosition(resolved)));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  private async lastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    const [last] = await this.read(streamId, { direction: 'backwards', maxCount: 1 }, true);
    return last;
  }

  /** The client's report, unless it contradicts the refusal (then the stream is read again). */
  private async actualAfterConflict(
    streamId: string,
    expected: ExpectedRevision,
    error: WrongExpectedVersionError,
  ): Promise<number | 'no_stream'> {
    const reported = error.actualVersion === NO_STREAM ? NO_STREAM : Number(error.actualVersion);
    if (reported !== expected) return reported;
    return (await this.lastEvent(streamId))?.revision ?? 'no_stream';
  }

  private async readAllPage(
    from: EsdbLogPosition | 'start' | 'end',
    direction: 'forwards' | 'backwards',
    maxCount: number,
  ): Promise<AllEvent[]> {
    const page: AllEvent[] = [];
    const reads = this.client.readAll({
      fromPosition: from === 'start' ? START : from === 'end' ? END : from,
      direction: direction === 'backwards' ? BACKWARDS : FORWARDS,
      maxCount,
    });
    for await (const resolved of reads) if (resolved.event) page.push(resolved.event);
    return page;
  }

  private convertAll(resolved: AllStreamResolvedEvent): RecordedEvent | undefined {
    const event = resolved.event;
    if (!event || !isUserEvent(event) || !isWardenStream(event.streamId)) return undefined;
    return fromEsdbRecord(event, encodeEsdbPosition(event.position));
  }
}

type AllEvent = NonNullable<AllStreamResolvedEvent['event']>;

/**
 * Events read from a stream carry their log position on EventStoreDB 22.6 and later. Older
 * servers only give the commit position, which is exact for single-event appends.
 */
function streamEventPosition(resolved: ResolvedEvent): Position {
  const position = resolved.event?.position;
  if (position) return encodeEsdbPosition(position);
  if (resolved.commitPosition !== undefined) {
    return encodeEsdbPosition({ commit: resolved.commitPosition, prepare: resolved.commitPosition });
  }
  throw new Error(`event ${resolved.event?.id ?? '?'}: EventStoreDB gave no position (server older than 22.6?)`);
}
