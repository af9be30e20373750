import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import type { CommandMetadata } from '../runner/command-metadata';
import { stamped } from '../runner/stamped';

/** Suspension for a terms violation: ends sessions, mails how to appeal. */
export class SuspendAccountCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly reason: string,
    readonly policyRef: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(SuspendAccountCommand)
export class SuspendAccountHandler implements ICommandHandler<SuspendAccountCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, reason, policyRef, meta }: SuspendAccountCommand): Promise<CommandOutcome> {
    return this.runner.run(accountId, stamped({ type: 'SuspendAccount', reason, policyRef }), meta);
  }
}
