import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';

export class ChangeDisplayNameCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly displayName: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** A display name is stored as registration stores it: trimmed, Unicode NFC. */
@CommandHandler(ChangeDisplayNameCommand)
export class ChangeDisplayNameHandler implements ICommandHandler<ChangeDisplayNameCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, displayName, meta }: ChangeDisplayNameCommand): Promise<CommandOutcome> {
    const name = displayName.trim().normalize('NFC');
    return this.runner.run(accountId, (_state, now) => ({ type: 'ChangeDisplayName', now: now.toISOString(), displayName: name }), meta);
  }
}
