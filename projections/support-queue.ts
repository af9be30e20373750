import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { ACCOUNTS, type AccountDoc } from './accounts/account-view';

/** The support queues (recovery cases, appeals): open items, or decided ones, oldest first. */
export type QueueStatus = 'open' | 'decided';

export interface QueueRequest {
  status: QueueStatus;
  cursor?: string;
  limit: number;
}

/** The account's current email from the accounts read model ("[erased]" after deletion). */
export async function currentEmailOf(store: ReadStore, accountId: string): Promise<string | null> {
  return (await store.collection<AccountDoc>(ACCOUNTS).get(accountId))?.email ?? null;
}
