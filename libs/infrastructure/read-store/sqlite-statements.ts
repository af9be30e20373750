import type Database from 'better-sqlite3';

/**
 * One connection's prepared statements, compiled once per SQL text. The set of texts is
 * small (one per query shape), so the cache needs no eviction.
 */
export class SqliteStatements {
  private readonly prepared = new Map<string, Database.Statement>();
  private readonly executed = new Set<string>();

  constructor(readonly db: Database.Database) {}

  statement(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  /** After tables were dropped or renamed: the next use runs its DDL again. */
  forgetExecuted(): void {
    this.executed.clear();
  }

  /** Runs idempotent DDL (`… IF NOT EXISTS`) at most once on this connection. */
  execOnce(sql: string): void {
    if (this.executed.has(sql)) return;
    this.db.exec(sql);
    this.executed.add(sql);
  }
}
