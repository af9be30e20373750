import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { READ_STORE } from '@warden/infrastructure/tokens';
import { requireKnownAccount } from '../accounts/require-known-account';
import { newestFirstPage, type Page } from '../newest-first-page';
import { ACTIVITY_ENTRIES, type ActivityEntryDoc } from './activity-entry';

export type ActivityEntry = Pick<ActivityEntryDoc, 'occurredAt' | 'kind' | 'description' | 'ip' | 'device'>;

/** The owner's own activity feed, newest first, from the `activity` read model. */
export class ActivityFeedQuery extends Query<Page<ActivityEntry>> {
  constructor(
    readonly accountId: string,
    readonly page: { cursor?: string; limit: number },
  ) {
    super();
  }
}

@QueryHandler(ActivityFeedQuery)
export class ActivityFeedHandler implements IQueryHandler<ActivityFeedQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ accountId, page }: ActivityFeedQuery): Promise<Page<ActivityEntry>> {
    await requireKnownAccount(this.store, accountId);
    const result = await newestFirstPage(this.store.collection<ActivityEntryDoc>(ACTIVITY_ENTRIES), { accountId }, page);
    return {
      entries: result.entries.map(({ occurredAt, kind, description, ip, device }) => ({ occurredAt, kind, description, ip, device })),
      nextCursor: result.nextCursor,
    };
  }
}
