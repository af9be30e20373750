import type { EventToAppend, Position, RecordedEvent } from '@warden/shared/envelope';

/** Exact 0-based revision of the stream's last event, or the stream must not exist yet. */
export type ExpectedRevision = number | 'no_stream';

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${expected}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export interface AppendResult {
  /** Revision of the last event appended. */
  revision: number;
  /** Position of the last event appended. */
  position: Position;
  events: RecordedEvent[];
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive start revision (forwards: lowest, backwards: highest). */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to start at the beginning. */
  after?: Position;
  maxCount?: number;
}

/**
 * A reader of the global order that hands out batches, for a consumer that keeps its own
 * checkpoint (the projector). It starts strictly after a position and remembers what it
 * has handed out; the consumer calls `next` one call at a time.
 */
export interface EventFeed {
  /**
   * The next events (user events of Warden's streams, in global order), at most
   * `maxCount`: those ready now, so a batch is large while catching up and one event when
   * following live. Waits for the first while the feed is still catching up; resolves
   * with [] once it has caught up and nothing new came (then `onReady` tells when to ask again).
   */
  next(maxCount: number): Promise<RecordedEvent[]>;
  /** Stops reading and lets go of the connection; the feed is not used after. */
  close(): Promise<void>;
}

export interface FeedOptions {
  /**
   * Called soon after new events may be ready (by an append through this store, another
   * process's or server's push, or a fallback poll), so a consumer can sleep in between.
   */
  onReady: () => void;
  /** How many events the feed may hold ahead of `next` (the consumer's batch size). Default 1000. */
  readAhead?: number;
}

/**
 * The only source of truth. Appends are optimistic: the expected revision is checked and
 * the hash chain (metadata.prevHash/hash) is computed by the store over the event as given.
 */
export interface EventStore {
  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** An empty array when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of every stream in global order (user events of Warden’s streams only). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Follows the global order strictly after `after` (from the start when undefined):
   * SQLite reads the file, woken by appends; EventStoreDB follows a server-filtered
   * catch-up subscription, and polls only while that subscription is down.
   */
  openFeed(after: Position | undefined, options: FeedOptions): EventFeed;
  /** Position of the newest event, or undefined on an empty store. */
  headPosition(): Promise<Position | undefined>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
