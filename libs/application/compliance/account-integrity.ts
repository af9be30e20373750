import { AccountErrors } from '@warden/account/account.errors';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { verifyChain, type ChainVerification } from '@warden/infrastructure/event-store/hash-chain';
import type { RecordedEvent } from '@warden/shared/envelope';
import { readStreamPages, STREAM_PAGE_SIZE } from './stored-stream';

/** `{valid:true, events, headHash}` or `{valid:false, brokenAt:{revision, eventId, reason}}`. */
export type IntegrityReport = ChainVerification;

/**
 * Verifies the account stream's hash chain over the events AS STORED (personal fields
 * still encrypted, schema versions not upcast): that is what each hash covers, so an
 * erased account verifies too. Any edit, removal or reordering breaks the chain at the
 * revision named in `brokenAt`; a removed tail can only be seen by comparing `headHash`
 * with a copy kept elsewhere. `404 account_not_found` for a stream without events.
 */
export async function verifyAccountIntegrity(
  events: Pick<EventStore, 'readStream'>,
  accountId: string,
  options: { pageSize?: number } = {},
): Promise<IntegrityReport> {
  const stored: RecordedEvent[] = [];
  for await (const page of readStreamPages(events, accountStream(accountId), options.pageSize ?? STREAM_PAGE_SIZE)) {
    stored.push(...page);
  }
  if (stored.length === 0) throw AccountErrors.notFound();
  return verifyChain(stored);
}
