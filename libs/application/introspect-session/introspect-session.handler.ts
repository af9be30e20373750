import { Inject, Logger } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { WardenConfig } from '../../infrastructure/config/warden-config';
import { accountOfToken } from '../../infrastructure/crypto/tokens';
import { CLOCK, WARDEN_CONFIG } from '../../infrastructure/tokens';
import type { Clock } from '../../shared/clock';
import { AccountCommandRunner } from '../shared/account-command-runner';
import { AccountRepository } from '../shared/account.repository';
import { findLiveSession } from '../shared/find-session';
import { IntrospectSessionQuery } from './introspect-session.query';

export type Introspection = { active: true; accountId: string; sessionId: string; expiresAt: string } | { active: false };

/**
 * Answered from the account's own stream, not a read model: a revocation is visible to the
 * very next introspection, with no projection lag to race against. A use of the session
 * is recorded (SessionSeen, at most every few minutes) to keep the idle timeout honest.
 */
@QueryHandler(IntrospectSessionQuery)
export class IntrospectSessionHandler implements IQueryHandler<IntrospectSessionQuery, Introspection> {
  private readonly logger = new Logger('introspection');

  constructor(
    private readonly repository: AccountRepository,
    private readonly runner: AccountCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async execute({ sessionToken }: IntrospectSessionQuery): Promise<Introspection> {
    const accountId = accountOfToken(sessionToken);
    if (!accountId) return { active: false };
    const now = this.clock.now();
    const { state } = await this.repository.load(accountId);
    if (state.status !== 'active') return { active: false };
    const session = findLiveSession(state, sessionToken, now);
    if (!session) return { active: false };
    if (now.getTime() - Date.parse(session.lastSeenAt) >= this.config.session.touchSeconds * 1000) {
      await this.recordUse(accountId, session.sessionId);
    }
    return { active: true, accountId, sessionId: session.sessionId, expiresAt: session.expiresAt };
  }

  /** Best effort: failing to record a use must not fail the introspection. */
  private async recordUse(accountId: string, sessionId: string): Promise<void> {
    try {
      await this.runner.run(
        accountId,
        (_s, now) => ({ type: 'TouchSession', now: now.toISOString(), sessionId, minIntervalSeconds: this.config.session.touchSeconds }),
        { correlationId: `introspect-${sessionId}`, actor: { type: 'system', id: 'introspection' } },
      );
    } catch (error) {
      this.logger.warn(`could not record use of a session: ${error instanceof Error ? error.name : 'unknown error'}`);
    }
  }
}
