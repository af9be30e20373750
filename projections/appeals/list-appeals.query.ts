import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { READ_STORE } from '@warden/infrastructure/tokens';
import type { Page } from '../newest-first-page';
import { oldestFirstPage } from '../oldest-first-page';
import { currentEmailOf, type QueueRequest, type QueueStatus } from '../support-queue';
import { APPEALS, type AppealDoc } from './appeal';

export interface AppealEntry {
  appealId: string;
  accountId: string;
  email: string | null;
  openedAt: string;
  message: string;
  status: QueueStatus;
  decision?: 'reinstate' | 'uphold';
}

/** `GET /v1/appeals?status=&cursor=&limit=` (contract §3.2). */
export class ListAppealsQuery extends Query<Page<AppealEntry>> {
  constructor(readonly request: QueueRequest) {
    super();
  }
}

@QueryHandler(ListAppealsQuery)
export class ListAppealsHandler implements IQueryHandler<ListAppealsQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ request }: ListAppealsQuery): Promise<Page<AppealEntry>> {
    const page = await oldestFirstPage(this.store.collection<AppealDoc>(APPEALS), { status: request.status }, request);
    const entries: AppealEntry[] = [];
    for (const doc of page.entries) {
      entries.push({
        appealId: doc.appealId,
        accountId: doc.accountId,
        email: await currentEmailOf(this.store, doc.accountId),
        openedAt: doc.openedAt,
        message: doc.message,
        status: doc.status,
        ...(doc.decision ? { decision: doc.decision } : {}),
      });
    }
    return { entries, nextCursor: page.nextCursor };
  }
}
