import type { RecordedEvent } from '@warden/shared/envelope';
import type { ExpectedRevision } from './event-store.port';
import type { AppendRequest } from './sqlite-appender';

export interface WriterThreadData {
  file: string;
  busyTimeoutMs: number;
}

export type WriterRequest = { type: 'commit'; id: number; requests: AppendRequest[] } | { type: 'close' };

/** An append's outcome as it crosses threads: errors as data, revived on the other side. */
export type WriterOutcome =
  | { ok: true; value: RecordedEvent[] }
  | { ok: false; wrongRevision: { streamId: string; expected: ExpectedRevision; actual: number | 'no_stream' } }
  | { ok: false; message: string };

/** One reply per commit request: an outcome per append, or why the whole transaction failed. */
export type WriterReply = { id: number; outcomes: WriterOutcome[] } | { id: number; failure: string };
