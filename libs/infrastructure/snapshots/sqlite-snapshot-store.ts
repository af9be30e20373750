import Database from 'better-sqlite3';
import { preparePrivateDatabaseFile } from '../private-files';
import type { SnapshotStore, StoredSnapshot } from './snapshot-store.port';

const SCHEMA = `CREATE TABLE IF NOT EXISTS snapshots (
  account_id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  shape TEXT NOT NULL,
  sealed BLOB NOT NULL
)`;

interface SnapshotRow {
  revision: number;
  shape: string;
  sealed: Buffer;
}

/**
 * The embedded snapshot store: its own SQLite file, apart from the events, because it is
 * a cache that may be deleted at any time. `synchronous = NORMAL`: a snapshot lost to a
 * power cut costs one longer load, never a fact. `secure_delete` and a WAL checkpoint on
 * delete leave no old page of an erased account's snapshot in the files (it is sealed
 * with a destroyed key anyway).
 */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(filePath: string, options: { busyTimeoutMs?: number } = {}) {
    preparePrivateDatabaseFile(filePath);
    this.db = new Database(filePath, { timeout: options.busyTimeoutMs ?? 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
    this.statements = prepareStatements(this.db);
  }

  async get(accountId: string): Promise<StoredSnapshot | null> {
    const row = this.statements.select.get(accountId);
    return row ? { accountId, revision: row.revision, shape: row.shape, sealed: row.sealed } : null;
  }

  async save({ accountId, revision, shape, sealed }: StoredSnapshot): Promise<void> {
    this.statements.upsert.run(accountId, revision, shape, sealed);
  }

  async delete(accountId: string): Promise<void> {
    if (this.statements.delete.run(accountId).changes > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function prepareStatements(db: Database.Database) {
  return {
    select: db.prepare<[string], SnapshotRow>('SELECT revision, shape, sealed FROM snapshots WHERE account_id = ?'),
    // A different shape always replaces (the old one is useless to this code); the same
    // shape only from a later revision.
    upsert: db.prepare<[string, number, string, Buffer]>(
      `INSERT INTO snapshots (account_id, revision, shape, sealed) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id) DO UPDATE SET revision = excluded.revision, shape = excluded.shape, sealed = excluded.sealed
       WHERE excluded.shape <> snapshots.shape OR excluded.revision > snapshots.revision`,
    ),
    delete: db.prepare<[string]>('DELETE FROM snapshots WHERE account_id = ?'),
    ping: db.prepare('SELECT 1'),
  };
}
