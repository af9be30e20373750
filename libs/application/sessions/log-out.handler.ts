import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { accountOfToken } from '@warden/infrastructure/crypto/tokens';
import { DomainError } from '@warden/shared/errors';
import type { Position } from '@warden/shared/envelope';
import { AccountCommandRunner } from '../runner/account-command-runner';
import { findLiveSession } from './find-session';

export class LogOutCommand extends Command<{ position?: Position }> {
  constructor(
    readonly sessionToken: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** No session has this id: the decider then refuses, as for one ended meanwhile. */
const NO_SESSION = '';

/** Logging out is idempotent: an unknown or already ended session is simply already out. */
@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  async execute({ sessionToken, meta }: LogOutCommand): Promise<{ position?: Position }> {
    const accountId = accountOfToken(sessionToken);
    if (!accountId) return {};
    try {
      // The session is found on the state the runner loads: one read of the stream.
      const outcome = await this.runner.run(
        accountId,
        (state, now) => ({
          type: 'EndSession',
          now: now.toISOString(),
          sessionId: findLiveSession(state, sessionToken, now)?.sessionId ?? NO_SESSION,
          reason: 'logout',
        }),
        meta,
      );
      return { position: outcome.position };
    } catch (error) {
      // No such session (or account): the caller's wish is already fulfilled.
      if (error instanceof DomainError && (error.code === 'session_not_found' || error.code === 'account_not_found')) return {};
      throw error;
    }
  }
}
