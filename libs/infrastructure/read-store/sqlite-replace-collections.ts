import { indexName } from './sqlite-query';
import { TABLE_PREFIX } from './sqlite-read-collection';
import type { SqliteStatements } from './sqlite-statements';
import { assertCollectionName } from './read-store-guards';

/**
 * Puts the replacement table in place of the live one, inside the caller's transaction:
 * the live table (and its indexes) is dropped, the replacement renamed, and its indexes,
 * named after the table they were built on, re-created under the live table's names, so
 * `ensureIndex` in any process finds them where it expects them.
 */
export function replaceTable(statements: SqliteStatements, live: string, replacement: string): void {
  assertCollectionName(live);
  assertCollectionName(replacement);
  const liveTable = `${TABLE_PREFIX}${live}`;
  const replacementTable = `${TABLE_PREFIX}${replacement}`;
  const db = statements.db;
  const indexes = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(replacementTable) as { name: string }[];
  db.exec(`DROP TABLE IF EXISTS "${liveTable}"`);
  db.exec(`CREATE TABLE IF NOT EXISTS "${replacementTable}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
  db.exec(`ALTER TABLE "${replacementTable}" RENAME TO "${liveTable}"`);
  for (const { name } of indexes) {
    const unique = name.startsWith('ux_');
    const prefix = indexName(replacementTable, '', unique);
    if (!name.startsWith(prefix)) continue;
    const field = name.slice(prefix.length);
    const sql = (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get(name) as { sql: string }).sql;
    db.exec(`DROP INDEX "${name}"`);
    // The same definition, under the live table's index name.
    db.exec(sql.replace(`"${name}"`, `"${indexName(liveTable, field, unique)}"`).replace(`"${replacementTable}"`, `"${liveTable}"`));
  }
  statements.forgetExecuted();
}
