import type { Doc, ReadStore } from '@warden/infrastructure/read-store/read-store.port';

/** Every document of the collections, sorted by id, for whole-model equality checks. */
export async function snapshotCollections(store: ReadStore, names: readonly string[]): Promise<Record<string, Doc[]>> {
  const snapshot: Record<string, Doc[]> = {};
  for (const name of names) {
    const docs = await store.collection(name).find({});
    snapshot[name] = docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return snapshot;
}
