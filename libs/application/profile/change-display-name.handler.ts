import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import { ChangeDisplayNameCommand } from './change-display-name.command';

/** A display name is stored as registration stores it: trimmed, Unicode NFC. */
@CommandHandler(ChangeDisplayNameCommand)
export class ChangeDisplayNameHandler implements ICommandHandler<ChangeDisplayNameCommand, CommandOutcome> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, displayName, meta }: ChangeDisplayNameCommand): Promise<CommandOutcome> {
    const name = displayName.trim().normalize('NFC');
    return this.runner.run(accountId, (_state, now) => ({ type: 'ChangeDisplayName', now: now.toISOString(), displayName: name }), meta);
  }
}
