import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import type { CommandMetadata } from '../runner/command-metadata';
import { stamped } from '../runner/stamped';

/** Support lifts a suspension. */
export class ReinstateAccountCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly reason: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(ReinstateAccountCommand)
export class ReinstateAccountHandler implements ICommandHandler<ReinstateAccountCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, reason, meta }: ReinstateAccountCommand): Promise<CommandOutcome> {
    return this.runner.run(accountId, stamped({ type: 'ReinstateAccount', reason }), meta);
  }
}
