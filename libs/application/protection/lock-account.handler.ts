import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import type { CommandMetadata } from '../runner/command-metadata';
import { stamped } from '../runner/stamped';

/** Support locks the account; the owner proves ownership to unlock it. */
export class LockAccountCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly note: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(LockAccountCommand)
export class LockAccountHandler implements ICommandHandler<LockAccountCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, note, meta }: LockAccountCommand): Promise<CommandOutcome> {
    return this.runner.run(accountId, stamped({ type: 'LockAccount', note }), meta);
  }
}
