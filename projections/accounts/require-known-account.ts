import { AccountErrors } from '@warden/account/account.errors';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { ACCOUNTS } from './account-view';

/**
 * A per-account list (sessions, audit, activity, credentials) of an account the `accounts`
 * read model does not know answers 404, not an empty page: the caller asked for an account.
 */
export async function requireKnownAccount(store: ReadStore, accountId: string): Promise<void> {
  if (!(await store.collection(ACCOUNTS).get(accountId))) throw AccountErrors.notFound();
}
