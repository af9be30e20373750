import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import type { CommandMetadata } from '../runner/command-metadata';
import { stamped } from '../runner/stamped';

/** Ends one session: a revocation by its owner or by support. */
export class EndSessionCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly sessionId: string,
    readonly reason: 'revoked_by_owner' | 'revoked_by_support',
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(EndSessionCommand)
export class EndSessionHandler implements ICommandHandler<EndSessionCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, sessionId, reason, meta }: EndSessionCommand): Promise<CommandOutcome> {
    return this.runner.run(accountId, stamped({ type: 'EndSession', sessionId, reason }), meta);
  }
}
