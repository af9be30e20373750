import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { RecordedEvent } from '@warden/shared/envelope';
import { startThread } from '../thread-script';
import { WrongExpectedRevisionError } from './event-store.port';
import type { ItemOutcome } from './group-commit';
import type { AppendRequest } from './sqlite-appender';
import type { WriterOutcome, WriterReply, WriterRequest, WriterThreadData } from './sqlite-writer.messages';

interface Waiting {
  resolve(outcomes: ItemOutcome<RecordedEvent[]>[]): void;
  reject(error: Error): void;
}

/**
 * The event store's commits on a thread of their own (started at the first append): the
 * caller's event loop goes on answering requests while a batch is inserted, hashed and
 * fsynced (synchronous=FULL, unchanged), and takes up each append again once its batch is
 * durable. The thread's connection is one more writer on the file, serialised with the
 * others by SQLite's lock as another process's would be.
 */
export class SqliteWriter {
  private worker?: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private closed = false;

  constructor(private readonly data: WriterThreadData) {}

  commit(requests: AppendRequest[]): Promise<ItemOutcome<RecordedEvent[]>[]> {
    if (this.closed) return Promise.reject(new Error('the event store is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.send({ type: 'commit', id, requests });
      // Unanswered commits keep the process alive; an idle writer thread does not.
      this.worker?.ref();
    });
  }

  /** Ends the thread once the commits sent so far are answered. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.ref(); // an unref'd thread would let the process end before this close does
    this.send({ type: 'close' });
    await exited;
  }

  private send(request: WriterRequest): void {
    this.thread().postMessage(request);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startThread(join(__dirname, 'sqlite-writer.thread'), __filename, { workerData: this.data });
    worker.unref();
    worker.on('message', (reply: WriterReply) => this.answer(reply));
    const failAll = (error: Error) => {
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
      this.worker = undefined; // the next append starts a new thread
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the event store's writer thread stopped (${code})`)));
    this.worker = worker;
    return worker;
  }

  private answer(reply: WriterReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker?.unref();
    if ('failure' in reply) waiting.reject(new Error(reply.failure));
    else waiting.resolve(reply.outcomes.map(revive));
  }
}

function revive(outcome: WriterOutcome): ItemOutcome<RecordedEvent[]> {
  if (outcome.ok) return outcome;
  if ('wrongRevision' in outcome) {
    const { streamId, expected, actual } = outcome.wrongRevision;
    return { ok: false, error: new WrongExpectedRevisionError(streamId, expected, actual) };
  }
  return { ok: false, error: new Error(outcome.message) };
}
