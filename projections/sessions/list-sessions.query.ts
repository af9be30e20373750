import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { CLOCK, READ_STORE } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { requireKnownAccount } from '../accounts/require-known-account';
import { isLive, SESSIONS, type SessionDoc } from './session-view';

export interface SessionSummary {
  sessionId: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  deviceId: string | null;
}

/** The account's live sessions, from the `sessions` read model. */
export class ListSessionsQuery extends Query<{ sessions: SessionSummary[] }> {
  constructor(readonly accountId: string) {
    super();
  }
}

/** Active sessions only, newest first. */
@QueryHandler(ListSessionsQuery)
export class ListSessionsHandler implements IQueryHandler<ListSessionsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId }: ListSessionsQuery): Promise<{ sessions: SessionSummary[] }> {
    await requireKnownAccount(this.store, accountId);
    const docs = await this.store
      .collection<SessionDoc>(SESSIONS)
      .find({ accountId, active: true }, { sort: [{ field: 'createdAt', direction: 'desc' }] });
    const now = this.clock.now();
    return {
      sessions: docs
        .filter((doc) => isLive(doc, now))
        .map(({ sessionId, createdAt, lastSeenAt, ip, userAgent, deviceId }) => ({
          sessionId,
          createdAt,
          lastSeenAt,
          ip,
          userAgent,
          deviceId,
        })),
    };
  }
}
