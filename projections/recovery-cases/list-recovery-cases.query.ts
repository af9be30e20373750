import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { READ_STORE } from '@warden/infrastructure/tokens';
import type { Page } from '../newest-first-page';
import { oldestFirstPage } from '../oldest-first-page';
import { currentEmailOf, type QueueRequest, type QueueStatus } from '../support-queue';
import { RECOVERY_CASES, type RecoveryCaseDoc } from './recovery-case';

export interface RecoveryCaseEntry {
  caseId: string;
  accountId: string;
  email: string | null;
  openedAt: string;
  statement: string;
  status: QueueStatus;
  decision?: 'approve' | 'reject';
}

/** `GET /v1/recovery-cases?status=&cursor=&limit=` (contract §3.2). */
export class ListRecoveryCasesQuery extends Query<Page<RecoveryCaseEntry>> {
  constructor(readonly request: QueueRequest) {
    super();
  }
}

@QueryHandler(ListRecoveryCasesQuery)
export class ListRecoveryCasesHandler implements IQueryHandler<ListRecoveryCasesQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ request }: ListRecoveryCasesQuery): Promise<Page<RecoveryCaseEntry>> {
    const page = await oldestFirstPage(this.store.collection<RecoveryCaseDoc>(RECOVERY_CASES), { queueStatus: request.status }, request);
    const entries: RecoveryCaseEntry[] = [];
    for (const doc of page.entries) {
      entries.push({
        caseId: doc.caseId,
        accountId: doc.accountId,
        email: await currentEmailOf(this.store, doc.accountId),
        openedAt: doc.openedAt,
        statement: doc.statement,
        ...(doc.status === 'open' ? { status: 'open' as const } : { status: 'decided' as const, decision: doc.status }),
      });
    }
    return { entries, nextCursor: page.nextCursor };
  }
}
