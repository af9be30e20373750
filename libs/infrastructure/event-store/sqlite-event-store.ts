import Database from 'better-sqlite3';
import { preparePrivateDatabaseFile } from '../private-files';
import { WalCheckpointer } from '../wal-checkpointer';
import type { EventToAppend, Position, RecordedEvent } from '@warden/shared/envelope';
import { positionOf } from '@warden/shared/position';
import {
  type AppendResult,
  type EventFeed,
  type EventStore,
  type ExpectedRevision,
  type FeedOptions,
  type ReadAllOptions,
  type ReadStreamOptions,
} from './event-store.port';
import { AppendWatch } from './append-watch';
import { GroupCommit } from './group-commit';
import { PollingFeed } from './polling-feed';
import { type AppendRequest, SqliteAppender } from './sqlite-appender';
import { EVENTS_SCHEMA, type EventRow, fromRow, sequenceOf } from './sqlite-event-row';

export interface SqliteEventStoreOptions {
  /** The longest a caught-up feed waits before looking for events appended by other processes. */
  pollIntervalMs?: number;
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
  /** Copy the WAL back into the file on a thread of its own (WalCheckpointer), not inside an append. */
  checkpointInBackground?: boolean;
}

/** SQLite's "no limit". */
const UNLIMITED = -1;

/**
 * The embedded event store: one SQLite file that the api, projector and worker processes
 * may open at the same time. WAL lets readers run beside the single writer; appends are
 * written in IMMEDIATE transactions, so the revision check, the chain head and the insert
 * see the same state in every process. The appends made during one turn of the event loop
 * share one transaction and one fsync (GroupCommit), each in a savepoint of its own
 * (SqliteAppender). better-sqlite3 is synchronous: a writer waiting on another process's
 * lock blocks this event loop for at most busyTimeoutMs.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly options: Required<Omit<SqliteEventStoreOptions, 'checkpointInBackground'>>;
  private readonly checkpointer: WalCheckpointer | undefined;
  private readonly commits: GroupCommit<AppendRequest, RecordedEvent[]>;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly appendWatch: AppendWatch;

  constructor(file: string, options: SqliteEventStoreOptions = {}) {
    this.options = {
      pollIntervalMs: options.pollIntervalMs ?? 25,
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    };
    preparePrivateDatabaseFile(file);
    this.db = new Database(file, { timeout: this.options.busyTimeoutMs });
    this.db.pragma(`busy_timeout = ${this.options.busyTimeoutMs}`);
    this.db.pragma('journal_mode = WAL');
    // An acknowledged append is the audit record of a security decision: survive power loss too.
    this.db.pragma('synchronous = FULL');
    if (options.checkpointInBackground) this.checkpointer = WalCheckpointer.start(this.db, file);
    this.db.exec(EVENTS_SCHEMA);
    this.statements = prepareStatements(this.db);
    // data_version moves when another connection (process) commits to the file.
    let dataVersion = this.db.pragma('data_version', { simple: true });
    this.appendWatch = new AppendWatch(
      () => {
        const now = this.db.pragma('data_version', { simple: true });
        const changed = now !== dataVersion;
        dataVersion = now;
        return changed;
      },
      2,
      this.options.pollIntervalMs,
    );
    const appender = new SqliteAppender(this.db);
    this.commits = new GroupCommit((requests) => appender.commit(requests));
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId}: no events given`);
    // Acknowledged only once committed with synchronous=FULL, in one transaction with the
    // other appends of this turn of the event loop (group commit: one fsync for all).
    const recorded = await this.commits.submit({ streamId, events, expected });
    this.appendWatch.notify();
    const last = recorded[recorded.length - 1];
    return { revision: last.revision, position: last.position, events: recorded };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? UNLIMITED;
    const rows =
      options.direction === 'backwards'
        ? this.statements.readBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.statements.readForwards.all(streamId, options.fromRevision ?? 0, limit);
    return rows.map(fromRow);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after === undefined ? 0 : sequenceOf(options.after);
    return this.statements.readAll.all(after, options.maxCount ?? UNLIMITED).map(fromRow);
  }

  /** Reads the file on every `next`; woken at once by appends here, by a cheap poll for other processes'. */
  openFeed(after: Position | undefined, options: FeedOptions): EventFeed {
    if (after !== undefined) sequenceOf(after); // fail now on a foreign position, not at the first read
    return new PollingFeed((from, maxCount) => this.readAll({ after: from, maxCount }), after, this.appendWatch.add(options.onReady));
  }

  async headPosition(): Promise<Position | undefined> {
    const row = this.statements.head.get();
    return row?.sequence == null ? undefined : positionOf(row.sequence);
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  /** Stops waking feeds, then closes the file. */
  async close(): Promise<void> {
    this.commits.flush();
    this.appendWatch.stop();
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}

function prepareStatements(db: Database.Database) {
  const columns = 'sequence, stream_id, revision, event_id, type, schema_version, occurred_at, data, metadata';
  return {
    readForwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    ),
    readBackwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${columns} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    readAll: db.prepare<[number, number], EventRow>(
      `SELECT ${columns} FROM events WHERE sequence > ? ORDER BY sequence ASC LIMIT ?`,
    ),
    head: db.prepare<[], { sequence: number | null }>('SELECT MAX(sequence) AS sequence FROM events'),
    ping: db.prepare<[], { ok: number }>('SELECT 1 AS ok'),
  };
}
