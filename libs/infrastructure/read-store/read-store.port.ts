import type { Position } from '@warden/shared/envelope';
import type { ThrottleRecords } from './throttle-records.port';

/** A read-model document: `id` is its key. */
export interface Doc {
  id: string;
  [field: string]: unknown;
}

export type Filter = Record<string, string | number | boolean | null>;

export interface FindOptions {
  /** Equality on top-level fields; plus optional range on one field. */
  range?: { field: string; gt?: string | number; gte?: string | number; lt?: string | number; lte?: string | number };
  sort?: { field: string; direction: 'asc' | 'desc' }[];
  limit?: number;
}

export interface ReadCollection<T extends Doc> {
  get(id: string): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /** Insert or replace the whole document. */
  put(doc: T): Promise<void>;
  delete(id: string): Promise<void>;
  /** Deletes every document matching the filter; returns how many. */
  deleteMany(filter: Filter): Promise<number>;
  /** Empties the collection (used by projection rebuilds). */
  truncate(): Promise<void>;
  /** Declares a lookup field; adapters create an index (idempotent). */
  ensureIndex(field: string, options?: { unique?: boolean }): Promise<void>;
}

/** The documents one collection gets from a projector's batch. */
export interface CollectionChanges {
  collection: string;
  /** Whole documents to insert or replace. */
  put: Doc[];
  /** Ids to delete (absent ones are fine). */
  delete: string[];
}

/**
 * A projection lease's proof of ownership: the write is refused (LeaseLostError) when the
 * lease named by the checkpoint key has been taken over since `token` was granted.
 */
export interface LeaseFence {
  holder: string;
  token: number;
}

/** One projector batch: its documents and its checkpoint, written together. */
export interface BatchWrite {
  changes: CollectionChanges[];
  checkpoint: { key: string; position: Position; fence?: LeaseFence };
}

/** A rebuilt projection taking the place of the live one (see ReadStore.replaceCollections). */
export interface CollectionReplacement {
  /** Each replacement collection takes its live collection's name; the live one is dropped. */
  collections: { live: string; replacement: string }[];
  /** The replacement's checkpoint becomes the live key's; the live key's lease is fenced. */
  checkpoint: { replacement: string; live: string };
}

/** Where read models, projector checkpoints and small service records live. */
export interface ReadStore {
  collection<T extends Doc>(name: string): ReadCollection<T>;
  getCheckpoint(projector: string): Promise<Position | undefined>;
  saveCheckpoint(projector: string, position: Position): Promise<void>;
  deleteCheckpoint(projector: string): Promise<void>;
  /**
   * Writes a projector batch. SQLite: documents and checkpoint in one transaction. MongoDB:
   * one bulkWrite per collection, then the checkpoint; a document never moves back to an
   * older `_position`, so a batch replayed after a crash in between changes nothing.
   * With a fence, rejects with LeaseLostError (writing nothing, on SQLite) once another
   * holder has taken the lease.
   */
  commitBatch(batch: BatchWrite): Promise<void>;
  /**
   * Several projections' batches of one step, written together. SQLite: one transaction,
   * all or none (a lost fence refuses them all). MongoDB: one after the other, each as
   * commitBatch, so a failure may leave the earlier ones written; they are idempotent, and
   * the runner then commits each again on its own.
   */
  commitBatches(batches: BatchWrite[]): Promise<void>;
  /**
   * Takes or renews the lease on a checkpoint key for `ttlMs`: the token to fence writes
   * with, or undefined while another holder's lease runs. A takeover increments the token.
   */
  acquireLease(key: string, holder: string, ttlMs: number): Promise<number | undefined>;
  /** Gives the lease up at once if `holder` has it (a clean stop). */
  releaseLease(key: string, holder: string): Promise<void>;
  /**
   * Rebuild without downtime: the rebuilt collections take the live ones' names (the old
   * ones are dropped), the checkpoint moves with them, and the live key's lease token is
   * bumped, so a projector still writing the old version is fenced off and picks up again
   * from the new checkpoint. SQLite: one transaction; MongoDB: one rename per collection.
   */
  replaceCollections(replacement: CollectionReplacement): Promise<void>;
  /**
   * Calls `listener` after each checkpoint this process writes to this store (in-process
   * push for read-your-writes waiters). Returns the unsubscribe function.
   */
  onCheckpoint(listener: () => void): () => void;
  /**
   * After an erasure: makes sure overwritten and deleted values are gone from the store's
   * files too, not only from its documents (SQLite keeps old page images in its WAL).
   */
  purgeOverwritten(): Promise<void>;
  /** Login throttle records of one kind, updated only by atomic steps (see ThrottleRecords). */
  throttleRecords(name: string): ThrottleRecords;
  ping(): Promise<void>;
  close(): Promise<void>;
}
