import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AccountCommand } from '../../account/account.commands';
import { AccountCommandRunner, type CommandOutcome } from './account-command-runner';
import { ExecuteAccountCommand } from './execute-account-command.command';

@CommandHandler(ExecuteAccountCommand)
export class ExecuteAccountCommandHandler implements ICommandHandler<ExecuteAccountCommand, CommandOutcome> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, command, meta }: ExecuteAccountCommand): Promise<CommandOutcome> {
    return this.runner.run(accountId, (_state, now) => ({ ...command, now: now.toISOString() }) as AccountCommand, meta);
  }
}
