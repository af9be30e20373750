import type Database from 'better-sqlite3';
import type { EventToAppend, RecordedEvent } from '@warden/shared/envelope';
import { positionOf } from '@warden/shared/position';
import { type ExpectedRevision, WrongExpectedRevisionError } from './event-store.port';
import type { ItemOutcome } from './group-commit';
import { chainEvents, GENESIS_HASH } from './hash-chain';
import { type InsertParams, toInsertParams } from './sqlite-event-row';

export interface AppendRequest {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
}

interface StreamHead {
  revision: number;
  hash: string;
}

/**
 * The write half of the embedded event store (SqliteEventStore keeps the reads): a batch
 * of appends in one IMMEDIATE transaction (one fsync), each append in a savepoint of its
 * own so that a refused one is rolled back alone (a lone append needs none). IMMEDIATE takes the
 * write lock before the revision checks, so the check, the chain head and the insert see
 * the same state in every process.
 */
export class SqliteAppender {
  private readonly insert: Database.Statement<InsertParams>;
  private readonly streamHead: Database.Statement<[string], StreamHead>;
  private readonly appendBatch: Database.Transaction<(requests: AppendRequest[]) => ItemOutcome<RecordedEvent[]>[]>;
  private readonly appendAlone: Database.Transaction<(request: AppendRequest) => RecordedEvent[]>;

  constructor(db: Database.Database) {
    this.insert = db.prepare<InsertParams>(
      `INSERT INTO events (stream_id, revision, event_id, type, schema_version, occurred_at, data, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.streamHead = db.prepare<[string], StreamHead>(
      `SELECT revision, json_extract(metadata, '$.hash') AS hash
       FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1`,
    );
    this.appendAlone = db.transaction((request: AppendRequest) => this.appendLocked(request));
    this.appendBatch = db.transaction((requests: AppendRequest[]) =>
      requests.map((request): ItemOutcome<RecordedEvent[]> => {
        try {
          // Called inside the batch's transaction, it nests: a savepoint per append.
          return { ok: true, value: this.appendAlone(request) };
        } catch (error) {
          return { ok: false, error: this.appendError(request, error) };
        }
      }),
    );
  }

  /** One outcome per request, in order; throws only when a batch's transaction itself fails. */
  commit(requests: AppendRequest[]): ItemOutcome<RecordedEvent[]>[] {
    if (requests.length > 1) return this.appendBatch.immediate(requests);
    // Alone in its transaction, an append needs no savepoint (a tenth of its cost): a
    // refusal rolls the whole transaction back, which is then just this append.
    const [request] = requests;
    try {
      return [{ ok: true, value: this.appendAlone.immediate(request) }];
    } catch (error) {
      return [{ ok: false, error: this.appendError(request, error) }];
    }
  }

  /** Runs inside the write transaction. */
  private appendLocked({ streamId, events, expected }: AppendRequest): RecordedEvent[] {
    const head = this.streamHead.get(streamId);
    const actual = head ? head.revision : 'no_stream';
    if (actual !== expected) throw new WrongExpectedRevisionError(streamId, expected, actual);
    const chained = chainEvents(streamId, head ? head.hash : GENESIS_HASH, head ? head.revision + 1 : 0, events);
    return chained.map((event) => {
      const { lastInsertRowid } = this.insert.run(...toInsertParams(event));
      return { ...event, position: positionOf(lastInsertRowid) };
    });
  }

  /** Why one append of a batch was refused, in the port's terms. */
  private appendError({ streamId, expected }: AppendRequest, error: unknown): unknown {
    // Only a writer that bypassed this class's locking could get here; report it the same way.
    if (isUniqueViolation(error, 'events.stream_id, events.revision')) {
      return new WrongExpectedRevisionError(streamId, expected, this.streamHead.get(streamId)?.revision ?? 'no_stream');
    }
    if (isUniqueViolation(error, 'events.event_id')) {
      return new Error(`append to ${streamId}: an event id is already used (UNIQUE constraint on events.event_id)`, { cause: error });
    }
    return error;
  }
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
