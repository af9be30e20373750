import type { Position } from '../../shared/envelope';
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

/** Where read models, projector checkpoints and small service records live. */
export interface ReadStore {
  collection<T extends Doc>(name: string): ReadCollection<T>;
  getCheckpoint(projector: string): Promise<Position | undefined>;
  saveCheckpoint(projector: string, position: Position): Promise<void>;
  deleteCheckpoint(projector: string): Promise<void>;
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
