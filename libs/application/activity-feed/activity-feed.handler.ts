import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCOUNTS } from '../../../projections/accounts/account-view';
import { ACTIVITY_ENTRIES, type ActivityEntryDoc } from '../../../projections/activity/activity-entry';
import { AccountErrors } from '../../account/account.errors';
import type { ReadStore } from '../../infrastructure/read-store/read-store.port';
import { READ_STORE } from '../../infrastructure/tokens';
import { newestFirstPage, type Page } from '../shared/newest-first-page';
import { ActivityFeedQuery } from './activity-feed.query';

export type ActivityEntry = Pick<ActivityEntryDoc, 'occurredAt' | 'kind' | 'description' | 'ip' | 'device'>;

@QueryHandler(ActivityFeedQuery)
export class ActivityFeedHandler implements IQueryHandler<ActivityFeedQuery, Page<ActivityEntry>> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ accountId, page }: ActivityFeedQuery): Promise<Page<ActivityEntry>> {
    if (!(await this.store.collection(ACCOUNTS).get(accountId))) throw AccountErrors.notFound();
    const result = await newestFirstPage(this.store.collection<ActivityEntryDoc>(ACTIVITY_ENTRIES), { accountId }, page);
    return {
      entries: result.entries.map(({ occurredAt, kind, description, ip, device }) => ({ occurredAt, kind, description, ip, device })),
      nextCursor: result.nextCursor,
    };
  }
}
