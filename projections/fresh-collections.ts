import type { CollectionChanges } from '@warden/infrastructure/read-store/read-store.port';

/**
 * Collections a runner emptied itself (a rebuild, a first run, a version bump) and has been
 * the only writer of since: a document it has not committed there cannot exist, so a
 * projector's `get` of it is answered "absent" without a read. While rebuilding, almost
 * every `get` is such a miss (each audit entry checks it was not inserted already), and a
 * miss costs as much as a hit.
 *
 * Only the ids are kept, never the documents, and at most `limit` of them in all; past
 * that, or once the runner stops being sure it is the sole writer (a failed batch, a lease
 * refused, lost, or granted under another token — someone else held it meanwhile) or has
 * caught up, a collection is forgotten and reads go to the store again.
 */
export class FreshCollections {
  private readonly written = new Map<string, Set<string>>();
  /** The lease token each collection was emptied under (undefined: a runner without leases). */
  private readonly tokens = new Map<string, number | undefined>();
  private tracked = 0;

  constructor(private readonly limit = 1_000_000) {}

  /** The runner has just emptied these collections, holding their projection's lease under `token`. */
  emptied(collections: readonly string[], token: number | undefined): void {
    for (const name of collections) {
      this.tracked -= this.written.get(name)?.size ?? 0;
      this.written.set(name, new Set());
      this.tokens.set(name, token);
    }
  }

  /**
   * Before each batch, with the lease's current token: a takeover (or a fence) raises the
   * token, so another one means another runner may have written these collections meanwhile.
   */
  stillHeld(collections: readonly string[], token: number | undefined): void {
    this.forget(collections.filter((name) => this.written.has(name) && this.tokens.get(name) !== token));
  }

  /** No longer sure: the next reads of these collections go to the store. */
  forget(collections: readonly string[]): void {
    for (const name of collections) {
      this.tracked -= this.written.get(name)?.size ?? 0;
      this.written.delete(name);
      this.tokens.delete(name);
    }
  }

  /** True when every one of the collections is fresh. */
  covers(collections: readonly string[]): boolean {
    return collections.length > 0 && collections.every((name) => this.written.has(name));
  }

  /** True when the document cannot be in the store: the collection is fresh and the id was never committed. */
  knownAbsent(collection: string, id: string): boolean {
    const ids = this.written.get(collection);
    return ids !== undefined && !ids.has(id);
  }

  /** After a successful commit: its documents now exist (one deleted since stays listed: its read finds nothing). */
  committed(changes: readonly CollectionChanges[]): void {
    for (const change of changes) {
      const ids = this.written.get(change.collection);
      if (!ids) continue;
      const before = ids.size;
      for (const doc of change.put) ids.add(doc.id);
      this.tracked += ids.size - before;
    }
    if (this.tracked > this.limit) this.forget([...this.written.keys()]);
  }
}
