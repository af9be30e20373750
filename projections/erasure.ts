import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import type { Doc } from '@warden/infrastructure/read-store/read-store.port';
import type { ProjectionStore } from './projection';

/**
 * After an account is deleted (its data key destroyed), the personal fields of its
 * documents read "[erased]" — exactly what a rebuild from the events gives, since the
 * events then decrypt to "[erased]" too. Idempotent; absent values stay absent.
 */
export async function eraseAccountFields<T extends Doc & { accountId: string }>(
  store: ProjectionStore,
  collectionName: string,
  accountId: string,
  fields: readonly (keyof T & string)[],
): Promise<void> {
  const collection = store.collection<T>(collectionName);
  for (const doc of await collection.find({ accountId })) {
    const erased: Record<string, unknown> = { ...doc };
    for (const field of fields) if (erased[field] !== null && erased[field] !== undefined) erased[field] = ERASED;
    await collection.put(erased as T);
  }
  await store.purgeOverwritten();
}
