import type { Doc, Filter, ReadCollection } from '@warden/infrastructure/read-store/read-store.port';
import { decodeCursor, encodeCursor, type Page } from './newest-first-page';

/**
 * Oldest first, for the support queues: ordered by the position of the event that opened
 * the item, which never changes, so a cursor stays valid while items are decided.
 */
export async function oldestFirstPage<T extends Doc & { openedPosition: string }>(
  collection: ReadCollection<T>,
  filter: Filter,
  request: { cursor?: string; limit: number },
): Promise<Page<T>> {
  const after = request.cursor ? decodeCursor(request.cursor) : undefined;
  const found = await collection.find(filter, {
    range: after ? { field: 'openedPosition', gt: after } : undefined,
    sort: [{ field: 'openedPosition', direction: 'asc' }],
    limit: request.limit + 1,
  });
  const entries = found.slice(0, request.limit);
  const hasMore = found.length > request.limit;
  return { entries, nextCursor: hasMore ? encodeCursor(entries[entries.length - 1].openedPosition) : null };
}
