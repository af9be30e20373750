import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCOUNTS, type AccountDoc } from '../../../projections/accounts/account-view';
import { APPEALS, type AppealDoc } from '../../../projections/appeals/appeal';
import { RECOVERY_CASES, type RecoveryCaseDoc } from '../../../projections/recovery-cases/recovery-case';
import type { ReadStore } from '../../infrastructure/read-store/read-store.port';
import { READ_STORE } from '../../infrastructure/tokens';
import type { Page } from '../../../projections/newest-first-page';
import { oldestFirstPage } from './oldest-first-page';
import { ListAppealsQuery, ListRecoveryCasesQuery, type QueueStatus } from './support-queues.queries';

export interface RecoveryCaseEntry {
  caseId: string;
  accountId: string;
  email: string | null;
  openedAt: string;
  statement: string;
  status: QueueStatus;
  decision?: 'approve' | 'reject';
}

export interface AppealEntry {
  appealId: string;
  accountId: string;
  email: string | null;
  openedAt: string;
  message: string;
  status: QueueStatus;
  decision?: 'reinstate' | 'uphold';
}

/** The account's current email from the accounts read model ("[erased]" after deletion). */
async function emailOf(store: ReadStore, accountId: string): Promise<string | null> {
  return (await store.collection<AccountDoc>(ACCOUNTS).get(accountId))?.email ?? null;
}

@QueryHandler(ListRecoveryCasesQuery)
export class ListRecoveryCasesHandler implements IQueryHandler<ListRecoveryCasesQuery, Page<RecoveryCaseEntry>> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ request }: ListRecoveryCasesQuery): Promise<Page<RecoveryCaseEntry>> {
    const page = await oldestFirstPage(this.store.collection<RecoveryCaseDoc>(RECOVERY_CASES), { queueStatus: request.status }, request);
    const entries: RecoveryCaseEntry[] = [];
    for (const doc of page.entries) {
      entries.push({
        caseId: doc.caseId,
        accountId: doc.accountId,
        email: await emailOf(this.store, doc.accountId),
        openedAt: doc.openedAt,
        statement: doc.statement,
        ...(doc.status === 'open' ? { status: 'open' as const } : { status: 'decided' as const, decision: doc.status }),
      });
    }
    return { entries, nextCursor: page.nextCursor };
  }
}

@QueryHandler(ListAppealsQuery)
export class ListAppealsHandler implements IQueryHandler<ListAppealsQuery, Page<AppealEntry>> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ request }: ListAppealsQuery): Promise<Page<AppealEntry>> {
    const page = await oldestFirstPage(this.store.collection<AppealDoc>(APPEALS), { status: request.status }, request);
    const entries: AppealEntry[] = [];
    for (const doc of page.entries) {
      entries.push({
        appealId: doc.appealId,
        accountId: doc.accountId,
        email: await emailOf(this.store, doc.accountId),
        openedAt: doc.openedAt,
        message: doc.message,
        status: doc.status,
        ...(doc.decision ? { decision: doc.decision } : {}),
      });
    }
    return { entries, nextCursor: page.nextCursor };
  }
}
