import Database from 'better-sqlite3';
import { preparePrivateDatabaseFile } from '../private-files';
import { EVENTS_SCHEMA } from './sqlite-event-row';

/** A connection to the embedded event store's file, as every connection to it must be set up. */
export function openEventsDatabase(file: string, busyTimeoutMs: number): Database.Database {
  preparePrivateDatabaseFile(file);
  const db = new Database(file, { timeout: busyTimeoutMs });
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  // An acknowledged append is the audit record of a security decision: survive power loss too.
  db.pragma('synchronous = FULL');
  db.exec(EVENTS_SCHEMA);
  return db;
}
