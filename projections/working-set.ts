import type {
  BatchWrite,
  CollectionChanges,
  Doc,
  Filter,
  FindOptions,
  ReadCollection,
  ReadStore,
} from '@warden/infrastructure/read-store/read-store.port';
import { assertDoc, assertFilter } from '@warden/infrastructure/read-store/read-store-guards';
import type { FreshCollections } from './fresh-collections';
import type { ProjectionStore } from './projection';

/**
 * The read store as a projection sees it during one batch: reads go to the store once per
 * document and are then served from memory; writes stay in memory until the runner commits
 * them with the checkpoint (`batchWrite()` → ReadStore.commitBatches). So a batch of 1,000
 * events costs one transaction, not one per document, and a crash mid-batch writes
 * nothing at all.
 *
 * Documents are handed out as stored, not copied: projections build new documents
 * (`applyOnce` spreads) and never mutate what they read.
 *
 * With `fresh` (collections the runner emptied and alone has written since), a document
 * the runner never committed is known absent and not read at all (see FreshCollections).
 */
export class WorkingSet implements ProjectionStore {
  private readonly collections = new Map<string, WorkingCollection<Doc>>();
  private purgeWanted = false;

  constructor(
    private readonly store: ReadStore,
    private readonly fresh?: FreshCollections,
  ) {}

  collection<T extends Doc>(name: string): ReadCollection<T> {
    let collection = this.collections.get(name);
    if (!collection) {
      const fresh = this.fresh;
      const knownAbsent = fresh ? (id: string) => fresh.knownAbsent(name, id) : () => false;
      collection = new WorkingCollection<Doc>(this.store.collection<Doc>(name), knownAbsent);
      this.collections.set(name, collection);
    }
    return collection as unknown as ReadCollection<T>;
  }

  /** The batch's writes with its checkpoint, for the runner to commit (with other projections' batches). */
  batchWrite(checkpoint: BatchWrite['checkpoint']): BatchWrite {
    const changes = [...this.collections].flatMap(([name, collection]) => collection.changes(name));
    return { changes, checkpoint };
  }

  /** After `batch` (from batchWrite) was committed: records what was written, then purges if an erasure asked for it. */
  async committed(batch: BatchWrite): Promise<void> {
    this.fresh?.committed(batch.changes);
    if (this.purgeWanted) await this.store.purgeOverwritten();
  }

  /** Deferred to after the commit: purging before the overwrite is written would purge nothing. */
  async purgeOverwritten(): Promise<void> {
    this.purgeWanted = true;
  }
}

class WorkingCollection<T extends Doc> implements ReadCollection<T> {
  /** What this batch knows of each document: as read, or as written (null: absent or deleted). */
  private readonly known = new Map<string, T | null>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly stored: ReadCollection<T>,
    private readonly knownAbsent: (id: string) => boolean,
  ) {}

  async get(id: string): Promise<T | null> {
    if (this.known.has(id)) return this.known.get(id) ?? null;
    const doc = this.knownAbsent(id) ? null : await this.stored.get(id);
    this.known.set(id, doc);
    return doc;
  }

  /**
   * Equality filters only (what erasure needs): the stored matches with this batch's
   * writes laid over them.
   */
  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    if (options.range || options.sort || options.limit !== undefined) {
      throw new Error('inside a projector batch, find takes an equality filter only');
    }
    assertFilter(filter);
    const found = new Map<string, T>();
    for (const doc of await this.stored.find(filter)) {
      if (!this.known.has(doc.id)) this.known.set(doc.id, doc);
      found.set(doc.id, doc);
    }
    for (const id of this.dirty) {
      const doc = this.known.get(id) ?? null;
      if (doc !== null && matches(doc, filter)) found.set(id, doc);
      else found.delete(id);
    }
    return [...found.values()];
  }

  async count(filter: Filter): Promise<number> {
    return (await this.find(filter)).length;
  }

  async put(doc: T): Promise<void> {
    assertDoc(doc);
    this.known.set(doc.id, doc);
    this.dirty.add(doc.id);
  }

  async delete(id: string): Promise<void> {
    this.known.set(id, null);
    this.dirty.add(id);
  }

  async deleteMany(filter: Filter): Promise<number> {
    const doomed = await this.find(filter);
    for (const doc of doomed) await this.delete(doc.id);
    return doomed.length;
  }

  truncate(): Promise<void> {
    throw new Error('a projection truncates in truncate(), not in handle()');
  }

  ensureIndex(field: string, options?: { unique?: boolean }): Promise<void> {
    return this.stored.ensureIndex(field, options);
  }

  changes(collection: string): CollectionChanges[] {
    if (this.dirty.size === 0) return [];
    const put: Doc[] = [];
    const deleted: string[] = [];
    for (const id of this.dirty) {
      const doc = this.known.get(id) ?? null;
      if (doc === null) deleted.push(id);
      else put.push(doc);
    }
    return [{ collection, put, delete: deleted }];
  }
}

function matches(doc: Doc, filter: Filter): boolean {
  return Object.entries(filter).every(([field, value]) => (doc[field] ?? null) === value);
}
