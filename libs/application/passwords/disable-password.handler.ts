import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import type { CommandMetadata } from '../runner/command-metadata';
import { stamped } from '../runner/stamped';

/** Support turns password sign-in off (the owner must reset to use it again). */
export class DisablePasswordCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly reason: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(DisablePasswordCommand)
export class DisablePasswordHandler implements ICommandHandler<DisablePasswordCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, reason, meta }: DisablePasswordCommand): Promise<CommandOutcome> {
    return this.runner.run(accountId, stamped({ type: 'DisablePassword', reason }), meta);
  }
}
