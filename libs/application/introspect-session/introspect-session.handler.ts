import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { accountOfToken } from '../../infrastructure/crypto/tokens';
import { CLOCK } from '../../infrastructure/tokens';
import type { Clock } from '../../shared/clock';
import { AccountRepository } from '../shared/account.repository';
import { findLiveSession } from '../shared/find-session';
import { IntrospectSessionQuery } from './introspect-session.query';

export type Introspection = { active: true; accountId: string; sessionId: string; expiresAt: string } | { active: false };

/**
 * Answered from the account's own stream, not a read model: a revocation is visible to the
 * very next introspection, with no projection lag to race against.
 */
@QueryHandler(IntrospectSessionQuery)
export class IntrospectSessionHandler implements IQueryHandler<IntrospectSessionQuery, Introspection> {
  constructor(
    private readonly repository: AccountRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ sessionToken }: IntrospectSessionQuery): Promise<Introspection> {
    const accountId = accountOfToken(sessionToken);
    if (!accountId) return { active: false };
    const { state } = await this.repository.load(accountId);
    if (state.status !== 'active') return { active: false };
    const session = findLiveSession(state, sessionToken, this.clock.now());
    return session ? { active: true, accountId, sessionId: session.sessionId, expiresAt: session.expiresAt } : { active: false };
  }
}
