import { preparePrivateDatabaseFile } from '../private-files';
import Database from 'better-sqlite3';
import type { Position } from '../../shared/envelope';
import type { Doc, ReadCollection, ReadStore } from './read-store.port';
import { SqliteReadCollection } from './sqlite-read-collection';
import { SqliteStatements } from './sqlite-statements';
import { SqliteThrottleRecords } from './sqlite-throttle-records';
import type { ThrottleRecords } from './throttle-records.port';

export interface SqliteReadStoreOptions {
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
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

  constructor(filePath: string, options: SqliteReadStoreOptions = {}) {
    preparePrivateDatabaseFile(filePath);
    this.db = new Database(filePath, { timeout: options.busyTimeoutMs ?? 5000 });
    this.db.pragma('journal_mode = WAL');
    // Read models are rebuildable from the event store, so NORMAL (may lose the last
    // commits on power loss, never corrupts) is worth the faster writes.
    this.db.pragma('synchronous = NORMAL');
    // Freed and overwritten content is zeroed, so erased personal data leaves the file.
    this.db.pragma('secure_delete = ON');
    this.statements = new SqliteStatements(this.db);
    this.statements.execOnce(`CREATE TABLE IF NOT EXISTS ${CHECKPOINTS_TABLE} (projector TEXT PRIMARY KEY, position TEXT NOT NULL)`);
  }

  collection<T extends Doc>(name: string): ReadCollection<T> {
    return new SqliteReadCollection<T>(this.statements, name);
  }

  async getCheckpoint(projector: string): Promise<Position | undefined> {
    const row = this.statements.statement(`SELECT position FROM ${CHECKPOINTS_TABLE} WHERE projector = ?`).get(projector);
    return typeof row === 'object' && row !== null && 'position' in row && typeof row.position === 'string' ? row.position : undefined;
  }

  async saveCheckpoint(projector: string, position: Position): Promise<void> {
    this.statements
      .statement(
        `INSERT INTO ${CHECKPOINTS_TABLE} (projector, position) VALUES (?, ?) ON CONFLICT (projector) DO UPDATE SET position = excluded.position`,
      )
      .run(projector, position);
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
