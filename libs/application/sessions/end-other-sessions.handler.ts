import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import type { CommandMetadata } from '../runner/command-metadata';
import { stamped } from '../runner/stamped';

/** Ends every session but the caller's own. */
export class EndOtherSessionsCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly keepSessionId: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(EndOtherSessionsCommand)
export class EndOtherSessionsHandler implements ICommandHandler<EndOtherSessionsCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, keepSessionId, meta }: EndOtherSessionsCommand): Promise<CommandOutcome> {
    return this.runner.run(accountId, stamped({ type: 'EndOtherSessions', keepSessionId }), meta);
  }
}
