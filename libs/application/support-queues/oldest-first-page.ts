import type { Doc, Filter, ReadCollection } from '../../infrastructure/read-store/read-store.port';
import { badRequest } from '../../shared/errors';
import type { Page } from '../shared/newest-first-page';

const encodeCursor = (position: string) => Buffer.from(position, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const position = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[\d/]+$/.test(position)) throw badRequest('validation_failed', 'Invalid cursor.', [{ field: 'cursor', message: 'invalid cursor' }]);
  return position;
}

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
