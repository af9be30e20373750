import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import type { CommandMetadata } from '../runner/command-metadata';
import { stamped } from '../runner/stamped';

/** Revokes an integration credential (works whatever the account's status). */
export class RevokeCredentialCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly credentialId: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(RevokeCredentialCommand)
export class RevokeCredentialHandler implements ICommandHandler<RevokeCredentialCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, credentialId, meta }: RevokeCredentialCommand): Promise<CommandOutcome> {
    return this.runner.run(accountId, stamped({ type: 'RevokeCredential', credentialId }), meta);
  }
}
