import { preparePrivateDatabaseFile } from '../private-files';
import Database from 'better-sqlite3';
import { KeyAlreadyExistsError, type KeyStore, type StoredKey } from './key-store.port';

export interface SqliteKeyStoreOptions {
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS data_keys (
  account_id TEXT PRIMARY KEY,
  wrapped_key BLOB NULL,
  destroyed_at TEXT NULL,
  CHECK ((wrapped_key IS NULL) <> (destroyed_at IS NULL))
)`;

/**
 * The embedded key store: one SQLite file shared by every process. The primary key makes
 * create atomic across processes, and a destroyed key stays as a tombstone row (no key,
 * a time) so the account can never be given a key again.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(filePath: string, options: SqliteKeyStoreOptions = {}) {
    preparePrivateDatabaseFile(filePath);
    this.db = new Database(filePath, { timeout: options.busyTimeoutMs ?? 5000 });
    this.db.pragma('journal_mode = WAL');
    // A lost key is lost data: the events encrypted with it could never be read again.
    this.db.pragma('synchronous = FULL');
    // Overwrite a wiped key's bytes with zeros rather than leave them in free space.
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
    this.statements = prepareStatements(this.db);
  }

  async create(accountId: string, wrappedKey: Buffer): Promise<void> {
    assertAccountId(accountId);
    if (!Buffer.isBuffer(wrappedKey) || wrappedKey.length === 0) throw new TypeError('a wrapped key must be a non-empty Buffer');
    try {
      this.statements.insert.run(accountId, wrappedKey);
    } catch (error) {
      if (sqliteError(error)?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new KeyAlreadyExistsError(accountId);
      }
      throw error;
    }
  }

  async get(accountId: string): Promise<StoredKey | null> {
    const row = this.statements.select.get(accountId);
    if (row === undefined) return null;
    if (!isKeyRow(row)) throw new Error(`unexpected data_keys row for account ${accountId}`);
    if (row.destroyed_at !== null) return { state: 'destroyed', destroyedAt: row.destroyed_at };
    if (row.wrapped_key === null) throw new Error(`data_keys row for account ${accountId} has neither key nor tombstone`);
    return { state: 'active', wrappedKey: row.wrapped_key };
  }

  async destroy(accountId: string, at: Date): Promise<void> {
    assertAccountId(accountId);
    this.statements.destroy.run(accountId, at.toISOString());
    // The key's bytes may still sit in WAL frames; copy the pages back and empty the WAL
    // now. Best effort: if a reader holds an old snapshot, a later checkpoint finishes it.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
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
    insert: db.prepare('INSERT INTO data_keys (account_id, wrapped_key) VALUES (?, ?)'),
    select: db.prepare('SELECT wrapped_key, destroyed_at FROM data_keys WHERE account_id = ?'),
    // Inserting a tombstone for an unknown account too: nothing may mint its key later.
    // Repeats keep the earliest time (ISO-8601 strings order as times).
    destroy: db.prepare(
      `INSERT INTO data_keys (account_id, wrapped_key, destroyed_at) VALUES (?, NULL, ?)
       ON CONFLICT (account_id) DO UPDATE SET
         wrapped_key = NULL,
         destroyed_at = MIN(COALESCE(destroyed_at, excluded.destroyed_at), excluded.destroyed_at)`,
    ),
    ping: db.prepare('SELECT 1'),
  };
}

interface KeyRow {
  wrapped_key: Buffer | null;
  destroyed_at: string | null;
}

function isKeyRow(row: unknown): row is KeyRow {
  if (typeof row !== 'object' || row === null) return false;
  const { wrapped_key: key, destroyed_at: at } = row as Record<string, unknown>;
  return (key === null || Buffer.isBuffer(key)) && (at === null || typeof at === 'string');
}

function assertAccountId(accountId: string): void {
  if (typeof accountId !== 'string' || accountId.length === 0) throw new TypeError('an account id must be a non-empty string');
}

/**
 * The code and message of a better-sqlite3 error, read by shape: its native part keeps the
 * SqliteError class (and the `Error` of the realm) it first saw, so `instanceof` fails when
 * the module is loaded again in another realm, as jest does for each test file.
 */
function sqliteError(error: unknown): { code: string; message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : undefined;
}
