import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from './event-store/sqlite-event-store';
import { eventually, sampleEvents } from './event-store/testing/sample-events';
import { SqliteReadStore } from './read-store/sqlite-read-store';
import { SQLITE_DEFAULT_AUTOCHECKPOINT, WalCheckpointer } from './wal-checkpointer';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-wal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function walDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return db;
}

describe('WalCheckpointer', () => {
  it('copies committed pages back into the database file on its own thread, the writer never doing it inside a commit', async () => {
    const file = join(dir, 'rows.db');
    const db = walDatabase(file);
    const checkpointer = WalCheckpointer.start(db, file, { intervalMs: 10 });
    try {
      // The writer's own checkpoint is only a far-off safety net now.
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(10 * SQLITE_DEFAULT_AUTOCHECKPOINT);
      const before = statSync(file).size;
      // ~200 pages, one commit each: below any automatic mark, so only the thread copies them.
      const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
      for (let i = 0; i < 200; i++) insert.run('x'.repeat(3000));

      await eventually(() => expect(statSync(file).size).toBeGreaterThan(before + 200 * 3000));
      expect(db.prepare('SELECT COUNT(*) AS n FROM rows').get()).toEqual({ n: 200 });
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it('closes its connection on stop, so the writer closes last and SQLite removes the WAL', async () => {
    const file = join(dir, 'rows.db');
    const db = walDatabase(file);
    const checkpointer = WalCheckpointer.start(db, file, { intervalMs: 10 });
    db.prepare('INSERT INTO rows (body) VALUES (?)').run('x');
    await checkpointer.stop();
    db.close();

    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('is what the stores run when asked, and their close() ends it', async () => {
    const events = new SqliteEventStore(join(dir, 'events.db'), { checkpointInBackground: true });
    const read = new SqliteReadStore(join(dir, 'read-models.db'), { checkpointInBackground: true });
    await events.append('account-a', sampleEvents(3), 'no_stream');
    await read.collection('docs').put({ id: 'a', n: 1 });
    await Promise.all([events.close(), read.close()]);

    expect(existsSync(join(dir, 'events.db-wal'))).toBe(false);
    expect(existsSync(join(dir, 'read-models.db-wal'))).toBe(false);
  });
});
