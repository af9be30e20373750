import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import type { CommandMetadata } from '../runner/command-metadata';
import { stamped } from '../runner/stamped';

/** Support unlocks the account. */
export class UnlockAccountCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly reason: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(UnlockAccountCommand)
export class UnlockAccountHandler implements ICommandHandler<UnlockAccountCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, reason, meta }: UnlockAccountCommand): Promise<CommandOutcome> {
    return this.runner.run(accountId, stamped({ type: 'UnlockAccount', reason }), meta);
  }
}
