import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountOfToken } from '../../infrastructure/crypto/tokens';
import { CLOCK } from '../../infrastructure/tokens';
import type { Clock } from '../../shared/clock';
import type { Position } from '../../shared/envelope';
import { AccountCommandRunner } from '../shared/account-command-runner';
import { AccountRepository } from '../shared/account.repository';
import { findLiveSession } from '../shared/find-session';
import { LogOutCommand } from './log-out.command';

/** Logging out is idempotent: an unknown or already ended session is simply already out. */
@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand, { position?: Position }> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly repository: AccountRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ sessionToken, meta }: LogOutCommand): Promise<{ position?: Position }> {
    const accountId = accountOfToken(sessionToken);
    if (!accountId) return {};
    const { state } = await this.repository.load(accountId);
    const session = findLiveSession(state, sessionToken, this.clock.now());
    if (!session) return {};
    try {
      const outcome = await this.runner.run(
        accountId,
        (_s, now) => ({ type: 'EndSession', now: now.toISOString(), sessionId: session.sessionId, reason: 'logout' }),
        meta,
      );
      return { position: outcome.position };
    } catch (error) {
      // Ended concurrently by someone else: the caller's wish is already fulfilled.
      if (error instanceof Error && 'code' in error && error.code === 'session_not_found') return {};
      throw error;
    }
  }
}
