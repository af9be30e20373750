import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCOUNTS } from '../../../projections/accounts/account-view';
import { AUDIT_ENTRIES, type AuditEntryDoc } from '../../../projections/audit/audit-entry';
import { AccountErrors } from '../../account/account.errors';
import type { Filter, ReadStore } from '../../infrastructure/read-store/read-store.port';
import { READ_STORE } from '../../infrastructure/tokens';
import { newestFirstPage, type Page } from '../shared/newest-first-page';
import { GetAuditQuery } from './get-audit.query';

export type AuditEntry = Pick<
  AuditEntryDoc,
  'eventId' | 'type' | 'occurredAt' | 'actor' | 'summary' | 'ip' | 'userAgent' | 'correlationId'
>;

@QueryHandler(GetAuditQuery)
export class GetAuditHandler implements IQueryHandler<GetAuditQuery, Page<AuditEntry>> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ accountId, filter }: GetAuditQuery): Promise<Page<AuditEntry>> {
    if (!(await this.store.collection(ACCOUNTS).get(accountId))) throw AccountErrors.notFound();
    const where: Filter = { accountId };
    if (filter.type) where.type = filter.type;
    const page = await newestFirstPage(this.store.collection<AuditEntryDoc>(AUDIT_ENTRIES), where, filter);
    return {
      entries: page.entries.map(({ eventId, type, occurredAt, actor, summary, ip, userAgent, correlationId }) => ({
        eventId,
        type,
        occurredAt,
        actor,
        summary,
        ip,
        userAgent,
        correlationId,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
