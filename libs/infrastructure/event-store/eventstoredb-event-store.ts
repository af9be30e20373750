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
import { EsdbSubscriptionFeed } from './esdb-feed';
import {
  type AppendResult,
  type EventFeed,
  type EventStore,
  type ExpectedRevision,
  type FeedOptions,
  type ReadAllOptions,
  type ReadStreamOptions,
  WrongExpectedRevisionError,
} from './event-store.port';
import { chainEvents, GENESIS_HASH } from './hash-chain';
import { OpenFeeds } from './open-feeds';
import { isWardenStream, WARDEN_STREAM_PREFIXES } from './warden-streams';

export interface EventStoreDbEventStoreOptions {
  /** Events per read of $all; system events are filtered out of each page here. */
  pageSize?: number;
  /** First wait before a feed reopens its failed subscription (it doubles while failures go on). Default 1000 ms. */
  retryDelayMs?: number;
  /** Told about every failure of a feed's subscription; the feed polls meanwhile and keeps going. */
  onError?: (error: unknown) => void;
  /** Longest wait of a feed for its first event while catching up (see EsdbFeedOptions). Default 1000 ms. */
  catchUpWaitMs?: number;
}

function reportToConsole(error: unknown): void {
  // eslint-disable-next-line no-console
  console.error('EventStoreDB subscription failed; polling until it is reopened', error);
}

/**
 * The production event store on EventStoreDB. Positions are `<commit>/<prepare>`
 * (see esdb-position.ts); the envelope mapping is in esdb-envelope.ts. Event ids must be
 * UUIDs, as EventStoreDB requires.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EsdbClient;
  private readonly feeds = new OpenFeeds();
  private readonly options: Required<EventStoreDbEventStoreOptions>;
  /**
   * Events of $all that are not Warden's, passed over by reads and feeds: other
   * applications' streams (a shared cluster) and events in Warden-named streams that are
   * not Warden envelopes. Skipped, never fatal, each counted once (reads that pass over
   * the same stretch again do not add to it), for `warden_foreign_events_skipped_total`.
   */
  foreignEventsSkipped = 0;
  /** The newest position counted in foreignEventsSkipped. */
  private skippedUpTo: Position | undefined;

  /** `connection`: an `esdb://…` connection string, or a client (tests). */
  constructor(connection: string | EsdbClient, options: EventStoreDbEventStoreOptions = {}) {
    this.client = typeof connection === 'string' ? EventStoreDBClient.connectionString(connection) : connection;
    this.options = {
      // At least 2, so that a page re-reading its inclusive start still moves forwards.
      pageSize: Math.max(2, options.pageSize ?? 500),
      retryDelayMs: options.retryDelayMs ?? 1000,
      onError: options.onError ?? reportToConsole,
      catchUpWaitMs: options.catchUpWaitMs ?? 1000,
    };
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
   * The client of this version cannot filter a read of $all, so pages are read and other
   * events dropped here (see wardenEvent), until maxCount of ours are found or the log ends.
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
        if (events.length >= wanted) continue;
        const event = this.wardenEvent(resolved);
        if (event) events.push(event);
      }
      const last = page[page.length - 1];
      if (page.length < count || !last) break;
      from = last.position;
      after = encodeEsdbPosition(last.position);
    }
    return events;
  }

  /**
   * A catch-up subscription to $all from `after`, filtered by the server on Warden's
   * stream prefixes (a shared cluster's other traffic never reaches us); paged reads only
   * while the subscription is down. See EsdbSubscriptionFeed.
   */
  openFeed(after: Position | undefined, options: FeedOptions): EventFeed {
    if (after !== undefined) decodeEsdbPosition(after); // fail now on a foreign position, not in the pump
    const feed = new EsdbSubscriptionFeed(
      {
        subscribe: (from) => {
          const start = from === undefined ? 'start' : decodeEsdbPosition(from);
          return this.client.subscribeToAll({
            // Exclusive on the server: the first event delivered is the one after `from`.
            fromPosition: start === 'start' ? START : start,
            filter: streamNameFilter({ prefixes: [...WARDEN_STREAM_PREFIXES] }),
          });
        },
        convert: (resolved) => (resolved.event ? this.wardenEvent(resolved.event) : undefined),
        readAfter: (from, maxCount) => this.readAll({ after: from, maxCount }),
      },
      after,
      {
        readAhead: options.readAhead ?? 1000,
        onReady: options.onReady,
        onError: this.options.onError,
        retryDelayMs: this.options.retryDelayMs,
        catchUpWaitMs: this.options.catchUpWaitMs,
      },
    );
    return this.feeds.track(feed);
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

  /** Closes this store's feeds (their subscriptions), then disconnects. */
  async close(): Promise<void> {
    await this.feeds.closeAll();
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

  /**
   * Ours, or undefined: system events are dropped, and events of other streams or that
   * are no Warden envelope are counted as skipped (never fatal: on a shared cluster
   * anyone may write to $all).
   */
  private wardenEvent(event: AllEvent): RecordedEvent | undefined {
    if (!isUserEvent(event)) return undefined;
    const position = encodeEsdbPosition(event.position);
    if (isWardenStream(event.streamId)) {
      try {
        return fromEsdbRecord(event, position);
      } catch {
        // Not written by this adapter: skipped and counted like another application's event.
      }
    }
    if (this.skippedUpTo === undefined || comparePositions(position, this.skippedUpTo) > 0) {
      this.foreignEventsSkipped++;
      this.skippedUpTo = position;
    }
    return undefined;
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
