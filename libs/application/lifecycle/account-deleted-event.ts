import type { EventStore } from '../../infrastructure/event-store/event-store.port';
import { accountStream } from '../../infrastructure/event-codec/account-streams';
import type { RecordedEvent } from '../../shared/envelope';

const PAGE = 50;

/**
 * The account's AccountDeleted event as stored (personal fields still encrypted), or null.
 * It closes the stream, so the search reads backwards from the end.
 */
export async function findAccountDeleted(store: Pick<EventStore, 'readStream'>, accountId: string): Promise<RecordedEvent | null> {
  const streamId = accountStream(accountId);
  let fromRevision: number | undefined;
  for (;;) {
    const page = await store.readStream(streamId, { direction: 'backwards', maxCount: PAGE, ...(fromRevision === undefined ? {} : { fromRevision }) });
    const found = page.find((e) => e.type === 'AccountDeleted');
    if (found) return found;
    const oldest = page[page.length - 1];
    if (page.length < PAGE || !oldest || oldest.revision === 0) return null;
    fromRevision = oldest.revision - 1;
  }
}
