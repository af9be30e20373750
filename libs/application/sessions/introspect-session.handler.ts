import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { accountOfToken } from '@warden/infrastructure/crypto/tokens';
import { CLOCK, WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { AccountRepository } from '../runner/account.repository';
import { findLiveSession } from './find-session';
import { UseRecorder } from '../shared/use-recorder';

export class IntrospectSessionQuery extends Query<Introspection> {
  constructor(readonly sessionToken: string) {
    super();
  }
}

export type Introspection = { active: true; accountId: string; sessionId: string; expiresAt: string } | { active: false };

/**
 * Answered from the account's own stream, not a read model: a revocation is visible to the
 * very next introspection, with no projection lag to race against. A use of the session
 * is recorded (SessionSeen, at most every few minutes) to keep the idle timeout honest.
 */
@QueryHandler(IntrospectSessionQuery)
export class IntrospectSessionHandler implements IQueryHandler<IntrospectSessionQuery> {
  constructor(
    private readonly repository: AccountRepository,
    private readonly uses: UseRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async execute({ sessionToken }: IntrospectSessionQuery): Promise<Introspection> {
    const accountId = accountOfToken(sessionToken);
    if (!accountId) return { active: false };
    const { state } = await this.repository.load(accountId);
    if (state.status !== 'active') return { active: false };
    const session = findLiveSession(state, sessionToken, this.clock.now());
    if (!session) return { active: false };
    const { sessionId } = session;
    const minIntervalSeconds = this.config.session.touchSeconds;
    await this.uses.recordIfDue(
      accountId,
      session.lastSeenAt,
      minIntervalSeconds,
      (now) => ({ type: 'TouchSession', now, sessionId, minIntervalSeconds }),
      `session ${sessionId}`,
    );
    return { active: true, accountId, sessionId, expiresAt: session.expiresAt };
  }
}
