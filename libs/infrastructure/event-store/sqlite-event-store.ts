import { preparePrivateDatabaseFile } from '../private-files';
import Database from 'better-sqlite3';
import type { EventToAppend, Position, RecordedEvent } from '@warden/shared/envelope';
import { positionOf } from '@warden/shared/position';
import {
  type AppendResult,
  type EventHandler,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type Subscription,
  WrongExpectedRevisionError,
} from './event-store.port';
import { AppendWatch } from './append-watch';
import { GroupCommit, type ItemOutcome } from './group-commit';
import { chainEvents, GENESIS_HASH } from './hash-chain';
import { PollingSubscription } from './polling-subscription';
import { EVENTS_SCHEMA, type EventRow, fromRow, type InsertParams, sequenceOf, toInsertParams } from './sqlite-event-row';
import { DEFAULT_RETRY_DELAY_MS, reportToConsole, type SubscriptionOptions } from './subscription-options';
import { SubscriptionSet } from './subscription-set';

export interface SqliteEventStoreOptions extends SubscriptionOptions {
  /** How often a caught-up subscription looks for events appended by other processes. */
  pollIntervalMs?: number;
  /** Events read per page while a subscription catches up. */
  batchSize?: number;
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
}

interface AppendRequest {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
}

interface StreamHead {
  revision: number;
  hash: string;
}

/** SQLite's "no limit". */
const UNLIMITED = -1;

/**
 * The embedded event store: one SQLite file that the api, projector and worker processes
 * may open at the same time. WAL lets readers run beside the single writer; appends are
 * written in IMMEDIATE transactions, so the revision check, the chain head and the insert
 * see the same state in every process. The appends made during one turn of the event loop
 * share one transaction and one fsync (GroupCommit), each in a savepoint of its own. better-sqlite3 is synchronous: a writer waiting on
 * another process's lock blocks this event loop for at most busyTimeoutMs.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly subscriptions = new SubscriptionSet<PollingSubscription>();
  private readonly options: Required<SqliteEventStoreOptions>;
  private readonly commits: GroupCommit<AppendRequest, RecordedEvent[]>;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly appendWatch: AppendWatch;

  constructor(file: string, options: SqliteEventStoreOptions = {}) {
    this.options = {
      pollIntervalMs: options.pollIntervalMs ?? 25,
      batchSize: options.batchSize ?? 500,
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
      onError: options.onError ?? reportToConsole,
    };
    preparePrivateDatabaseFile(file);
    this.db = new Database(file, { timeout: this.options.busyTimeoutMs });
    this.db.pragma(`busy_timeout = ${this.options.busyTimeoutMs}`);
    this.db.pragma('journal_mode = WAL');
    // An acknowledged append is the audit record of a security decision: survive power loss too.
    this.db.pragma('synchronous = FULL');
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
    // Inside the batch's transaction each append is a nested transaction, i.e. a savepoint:
    // a refused one is rolled back alone.
    const appendOne = this.db.transaction((request: AppendRequest) => this.appendLocked(request));
    const appendBatch = this.db.transaction((requests: AppendRequest[]) =>
      requests.map((request): ItemOutcome<RecordedEvent[]> => {
        try {
          return { ok: true, value: appendOne(request) };
        } catch (error) {
          return { ok: false, error: this.appendError(request, error) };
        }
      }),
    );
    // IMMEDIATE takes the write lock before the revision checks, not at the first insert.
    this.commits = new GroupCommit((requests) => appendBatch.immediate(requests));
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId}: no events given`);
    // Acknowledged only once committed with synchronous=FULL, in one transaction with the
    // other appends of this turn of the event loop (group commit: one fsync for all).
    const recorded = await this.commits.submit({ streamId, events, expected });
    for (const subscription of this.subscriptions) subscription.nudge();
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

  subscribeToAll(after: Position | undefined, handler: EventHandler): Subscription {
    if (after !== undefined) sequenceOf(after); // fail now on a foreign position, not in the loop
    const subscription = new PollingSubscription(
      (from, maxCount) => this.readAll({ after: from, maxCount }),
      after,
      handler,
      {
        intervalMs: this.options.pollIntervalMs,
        batchSize: this.options.batchSize,
        retryDelayMs: this.options.retryDelayMs,
        onError: this.options.onError,
      },
    );
    return this.subscriptions.track(subscription);
  }

  watchAppends(listener: () => void): () => void {
    return this.appendWatch.add(listener);
  }

  async headPosition(): Promise<Position | undefined> {
    const row = this.statements.head.get();
    return row?.sequence == null ? undefined : positionOf(row.sequence);
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  /** Stops this store's subscriptions (after their in-flight handlers), then closes the file. */
  async close(): Promise<void> {
    this.commits.flush();
    await this.subscriptions.stopAll();
    this.appendWatch.stop();
    if (this.db.open) this.db.close();
  }

  /** Runs inside the write transaction. */
  private appendLocked({ streamId, events, expected }: AppendRequest): RecordedEvent[] {
    const head = this.head(streamId);
    const actual = head ? head.revision : 'no_stream';
    if (actual !== expected) throw new WrongExpectedRevisionError(streamId, expected, actual);
    const chained = chainEvents(streamId, head ? head.hash : GENESIS_HASH, head ? head.revision + 1 : 0, events);
    return chained.map((event) => {
      const { lastInsertRowid } = this.statements.insert.run(...toInsertParams(event));
      return { ...event, position: positionOf(lastInsertRowid) };
    });
  }

  /** Why one append of a batch was refused, in the port's terms. */
  private appendError({ streamId, expected }: AppendRequest, error: unknown): unknown {
    // Only a writer that bypassed this class's locking could get here; report it the same way.
    if (isUniqueViolation(error, 'events.stream_id, events.revision')) {
      return new WrongExpectedRevisionError(streamId, expected, this.head(streamId)?.revision ?? 'no_stream');
    }
    if (isUniqueViolation(error, 'events.event_id')) {
      return new Error(`append to ${streamId}: an event id is already used (UNIQUE constraint on events.event_id)`, { cause: error });
    }
    return error;
  }

  private head(streamId: string): StreamHead | undefined {
    return this.statements.streamHead.get(streamId);
  }
}

function prepareStatements(db: Database.Database) {
  const columns = 'sequence, stream_id, revision, event_id, type, schema_version, occurred_at, data, metadata';
  return {
    insert: db.prepare<InsertParams>(
      `INSERT INTO events (stream_id, revision, event_id, type, schema_version, occurred_at, data, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    streamHead: db.prepare<[string], StreamHead>(
      `SELECT revision, json_extract(metadata, '$.hash') AS hash
       FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1`,
    ),
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

/**
 * Which UNIQUE constraint refused an insert. Matched by code and message, not by class:
 * better-sqlite3's native part keeps the error class of the first module registry that
 * loaded it, so `instanceof` fails across jest test files (and such errors are not even
 * `instanceof Error` there, which is also why the caller rethrows its own Error).
 */
function isUniqueViolation(error: unknown, columns: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes(columns);
}
