import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCOUNTS } from '../../../projections/accounts/account-view';
import { AUDIT_ENTRIES, type AuditEntryDoc } from '../../../projections/audit/audit-entry';
import { AccountErrors } from '../../account/account.errors';
import type { Filter, ReadStore } from '../../infrastructure/read-store/read-store.port';
import { READ_STORE } from '../../infrastructure/tokens';
import { badRequest } from '../../shared/errors';
import { GetAuditQuery } from './get-audit.query';

export type AuditEntry = Pick<
  AuditEntryDoc,
  'eventId' | 'type' | 'occurredAt' | 'actor' | 'summary' | 'ip' | 'userAgent' | 'correlationId'
>;

const encodeCursor = (position: string) => Buffer.from(position, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const position = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[\d/]+$/.test(position)) throw badRequest('validation_failed', 'Invalid cursor.', [{ field: 'cursor', message: 'invalid cursor' }]);
  return position;
}

/**
 * Newest first. The cursor is the global position of the last entry returned: positions
 * never change, so pages stay stable while new events arrive.
 */
@QueryHandler(GetAuditQuery)
export class GetAuditHandler implements IQueryHandler<GetAuditQuery, { entries: AuditEntry[]; nextCursor: string | null }> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ accountId, filter }: GetAuditQuery): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
    if (!(await this.store.collection(ACCOUNTS).get(accountId))) throw AccountErrors.notFound();
    const where: Filter = { accountId };
    if (filter.type) where.type = filter.type;
    const entries: AuditEntryDoc[] = [];
    let before = filter.cursor ? decodeCursor(filter.cursor) : undefined;
    // Time filters are applied page by page on top of the position order.
    for (;;) {
      const page = await this.store.collection<AuditEntryDoc>(AUDIT_ENTRIES).find(where, {
        range: before ? { field: '_position', lt: before } : undefined,
        sort: [{ field: '_position', direction: 'desc' }],
        limit: filter.limit + 1,
      });
      for (const doc of page) {
        if (entries.length > filter.limit) break;
        if (filter.to && doc.occurredAt > filter.to) continue;
        if (filter.from && doc.occurredAt < filter.from) continue;
        entries.push(doc);
      }
      if (entries.length > filter.limit || page.length <= filter.limit) break;
      before = page[page.length - 1]._position;
    }
    const hasMore = entries.length > filter.limit;
    const shown = entries.slice(0, filter.limit);
    return {
      entries: shown.map(({ eventId, type, occurredAt, actor, summary, ip, userAgent, correlationId }) => ({
        eventId,
        type,
        occurredAt,
        actor,
        summary,
        ip,
        userAgent,
        correlationId,
      })),
      nextCursor: hasMore ? encodeCursor(shown[shown.length - 1]._position) : null,
    };
  }
}
