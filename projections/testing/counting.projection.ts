import type { RecordedEvent } from '@warden/shared/envelope';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { applyOnce, insertOnce, type ProjectedDoc } from '../apply-once';
import type { Projection } from '../projection';

/** Per-stream counter: a mutable document, guarded by `_position`. */
export interface CounterDoc extends ProjectedDoc {
  streamId: string;
  count: number;
  lastRevision: number;
}

/** One entry per counted event: an insert-only document keyed by the event id. */
export interface LogDoc extends ProjectedDoc {
  streamId: string;
  type: string;
  revision: number;
}

export interface CountingOptions {
  name?: string;
  version?: number;
  /** Event types counted; the rest only move the checkpoint. */
  counted?: readonly string[];
  /** Simulates a crash: throws once this many events have been applied by this instance. */
  crashAfter?: number;
}

/** The smallest projection with both kinds of documents, for runner tests. */
export class CountingProjection implements Projection {
  readonly name: string;
  readonly version: number;
  private readonly counted: readonly string[];
  private readonly crashAfter: number | undefined;
  private applied = 0;

  constructor(options: CountingOptions = {}) {
    this.name = options.name ?? 'counting';
    this.version = options.version ?? 1;
    this.counted = options.counted ?? ['Counted'];
    this.crashAfter = options.crashAfter;
  }

  get collections(): readonly string[] {
    return [this.countersName, this.logName];
  }

  get countersName(): string {
    return `${this.name}_counters`;
  }

  get logName(): string {
    return `${this.name}_log`;
  }

  canHandle(type: string): boolean {
    return this.counted.includes(type);
  }

  async init(store: ReadStore): Promise<void> {
    await store.collection<CounterDoc>(this.countersName).ensureIndex('streamId', { unique: true });
    await store.collection<LogDoc>(this.logName).ensureIndex('streamId');
  }

  async handle(events: RecordedEvent[], store: ReadStore): Promise<void> {
    const counters = store.collection<CounterDoc>(this.countersName);
    const log = store.collection<LogDoc>(this.logName);
    for (const event of events) {
      if (this.crashAfter !== undefined && this.applied >= this.crashAfter) {
        throw new Error(`${this.name}: simulated crash after ${this.applied} events`);
      }
      await applyOnce(counters, event.streamId, event.position, (current) => ({
        streamId: event.streamId,
        count: (current?.count ?? 0) + 1,
        lastRevision: event.revision,
      }));
      await insertOnce(log, event.eventId, event.position, {
        streamId: event.streamId,
        type: event.type,
        revision: event.revision,
      });
      this.applied += 1;
    }
  }

  async truncate(store: ReadStore): Promise<void> {
    await store.collection<CounterDoc>(this.countersName).truncate();
    await store.collection<LogDoc>(this.logName).truncate();
  }
}
