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

export interface Subscription {
  stop(): Promise<void>;
}

export type EventHandler = (event: RecordedEvent) => Promise<void>;

/**
 * The only source of truth. Appends are optimistic: the expected revision is checked and
 * the hash chain (metadata.prevHash/hash) is computed by the store over the event as given.
 */
export interface EventStore {
  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** An empty array when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of every stream in global order (user events only). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription: replays from the checkpoint, then follows live appends. */
  subscribeToAll(after: Position | undefined, handler: EventHandler): Subscription;
  /**
   * Calls `listener` soon after events may have been appended (it then reads them itself):
   * at once for appends through this instance, and by each adapter's own means for other
   * writers (SQLite: a cheap poll with backoff; EventStoreDB: a live server subscription).
   * Returns the unsubscribe function.
   */
  watchAppends(listener: () => void): () => void;
  /** Position of the newest event, or undefined on an empty store. */
  headPosition(): Promise<Position | undefined>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
