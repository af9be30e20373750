import type Database from 'better-sqlite3';
import type { Doc, Filter, FindOptions, ReadCollection } from './read-store.port';
import { assertCollectionName, assertDoc, assertFieldName, assertFilter, assertFindOptions } from './read-store-guards';
import { fieldExpression, fieldOfUniqueIndex, indexName, orderByClause, whereClause } from './sqlite-query';
import type { SqliteStatements } from './sqlite-statements';
import { UniqueViolationError } from './unique-violation.error';

/** Tables get a prefix so a collection can never collide with another adapter's table in a shared file. */
export const TABLE_PREFIX = 'rm_';

/**
 * One read-model collection as a table `(id TEXT PRIMARY KEY, doc TEXT)`; `doc` holds the
 * JSON of every field but `id`. The table is created on first use.
 */
export class SqliteReadCollection<T extends Doc> implements ReadCollection<T> {
  private readonly table: string;
  /** The per-document statements' text, built once: a projector batch runs them thousands of times. */
  private readonly text: { get: string; put: string; putUnlessNewer: string; delete: string; create: string };

  constructor(
    private readonly statements: SqliteStatements,
    private readonly name: string,
  ) {
    assertCollectionName(name);
    this.table = `${TABLE_PREFIX}${name}`;
    const stored = `json_extract(doc, '$._position')`;
    const upsert = `INSERT INTO "${this.table}" (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`;
    this.text = {
      get: `SELECT id, doc FROM "${this.table}" WHERE id = ?`,
      put: upsert,
      putUnlessNewer: `${upsert}
        WHERE ${stored} IS NULL OR json_extract(excluded.doc, '$._position') IS NULL OR ${stored} <= json_extract(excluded.doc, '$._position')`,
      delete: `DELETE FROM "${this.table}" WHERE id = ?`,
      create: `CREATE TABLE IF NOT EXISTS "${this.table}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`,
    };
  }

  async get(id: string): Promise<T | null> {
    const row = this.sql(this.text.get).get(id);
    return row === undefined ? null : this.toDoc(row);
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    assertFilter(filter);
    assertFindOptions(options);
    if (options.limit === 0) return [];
    const where = whereClause(filter, options.range);
    // Bound, not inlined: one cached statement serves every limit.
    const limit = options.limit === undefined ? { sql: '', params: [] } : { sql: 'LIMIT ?', params: [options.limit] };
    const sql = `SELECT id, doc FROM "${this.table}" ${where.sql} ${orderByClause(options.sort)} ${limit.sql}`;
    return this.sql(sql)
      .all(...where.params, ...limit.params)
      .map((row) => this.toDoc(row));
  }

  async count(filter: Filter): Promise<number> {
    assertFilter(filter);
    const where = whereClause(filter);
    const row = this.sql(`SELECT COUNT(*) AS n FROM "${this.table}" ${where.sql}`).get(...where.params);
    return isRecord(row) && typeof row.n === 'number' ? row.n : 0;
  }

  async put(doc: T): Promise<void> {
    this.putNow(doc);
  }

  async delete(id: string): Promise<void> {
    this.deleteNow(id);
  }

  /** put, synchronously: for writes inside a transaction the caller holds (ReadStore.commitBatch). */
  putNow(doc: T): void {
    assertDoc(doc);
    const { id, ...fields } = doc;
    this.refusingDuplicates(() => this.sql(this.text.put).run(id, JSON.stringify(fields)));
  }

  /**
   * put for a projector batch: a stored document with a newer `_position` stays as it is,
   * as on MongoDB (see ReadStore.commitBatch); the same position may be rewritten (erasure).
   */
  putUnlessNewer(doc: T): void {
    assertDoc(doc);
    const { id, ...fields } = doc;
    this.refusingDuplicates(() => this.sql(this.text.putUnlessNewer).run(id, JSON.stringify(fields)));
  }

  deleteNow(id: string): void {
    this.sql(this.text.delete).run(id);
  }

  async deleteMany(filter: Filter): Promise<number> {
    assertFilter(filter);
    const where = whereClause(filter);
    return this.sql(`DELETE FROM "${this.table}" ${where.sql}`).run(...where.params).changes;
  }

  async truncate(): Promise<void> {
    this.sql(`DELETE FROM "${this.table}"`).run();
  }

  async ensureIndex(field: string, options: { unique?: boolean } = {}): Promise<void> {
    assertFieldName(field);
    if (field === 'id') return; // already the primary key
    const unique = options.unique === true;
    this.createTable();
    const name = indexName(this.table, field, unique);
    const ddl = `CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${name}" ON "${this.table}" (${fieldExpression(field)})`;
    // Building a unique index over existing duplicates fails the same way a put would.
    this.refusingDuplicates(() => this.statements.execOnce(ddl));
  }

  private sql(sql: string): Database.Statement {
    this.createTable();
    return this.statements.statement(sql);
  }

  /** Creates the table once; called outside write transactions too (see SqliteReadStore.commitBatches). */
  createTable(): void {
    this.statements.execOnce(this.text.create);
  }

  private refusingDuplicates(write: () => void): void {
    try {
      write();
    } catch (error) {
      const failure = sqliteError(error);
      if (failure?.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new UniqueViolationError(this.name, fieldOfUniqueIndex(this.table, failure.message));
      }
      throw error;
    }
  }

  private toDoc(row: unknown): T {
    if (!isRecord(row) || typeof row.id !== 'string' || typeof row.doc !== 'string') {
      throw new Error(`unexpected row shape in table ${this.table}`);
    }
    const fields: unknown = JSON.parse(row.doc);
    if (!isRecord(fields)) throw new Error(`document ${row.id} in table ${this.table} is not a JSON object`);
    // The stored shape is whatever put() was given for this collection: T by construction.
    return { id: row.id, ...fields } as T;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
