import type { SqliteStatements } from './sqlite-statements';

const LEASES_TABLE = 'projector_leases';

/**
 * Projection leases in the read store's own file, so every projector process on the same
 * files sees the same holder. A row: the checkpoint key, who holds it, the fencing token
 * (incremented on every takeover) and when it runs out (ms since the epoch, this machine's
 * clock: all processes sharing a SQLite file share the machine).
 */
export class SqliteLeases {
  constructor(private readonly statements: SqliteStatements) {
    statements.execOnce(
      `CREATE TABLE IF NOT EXISTS ${LEASES_TABLE} (key TEXT PRIMARY KEY, holder TEXT NOT NULL, token INTEGER NOT NULL, expires_at INTEGER NOT NULL)`,
    );
  }

  /** Runs inside an IMMEDIATE transaction (the caller's), so two processes cannot both take it. */
  acquire(key: string, holder: string, ttlMs: number, now: number): number | undefined {
    const row = this.row(key);
    if (row && row.holder !== holder && row.expires_at > now) return undefined;
    const token = row === undefined ? 1 : row.holder === holder ? row.token : row.token + 1;
    this.statements
      .statement(
        `INSERT INTO ${LEASES_TABLE} (key, holder, token, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, token = excluded.token, expires_at = excluded.expires_at`,
      )
      .run(key, holder, token, now + ttlMs);
    return token;
  }

  /** Expires the lease now (the token stays, so the next holder's is higher). */
  release(key: string, holder: string): void {
    this.statements.statement(`UPDATE ${LEASES_TABLE} SET expires_at = 0 WHERE key = ? AND holder = ?`).run(key, holder);
  }

  /** Ends the lease and invalidates its token: the holder's next fenced write is refused. */
  fence(key: string): void {
    this.statements.statement(`UPDATE ${LEASES_TABLE} SET token = token + 1, expires_at = 0 WHERE key = ?`).run(key);
  }

  /** True while `token` is the latest grant to `holder`: nobody took over since. */
  holds(key: string, holder: string, token: number): boolean {
    const row = this.row(key);
    return row !== undefined && row.holder === holder && row.token === token;
  }

  private row(key: string): { holder: string; token: number; expires_at: number } | undefined {
    return this.statements.statement(`SELECT holder, token, expires_at FROM ${LEASES_TABLE} WHERE key = ?`).get(key) as
      | { holder: string; token: number; expires_at: number }
      | undefined;
  }
}
