import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import type { RecordedEvent } from '@warden/shared/envelope';

const PAGE = 50;

/** Where a stored event is: enough for a mail job to read it again. */
export interface StoredEventRef {
  streamId: string;
  revision: number;
  eventId: string;
}

/**
 * The account's latest event of this type as stored (personal fields still encrypted), or
 * null. Deletion events sit near the end of the stream, so the search reads backwards.
 */
export async function findLatestEvent(store: Pick<EventStore, 'readStream'>, accountId: string, type: string): Promise<RecordedEvent | null> {
  const streamId = accountStream(accountId);
  let fromRevision: number | undefined;
  for (;;) {
    const page = await store.readStream(streamId, { direction: 'backwards', maxCount: PAGE, ...(fromRevision === undefined ? {} : { fromRevision }) });
    const found = page.find((e) => e.type === type);
    if (found) return found;
    const oldest = page[page.length - 1];
    if (page.length < PAGE || !oldest || oldest.revision === 0) return null;
    fromRevision = oldest.revision - 1;
  }
}
