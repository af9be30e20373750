import type { ProjectedDoc } from './apply-once';
import type { Filter, ReadCollection } from '@warden/infrastructure/read-store/read-store.port';
import { badRequest } from '@warden/shared/errors';

export interface PageRequest {
  cursor?: string;
  limit: number;
  /** Inclusive bounds on `occurredAt` (ISO-8601). */
  from?: string;
  to?: string;
}

export interface Page<T> {
  entries: T[];
  nextCursor: string | null;
}

/** A page cursor is an event position, opaque to clients. */
export const encodeCursor = (position: string) => Buffer.from(position, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const position = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[\d/]+$/.test(position)) throw badRequest('validation_failed', 'Invalid cursor.', [{ field: 'cursor', message: 'invalid cursor' }]);
  return position;
}

/**
 * Newest first, for feeds keyed by event (audit, activity). The cursor is the global
 * position of the last entry returned: positions never change, so pages stay stable
 * while new events arrive. Time bounds are applied page by page on top of that order.
 */
export async function newestFirstPage<T extends ProjectedDoc & { occurredAt: string }>(
  collection: ReadCollection<T>,
  filter: Filter,
  request: PageRequest,
): Promise<Page<T>> {
  const found: T[] = [];
  let before = request.cursor ? decodeCursor(request.cursor) : undefined;
  for (;;) {
    const page = await collection.find(filter, {
      range: before ? { field: '_position', lt: before } : undefined,
      sort: [{ field: '_position', direction: 'desc' }],
      limit: request.limit + 1,
    });
    for (const doc of page) {
      if (found.length > request.limit) break;
      if (request.to && doc.occurredAt > request.to) continue;
      if (request.from && doc.occurredAt < request.from) continue;
      found.push(doc);
    }
    if (found.length > request.limit || page.length <= request.limit) break;
    before = page[page.length - 1]._position;
  }
  const entries = found.slice(0, request.limit);
  const hasMore = found.length > request.limit;
  return { entries, nextCursor: hasMore ? encodeCursor(entries[entries.length - 1]._position) : null };
}
