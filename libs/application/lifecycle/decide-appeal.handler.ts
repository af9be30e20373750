import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import type { CommandMetadata } from '../runner/command-metadata';
import { stamped } from '../runner/stamped';

/** Support's decision on an appeal: granting it reinstates. */
export class DecideAppealCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly appealId: string,
    readonly decision: 'reinstate' | 'uphold',
    readonly note: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(DecideAppealCommand)
export class DecideAppealHandler implements ICommandHandler<DecideAppealCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, appealId, decision, note, meta }: DecideAppealCommand): Promise<CommandOutcome> {
    return this.runner.run(accountId, stamped({ type: 'DecideAppeal', appealId, decision, note }), meta);
  }
}
