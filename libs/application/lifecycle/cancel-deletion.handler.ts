import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import type { CommandMetadata } from '../runner/command-metadata';
import { stamped } from '../runner/stamped';

/** Cancels a scheduled deletion within its grace period. */
export class CancelDeletionCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(CancelDeletionCommand)
export class CancelDeletionHandler implements ICommandHandler<CancelDeletionCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, meta }: CancelDeletionCommand): Promise<CommandOutcome> {
    return this.runner.run(accountId, stamped({ type: 'CancelDeletion' }), meta);
  }
}
