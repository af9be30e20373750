import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ACCOUNTS } from '../../../projections/accounts/account-view';
import { isLive, SESSIONS, type SessionDoc } from '../../../projections/sessions/session-view';
import { AccountErrors } from '../../account/account.errors';
import type { ReadStore } from '../../infrastructure/read-store/read-store.port';
import { CLOCK, READ_STORE } from '../../infrastructure/tokens';
import type { Clock } from '../../shared/clock';
import { ListSessionsQuery } from './list-sessions.query';

export interface SessionSummary {
  sessionId: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  deviceId: string | null;
}

/** Active sessions only, newest first. */
@QueryHandler(ListSessionsQuery)
export class ListSessionsHandler implements IQueryHandler<ListSessionsQuery, { sessions: SessionSummary[] }> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId }: ListSessionsQuery): Promise<{ sessions: SessionSummary[] }> {
    if (!(await this.store.collection(ACCOUNTS).get(accountId))) throw AccountErrors.notFound();
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
