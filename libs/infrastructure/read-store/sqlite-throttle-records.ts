import { assertCollectionName } from './read-store-guards';
import type { SqliteStatements } from './sqlite-statements';
import type { Admission, AttemptOutcome, ThrottlePolicy, ThrottleRecords } from './throttle-records.port';
import { admitAttempt, emptyThrottleRecord, isEmptyThrottleRecord, settleAttempt, type ThrottleRecord } from './throttle-rule';

/**
 * Throttle records in a table of their own (`throttle_<name>`: key, JSON record). Each
 * operation is one IMMEDIATE transaction: it takes the file's write lock before it reads,
 * so the read, the rule and the write are one step for every connection of every process.
 */
export class SqliteThrottleRecords implements ThrottleRecords {
  private readonly table: string;

  constructor(
    private readonly statements: SqliteStatements,
    name: string,
  ) {
    assertCollectionName(name);
    this.table = `throttle_${name}`;
  }

  async admit(key: string, attemptId: string, policy: ThrottlePolicy, now: Date): Promise<Admission> {
    return this.update(key, (record) => admitAttempt(record, attemptId, policy, now.getTime()));
  }

  async settle(key: string, attemptId: string, outcome: AttemptOutcome, now: Date): Promise<void> {
    this.update(key, (record) => ({ record: settleAttempt(record, attemptId, outcome, now.getTime()), admission: undefined }));
  }

  /** Compiled once: the same statements and transaction serve every key. */
  private step?: (key: string, rule: (record: ThrottleRecord) => { record: ThrottleRecord; admission: unknown }) => unknown;

  private update<R>(key: string, rule: (record: ThrottleRecord) => { record: ThrottleRecord; admission: R }): R {
    this.step ??= this.compile();
    return this.step(key, rule) as R;
  }

  private compile() {
    this.statements.execOnce(`CREATE TABLE IF NOT EXISTS "${this.table}" (key TEXT PRIMARY KEY, record TEXT NOT NULL)`);
    const read = this.statements.statement(`SELECT record FROM "${this.table}" WHERE key = ?`);
    const write = this.statements.statement(
      `INSERT INTO "${this.table}" (key, record) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET record = excluded.record`,
    );
    const remove = this.statements.statement(`DELETE FROM "${this.table}" WHERE key = ?`);
    const transaction = this.statements.db.transaction((key: string, rule: (record: ThrottleRecord) => { record: ThrottleRecord; admission: unknown }) => {
      const row = read.get(key) as { record: string } | undefined;
      const { record, admission } = rule(row ? (JSON.parse(row.record) as ThrottleRecord) : emptyThrottleRecord());
      if (isEmptyThrottleRecord(record)) remove.run(key);
      else write.run(key, JSON.stringify(record));
      return admission;
    });
    // IMMEDIATE: the write lock is taken before the read, never upgraded half-way.
    return (key: string, rule: (record: ThrottleRecord) => { record: ThrottleRecord; admission: unknown }) => transaction.immediate(key, rule);
  }
}
