import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import type { CommandMetadata } from '../runner/command-metadata';
import { stamped } from '../runner/stamped';

/** Ends every session of the account. */
export class EndAllSessionsCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(EndAllSessionsCommand)
export class EndAllSessionsHandler implements ICommandHandler<EndAllSessionsCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, meta }: EndAllSessionsCommand): Promise<CommandOutcome> {
    return this.runner.run(accountId, stamped({ type: 'EndAllSessions' }), meta);
  }
}
