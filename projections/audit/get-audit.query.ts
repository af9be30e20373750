import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Filter, ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { READ_STORE } from '@warden/infrastructure/tokens';
import { requireKnownAccount } from '../accounts/require-known-account';
import { newestFirstPage, type Page, type PageRequest } from '../newest-first-page';
import { AUDIT_ENTRIES, type AuditEntryDoc } from './audit-entry';

export type AuditEntry = Pick<
  AuditEntryDoc,
  'eventId' | 'type' | 'occurredAt' | 'actor' | 'summary' | 'ip' | 'userAgent' | 'correlationId'
>;

export interface AuditFilter extends PageRequest {
  type?: string;
}

/** An account's audit trail, newest first, from the `audit` read model. */
export class GetAuditQuery extends Query<Page<AuditEntry>> {
  constructor(
    readonly accountId: string,
    readonly filter: AuditFilter,
  ) {
    super();
  }
}

@QueryHandler(GetAuditQuery)
export class GetAuditHandler implements IQueryHandler<GetAuditQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ accountId, filter }: GetAuditQuery): Promise<Page<AuditEntry>> {
    await requireKnownAccount(this.store, accountId);
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
