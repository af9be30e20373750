import { parentPort, workerData } from 'node:worker_threads';
import type { RecordedEvent } from '@warden/shared/envelope';
import { WrongExpectedRevisionError } from './event-store.port';
import type { ItemOutcome } from './group-commit';
import { SqliteAppender } from './sqlite-appender';
import { openEventsDatabase } from './sqlite-events-db';
import type { WriterOutcome, WriterReply, WriterRequest, WriterThreadData } from './sqlite-writer.messages';

// The writer thread of a SqliteEventStore (see sqlite-writer.ts): its own connection, the
// same appender, so the commit's inserts, hashing and fsync leave the caller's event loop.
const port = (() => {
  if (!parentPort) throw new Error('sqlite-writer.thread runs as a worker thread only');
  return parentPort;
})();
const { file, busyTimeoutMs } = workerData as WriterThreadData;
const db = openEventsDatabase(file, busyTimeoutMs);
const appender = new SqliteAppender(db);

port.on('message', (request: WriterRequest) => {
  if (request.type === 'close') {
    db.close();
    port.close();
    return;
  }
  let reply: WriterReply;
  try {
    reply = { id: request.id, outcomes: appender.commit(request.requests).map(toWire) };
  } catch (error) {
    reply = { id: request.id, failure: describe(error) };
  }
  port.postMessage(reply);
});

function toWire(outcome: ItemOutcome<RecordedEvent[]>): WriterOutcome {
  if (outcome.ok) return outcome;
  const { error } = outcome;
  if (error instanceof WrongExpectedRevisionError) {
    return { ok: false, wrongRevision: { streamId: error.streamId, expected: error.expected, actual: error.actual } };
  }
  return { ok: false, message: describe(error) };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
}
