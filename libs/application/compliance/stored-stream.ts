import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import type { RecordedEvent } from '@warden/shared/envelope';

/** Events read from the store per page: a long history is never held in memory at once. */
export const STREAM_PAGE_SIZE = 256;

/**
 * A stream as stored, oldest first, one page (`readStream` with fromRevision/maxCount) at a
 * time. Each page starts after the last revision seen, so a gap (a removed event) or a
 * store that returns fewer events than asked does not stop the read early: it ends on an
 * empty page.
 */
export async function* readStreamPages(
  events: Pick<EventStore, 'readStream'>,
  streamId: string,
  pageSize = STREAM_PAGE_SIZE,
): AsyncGenerator<RecordedEvent[]> {
  let fromRevision = 0;
  for (;;) {
    const page = await events.readStream(streamId, { direction: 'forwards', fromRevision, maxCount: pageSize });
    if (page.length === 0) return;
    yield page;
    fromRevision = page[page.length - 1].revision + 1;
  }
}
