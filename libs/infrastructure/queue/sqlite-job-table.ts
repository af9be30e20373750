import Database from 'better-sqlite3';
import { preparePrivateDatabaseFile } from '../private-files';
import { randomUUID } from 'node:crypto';
import { QueueStats } from './job-queue.port';

/** A job this process now holds: only the holder of `leaseToken` may settle it. */
export interface ClaimedRow {
  queue: string;
  id: string;
  payloadJson: string;
  attempt: number;
  leaseToken: string;
}

/** A job whose holder crashed during its last try: it is dead without running again. */
export interface AbandonedRow {
  queue: string;
  id: string;
  payloadJson: string;
  attempt: number;
}

export interface ClaimResult {
  claimed?: ClaimedRow;
  abandoned: AbandonedRow[];
}

interface CandidateRow {
  id: string;
  payload: string;
  attempt: number;
  state: 'pending' | 'active';
}

interface CountsRow {
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
}

export const ABANDONED_ERROR = 'lease expired: the process running the last try stopped';

// (queue, id) is the key, as a BullMQ job id is unique per queue: the same event id may
// feed several queues. Done rows stay (without payload) so that re-enqueueing is a no-op.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS jobs (
    queue       TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('pending', 'active', 'done', 'dead')),
    attempt     INTEGER NOT NULL DEFAULT 0,
    run_at      INTEGER NOT NULL,
    lease_until INTEGER,
    lease_token TEXT,
    last_error  TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (queue, id)
  );
  CREATE INDEX IF NOT EXISTS jobs_due ON jobs (queue, state, run_at);
`;

/**
 * The `jobs` table and every statement on it. Times are epoch milliseconds. Several OS
 * processes may open the same file: WAL lets readers run beside the writer, busy_timeout
 * makes writers wait for each other, and claims run in BEGIN IMMEDIATE transactions so two
 * processes never take the same job.
 */
export class SqliteJobTable {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepare>;
  private readonly claimTx: (queue: string, now: number, leaseMs: number, maxAttempts: number) => ClaimResult;

  constructor(filePath: string) {
    preparePrivateDatabaseFile(filePath);
    this.db = new Database(filePath);
    // busy_timeout first: switching to WAL needs a lock another process may hold.
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    this.statements = prepare(this.db);
    const claim = this.db.transaction(this.claimInTransaction.bind(this));
    this.claimTx = (...args) => claim.immediate(...args);
  }

  /** Returns false when (queue, id) already exists, whatever its state. */
  insert(queue: string, id: string, payloadJson: string, runAt: number, now: number): boolean {
    return this.statements.insert.run({ queue, id, payload: payloadJson, runAt, now }).changes === 1;
  }

  claim(queue: string, now: number, leaseMs: number, maxAttempts: number): ClaimResult {
    return this.claimTx(queue, now, leaseMs, maxAttempts);
  }

  renew(row: ClaimedRow, leaseUntil: number): boolean {
    return this.statements.renew.run({ ...key(row), leaseUntil }).changes === 1;
  }

  /** Each settle* returns false when the lease was lost (another process took the job over). */
  settleDone(row: ClaimedRow, now: number): boolean {
    return this.statements.done.run({ ...key(row), now }).changes === 1;
  }

  settleRetry(row: ClaimedRow, runAt: number, error: string, now: number): boolean {
    return this.statements.retry.run({ ...key(row), runAt, error, now }).changes === 1;
  }

  settleDead(row: ClaimedRow, error: string, now: number): boolean {
    return this.statements.dead.run({ ...key(row), error, now }).changes === 1;
  }

  counts(queue: string, now: number): QueueStats {
    const row = this.statements.counts.get({ queue, now }) as CountsRow;
    return { waiting: row.waiting, delayed: row.delayed, active: row.active, failed: row.failed };
  }

  unfinishedPayloads(queue: string): string[] {
    return this.statements.unfinished.pluck().all({ queue }) as string[];
  }

  ping(): void {
    this.statements.ping.get();
  }

  close(): void {
    this.db.close();
  }

  private claimInTransaction(queue: string, now: number, leaseMs: number, maxAttempts: number): ClaimResult {
    const abandoned: AbandonedRow[] = [];
    for (;;) {
      const row = this.statements.candidate.get({ queue, now }) as CandidateRow | undefined;
      if (!row) return { abandoned };
      if (row.state === 'active' && row.attempt >= maxAttempts) {
        // Its holder died during the last try; running it again would exceed `attempts` and
        // could loop forever on a job that crashes the process.
        this.statements.abandon.run({ queue, id: row.id, error: ABANDONED_ERROR, now });
        abandoned.push({ queue, id: row.id, payloadJson: row.payload, attempt: row.attempt });
        continue;
      }
      const leaseToken = randomUUID();
      this.statements.take.run({ queue, id: row.id, leaseToken, leaseUntil: now + leaseMs, now });
      const claimed = { queue, id: row.id, payloadJson: row.payload, attempt: row.attempt + 1, leaseToken };
      return { claimed, abandoned };
    }
  }
}

function key(row: ClaimedRow): { queue: string; id: string; leaseToken: string } {
  return { queue: row.queue, id: row.id, leaseToken: row.leaseToken };
}

function prepare(db: Database.Database) {
  const held = `queue = @queue AND id = @id AND state = 'active' AND lease_token = @leaseToken`;
  return {
    insert: db.prepare(
      `INSERT OR IGNORE INTO jobs (queue, id, payload, state, attempt, run_at, created_at, updated_at)
       VALUES (@queue, @id, @payload, 'pending', 0, @runAt, @now, @now)`,
    ),
    // Due pending jobs, and active ones whose holder stopped renewing its lease (crashed).
    candidate: db.prepare(
      `SELECT id, payload, attempt, state FROM jobs
       WHERE queue = @queue
         AND ((state = 'pending' AND run_at <= @now) OR (state = 'active' AND lease_until <= @now))
       ORDER BY run_at, rowid LIMIT 1`,
    ),
    take: db.prepare(
      `UPDATE jobs SET state = 'active', attempt = attempt + 1, lease_token = @leaseToken,
         lease_until = @leaseUntil, updated_at = @now
       WHERE queue = @queue AND id = @id`,
    ),
    abandon: db.prepare(
      `UPDATE jobs SET state = 'dead', last_error = @error, lease_token = NULL, lease_until = NULL,
         updated_at = @now
       WHERE queue = @queue AND id = @id`,
    ),
    renew: db.prepare(`UPDATE jobs SET lease_until = @leaseUntil WHERE ${held}`),
    // A done job keeps its id for idempotency but not its payload, which may hold personal data.
    done: db.prepare(
      `UPDATE jobs SET state = 'done', payload = 'null', last_error = NULL, lease_token = NULL,
         lease_until = NULL, updated_at = @now
       WHERE ${held}`,
    ),
    retry: db.prepare(
      `UPDATE jobs SET state = 'pending', run_at = @runAt, last_error = @error, lease_token = NULL,
         lease_until = NULL, updated_at = @now
       WHERE ${held}`,
    ),
    dead: db.prepare(
      `UPDATE jobs SET state = 'dead', last_error = @error, lease_token = NULL, lease_until = NULL,
         updated_at = @now
       WHERE ${held}`,
    ),
    counts: db.prepare(
      `SELECT
         COALESCE(SUM(state = 'pending' AND run_at <= @now), 0) AS waiting,
         COALESCE(SUM(state = 'pending' AND run_at > @now), 0)  AS delayed,
         COALESCE(SUM(state = 'active'), 0)                     AS active,
         COALESCE(SUM(state = 'dead'), 0)                       AS failed
       FROM jobs WHERE queue = @queue AND state <> 'done'`,
    ),
    unfinished: db.prepare(
      `SELECT payload FROM jobs WHERE queue = @queue AND state <> 'done' ORDER BY run_at, rowid`,
    ),
    ping: db.prepare('SELECT 1'),
  };
}
