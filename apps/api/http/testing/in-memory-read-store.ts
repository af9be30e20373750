import type { Position } from '@warden/shared/envelope';
import { CheckpointListeners } from '@warden/infrastructure/read-store/checkpoint-listeners';
import { LeaseLostError } from '@warden/infrastructure/read-store/lease-lost.error';
import type { BatchWrite, CollectionReplacement, Doc, Filter, FindOptions, ReadCollection, ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { UniqueViolationError } from '@warden/infrastructure/read-store/unique-violation.error';
import type { ThrottleRecords } from '@warden/infrastructure/read-store/throttle-records.port';
import { InMemoryThrottleRecords } from '@warden/infrastructure/read-store/testing/in-memory-throttle-records';

/**
 * A ReadStore fake for tests above the port, with unique indexes enforced like the
 * real adapters (a put that would duplicate a unique field throws UniqueViolationError).
 */
export class InMemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, InMemoryCollection<Doc>>();
  private readonly checkpoints = new Map<string, Position>();
  private readonly throttles = new Map<string, InMemoryThrottleRecords>();
  private readonly leases = new Map<string, { holder: string; token: number; expiresAt: number }>();
  private readonly checkpointListeners = new CheckpointListeners();

  collection<T extends Doc>(name: string): ReadCollection<T> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new InMemoryCollection<Doc>(name);
      this.collections.set(name, collection);
    }
    return collection as unknown as ReadCollection<T>;
  }

  async getCheckpoint(projector: string): Promise<Position | undefined> {
    return this.checkpoints.get(projector);
  }

  async saveCheckpoint(projector: string, position: Position): Promise<void> {
    this.checkpoints.set(projector, position);
  }

  async deleteCheckpoint(projector: string): Promise<void> {
    this.checkpoints.delete(projector);
  }

  async commitBatch(batch: BatchWrite): Promise<void> {
    await this.commitBatches([batch]);
  }

  /** All or none, as on SQLite: every fence is checked before anything is written. */
  async commitBatches(batches: BatchWrite[]): Promise<void> {
    for (const { checkpoint } of batches) {
      const { fence } = checkpoint;
      const lease = this.leases.get(checkpoint.key);
      if (fence && (lease?.holder !== fence.holder || lease.token !== fence.token)) throw new LeaseLostError(checkpoint.key, fence.holder);
    }
    for (const { changes, checkpoint } of batches) {
      for (const change of changes) {
        const collection = this.collection(change.collection);
        for (const id of change.delete) await collection.delete(id);
        for (const doc of change.put) await collection.put(doc);
      }
      this.checkpoints.set(checkpoint.key, checkpoint.position);
    }
    this.checkpointListeners.notify();
  }

  async acquireLease(key: string, holder: string, ttlMs: number): Promise<number | undefined> {
    const now = Date.now();
    const lease = this.leases.get(key);
    if (lease && lease.holder !== holder && lease.expiresAt > now) return undefined;
    const token = !lease ? 1 : lease.holder === holder ? lease.token : lease.token + 1;
    this.leases.set(key, { holder, token, expiresAt: now + ttlMs });
    return token;
  }

  async releaseLease(key: string, holder: string): Promise<void> {
    const lease = this.leases.get(key);
    if (lease?.holder === holder) lease.expiresAt = 0;
  }

  async replaceCollections({ collections, checkpoint }: CollectionReplacement): Promise<void> {
    for (const { live, replacement } of collections) {
      this.collections.set(live, this.collections.get(replacement) ?? new InMemoryCollection<Doc>(live));
      this.collections.delete(replacement);
    }
    const position = this.checkpoints.get(checkpoint.replacement);
    if (position === undefined) throw new Error(`no checkpoint ${checkpoint.replacement}`);
    this.checkpoints.set(checkpoint.live, position);
    this.checkpoints.delete(checkpoint.replacement);
    const lease = this.leases.get(checkpoint.live);
    if (lease) this.leases.set(checkpoint.live, { ...lease, token: lease.token + 1, expiresAt: 0 });
    this.checkpointListeners.notify();
  }

  onCheckpoint(listener: () => void): () => void {
    return this.checkpointListeners.add(listener);
  }

  async purgeOverwritten(): Promise<void> {}

  throttleRecords(name: string): ThrottleRecords {
    let records = this.throttles.get(name);
    if (!records) {
      records = new InMemoryThrottleRecords();
      this.throttles.set(name, records);
    }
    return records;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}

export class InMemoryCollection<T extends Doc> implements ReadCollection<T> {
  private readonly docs = new Map<string, T>();
  private readonly unique = new Set<string>();

  constructor(private readonly name: string) {}

  async get(id: string): Promise<T | null> {
    const doc = this.docs.get(id);
    return doc ? structuredClone(doc) : null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    let found = [...this.docs.values()].filter((doc) => matches(doc, filter) && inRange(doc, options.range));
    for (const { field, direction } of [...(options.sort ?? [])].reverse()) {
      const sign = direction === 'asc' ? 1 : -1;
      found = found.sort((a, b) => sign * compare(a[field], b[field]));
    }
    return found.slice(0, options.limit ?? found.length).map((doc) => structuredClone(doc));
  }

  async count(filter: Filter): Promise<number> {
    return (await this.find(filter)).length;
  }

  async put(doc: T): Promise<void> {
    for (const field of this.unique) {
      const value = doc[field];
      if (value === undefined || value === null) continue; // as the adapters: absent values never clash
      const clash = [...this.docs.values()].find((other) => other.id !== doc.id && other[field] === value);
      if (clash) throw new UniqueViolationError(this.name, field);
    }
    this.docs.set(doc.id, structuredClone(doc));
  }

  async delete(id: string): Promise<void> {
    this.docs.delete(id);
  }

  async deleteMany(filter: Filter): Promise<number> {
    const doomed = [...this.docs.values()].filter((doc) => matches(doc, filter));
    for (const doc of doomed) this.docs.delete(doc.id);
    return doomed.length;
  }

  async truncate(): Promise<void> {
    this.docs.clear();
  }

  async ensureIndex(field: string, options: { unique?: boolean } = {}): Promise<void> {
    if (options.unique) this.unique.add(field);
  }

  /** Test helper: every stored document. */
  all(): T[] {
    return [...this.docs.values()].map((doc) => structuredClone(doc));
  }
}

function matches(doc: Doc, filter: Filter): boolean {
  return Object.entries(filter).every(([field, value]) => (doc[field] ?? null) === value);
}

function inRange(doc: Doc, range: FindOptions['range']): boolean {
  if (!range) return true;
  const value = doc[range.field];
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  return (
    (range.gt === undefined || value > range.gt) &&
    (range.gte === undefined || value >= range.gte) &&
    (range.lt === undefined || value < range.lt) &&
    (range.lte === undefined || value <= range.lte)
  );
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}
