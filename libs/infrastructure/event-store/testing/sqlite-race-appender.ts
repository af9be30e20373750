// Child process of sqlite-event-store.int.spec.ts: appends to a shared SQLite file while
// sibling processes do the same. Settings come from RACE_* environment variables.
import { once } from 'node:events';
import { WrongExpectedRevisionError } from '../event-store.port';
import { SqliteEventStore } from '../sqlite-event-store';
import { sampleEvent, sampleEvents } from './sample-events';

export interface RaceResult {
  appended: number;
  conflicts: number;
}

async function main(): Promise<void> {
  const file = required('RACE_FILE');
  const streamId = required('RACE_STREAM');
  const mode = required('RACE_MODE');
  const store = new SqliteEventStore(file, { busyTimeoutMs: 20_000 });
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');

  const result = mode === 'create' ? await createOnce(store, streamId) : await contend(store, streamId, Number(required('RACE_COUNT')));
  await store.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** One attempt to create the stream: at most one process may win. */
async function createOnce(store: SqliteEventStore, streamId: string): Promise<RaceResult> {
  try {
    await store.append(streamId, sampleEvents(2), 'no_stream');
    return { appended: 1, conflicts: 0 };
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) return { appended: 0, conflicts: 1 };
    throw error;
  }
}

/** The command-handler loop: read the head, append after it, retry on a conflict. */
async function contend(store: SqliteEventStore, streamId: string, count: number): Promise<RaceResult> {
  const result: RaceResult = { appended: 0, conflicts: 0 };
  while (result.appended < count) {
    const [head] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    try {
      await store.append(streamId, [sampleEvent('LoginFailed', { pid: process.pid })], head ? head.revision : 'no_stream');
      result.appended++;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      result.conflicts++;
    }
    // Hand the lock over now and then so that the processes really interleave.
    if (result.appended % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return result;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
