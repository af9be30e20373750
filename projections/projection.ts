import type { RecordedEvent } from '@warden/shared/envelope';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';

/** What the runner needs from an event, whatever shape the decoder turns it into. */
export type ProjectedEvent = Pick<RecordedEvent, 'position' | 'streamId' | 'revision' | 'eventId' | 'type'>;

/**
 * Turns a stored event into what projectors see. The real one decrypts personal fields
 * and upcasts old schema versions, so projectors only ever know the current shape.
 */
export type Decode<E extends ProjectedEvent> = (event: RecordedEvent) => Promise<E>;

/** For projections that read stored events as they are (and for tests). */
export const recordedAsIs: Decode<RecordedEvent> = async (event) => event;

/**
 * What a projection may do with the read store while handling a batch: use its
 * collections and ask for a purge after an erasure. The runner gives it a WorkingSet, so
 * its writes are committed with the checkpoint; checkpoints and leases are the runner's.
 */
export type ProjectionStore = Pick<ReadStore, 'collection' | 'purgeOverwritten'>;

/**
 * A read model built from the global event order.
 *
 * Idempotency rule (contract §5): the runner delivers every event at least once — a crash
 * between `handle` and the checkpoint save replays the batch — so `handle` must be safe to
 * repeat:
 * - every mutable document carries `_position`, the position of the last event applied to
 *   it, and an event at or below that position changes nothing (`applyOnce`);
 * - insert-only documents (audit entries) are keyed by `eventId` (`insertOnce`);
 * - deletes are idempotent as they are: a replay is always a suffix of the log that
 *   contains the delete again.
 * Never read the clock or other mutable state in `handle`: a rebuild must give the same
 * documents as the live run.
 */
export interface Projection<E extends ProjectedEvent = RecordedEvent> {
  /** Stable name: the checkpoint key and the name `rebuild(name)` takes. */
  readonly name: string;
  /** Bump when the document shape or the rules change: the runner rebuilds on start. */
  readonly version: number;
  /** The read-store collections it writes (and only it): what a rebuild builds anew and drops. */
  readonly collections: readonly string[];
  /** Filters by event type before decoding, so unrelated events cost nothing. */
  canHandle(type: string): boolean;
  /** Declares indexes; must be idempotent (called on every start). */
  init(store: ProjectionStore): Promise<void>;
  /** Applies events in global order; may be called again with events already applied. */
  handle(events: E[], store: ProjectionStore): Promise<void>;
  /** Empties every collection this projection owns. */
  truncate(store: ProjectionStore): Promise<void>;
}
