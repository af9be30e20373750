import { preparePrivateDatabaseFile } from '../private-files';
import { WalCheckpointer } from '../wal-checkpointer';
import Database from 'better-sqlite3';
import type { Position } from '@warden/shared/envelope';
import { CheckpointListeners } from './checkpoint-listeners';
import { LeaseLostError } from './lease-lost.error';
import type { BatchWrite, CollectionReplacement, Doc, ReadCollection, ReadStore } from './read-store.port';
import { SqliteLeases } from './sqlite-leases';
import { SqliteReadCollection } from './sqlite-read-collection';
import { replaceTable } from './sqlite-replace-collections';
import { SqliteStatements } from './sqlite-statements';
import { SqliteThrottleRecords } from './sqlite-throttle-records';
import type { ThrottleRecords } from './throttle-records.port';

export interface SqliteReadStoreOptions {
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
  /** Copy the WAL back into the file on a thread of its own (WalCheckpointer), not inside a commit. */
  checkpointInBackground?: boolean;
}

const CHECKPOINTS_TABLE = 'projector_checkpoints';

/**
 * The embedded read store: one SQLite file that the api, projector and worker processes
 * open at the same time. WAL lets them read while one of them writes; the busy timeout
 * makes a writer wait for another process's lock instead of failing at once.
 * better-sqlite3 is synchronous, so such a wait blocks this event loop (busyTimeoutMs at most).
 */
export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly statements: SqliteStatements;
  private readonly leases: SqliteLeases;
  private readonly checkpointer: WalCheckpointer | undefined;
  private readonly tables = new Map<string, SqliteReadCollection<Doc>>();
  private readonly checkpointListeners = new CheckpointListeners();
  private readonly commitInTransaction: Database.Transaction<(batches: readonly BatchWrite[]) => void>;
  private readonly replaceInTransaction: Database.Transaction<(replacement: CollectionReplacement) => void>;
  private readonly acquireInTransaction: Database.Transaction<(key: string, holder: string, ttlMs: number) => number | undefined>;

  constructor(filePath: string, options: SqliteReadStoreOptions = {}) {
    preparePrivateDatabaseFile(filePath);
    this.db = new Database(filePath, { timeout: options.busyTimeoutMs ?? 5000 });
    this.db.pragma('journal_mode = WAL');
    // Read models are rebuildable from the event store, so NORMAL (may lose the last
    // commits on power loss, never corrupts) is worth the faster writes.
    this.db.pragma('synchronous = NORMAL');
    // Freed and overwritten content is zeroed, so erased personal data leaves the file.
    this.db.pragma('secure_delete = ON');
    if (options.checkpointInBackground) this.checkpointer = WalCheckpointer.start(this.db, filePath);
    this.statements = new SqliteStatements(this.db);
    this.statements.execOnce(`CREATE TABLE IF NOT EXISTS ${CHECKPOINTS_TABLE} (projector TEXT PRIMARY KEY, position TEXT NOT NULL)`);
    this.leases = new SqliteLeases(this.statements);
    this.commitInTransaction = this.db.transaction((batches: readonly BatchWrite[]) => batches.forEach((batch) => this.commitLocked(batch)));
    this.replaceInTransaction = this.db.transaction(({ collections, checkpoint }: CollectionReplacement) => {
      for (const { live, replacement } of collections) replaceTable(this.statements, live, replacement);
      const position = this.readCheckpoint(checkpoint.replacement);
      if (position === undefined) throw new Error(`no checkpoint ${checkpoint.replacement} to put in place of ${checkpoint.live}`);
      this.writeCheckpoint(checkpoint.live, position);
      this.statements.statement(`DELETE FROM ${CHECKPOINTS_TABLE} WHERE projector = ?`).run(checkpoint.replacement);
      this.leases.fence(checkpoint.live);
    });
    this.acquireInTransaction = this.db.transaction((key: string, holder: string, ttlMs: number) =>
      this.leases.acquire(key, holder, ttlMs, Date.now()),
    );
  }

  collection<T extends Doc>(name: string): ReadCollection<T> {
    return this.table<T>(name);
  }

  /** One instance per collection name: its statements' text is built once. */
  private table<T extends Doc>(name: string): SqliteReadCollection<T> {
    let collection = this.tables.get(name);
    if (!collection) {
      collection = new SqliteReadCollection<Doc>(this.statements, name);
      this.tables.set(name, collection);
    }
    return collection as unknown as SqliteReadCollection<T>;
  }

  async getCheckpoint(projector: string): Promise<Position | undefined> {
    return this.readCheckpoint(projector);
  }

  async replaceCollections(replacement: CollectionReplacement): Promise<void> {
    this.replaceInTransaction.immediate(replacement);
    this.checkpointListeners.notify();
  }

  private readCheckpoint(projector: string): Position | undefined {
    const row = this.statements.statement(`SELECT position FROM ${CHECKPOINTS_TABLE} WHERE projector = ?`).get(projector);
    return typeof row === 'object' && row !== null && 'position' in row && typeof row.position === 'string' ? row.position : undefined;
  }

  async saveCheckpoint(projector: string, position: Position): Promise<void> {
    this.writeCheckpoint(projector, position);
    this.checkpointListeners.notify();
  }

  /** One IMMEDIATE transaction: the fence is checked under the write lock, so a stale holder writes nothing. */
  async commitBatch(batch: BatchWrite): Promise<void> {
    await this.commitBatches([batch]);
  }

  /** One IMMEDIATE transaction for all: a live step's commits were 7 transactions (one per projection). */
  async commitBatches(batches: BatchWrite[]): Promise<void> {
    // Tables first, outside the transaction: a CREATE rolled back with a refused batch would
    // leave its collection believing the table exists.
    for (const { changes } of batches) for (const change of changes) this.table(change.collection).createTable();
    this.commitInTransaction.immediate(batches);
    this.checkpointListeners.notify();
  }

  async acquireLease(key: string, holder: string, ttlMs: number): Promise<number | undefined> {
    return this.acquireInTransaction.immediate(key, holder, ttlMs);
  }

  async releaseLease(key: string, holder: string): Promise<void> {
    this.leases.release(key, holder);
  }

  onCheckpoint(listener: () => void): () => void {
    return this.checkpointListeners.add(listener);
  }

  async deleteCheckpoint(projector: string): Promise<void> {
    this.statements.statement(`DELETE FROM ${CHECKPOINTS_TABLE} WHERE projector = ?`).run(projector);
  }

  /** Copies the WAL into the database and empties it: no old page image of an erased value survives. */
  async purgeOverwritten(): Promise<void> {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  throttleRecords(name: string): ThrottleRecords {
    return new SqliteThrottleRecords(this.statements, name);
  }

  async ping(): Promise<void> {
    this.statements.statement('SELECT 1').get();
  }

  private commitLocked({ changes, checkpoint }: BatchWrite): void {
    const { fence } = checkpoint;
    if (fence && !this.leases.holds(checkpoint.key, fence.holder, fence.token)) throw new LeaseLostError(checkpoint.key, fence.holder);
    for (const change of changes) {
      const collection = this.table(change.collection);
      for (const id of change.delete) collection.deleteNow(id);
      for (const doc of change.put) collection.putUnlessNewer(doc);
    }
    this.writeCheckpoint(checkpoint.key, checkpoint.position);
  }

  private writeCheckpoint(projector: string, position: Position): void {
    this.statements
      .statement(
        `INSERT INTO ${CHECKPOINTS_TABLE} (projector, position) VALUES (?, ?) ON CONFLICT (projector) DO UPDATE SET position = excluded.position`,
      )
      .run(projector, position);
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}
