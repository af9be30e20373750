import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '../runner/command-metadata';
import type { Position } from '@warden/shared/envelope';
import { AccountCommandRunner } from '../runner/account-command-runner';
import { mintCredentialSecret } from './credential-secret';

/** A new secret for an existing credential; the old one stops working in the same append. */
export class RegenerateCredentialCommand extends Command<RegeneratedCredential> {
  constructor(
    readonly accountId: string,
    readonly credentialId: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}


export interface RegeneratedCredential {
  secret: string;
  position?: Position;
}

/**
 * The new secret's hash replaces the old one in one event: introspection reads the
 * account's stream, so the old secret is refused from the very next call.
 */
@CommandHandler(RegenerateCredentialCommand)
export class RegenerateCredentialHandler implements ICommandHandler<RegenerateCredentialCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  async execute({ accountId, credentialId, meta }: RegenerateCredentialCommand): Promise<RegeneratedCredential> {
    const { secret, prefix, secretHash } = mintCredentialSecret(accountId);
    const outcome = await this.runner.run(
      accountId,
      (_state, now) => ({ type: 'RegenerateCredential', now: now.toISOString(), credentialId, prefix, secretHash }),
      meta,
    );
    return { secret, position: outcome.position };
  }
}
