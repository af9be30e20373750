import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '../runner/command-metadata';
import { randomUUID } from 'node:crypto';
import type { Position } from '@warden/shared/envelope';
import { AccountCommandRunner } from '../runner/account-command-runner';
import { mintCredentialSecret } from './credential-secret';

/** A new integration credential; the answer carries its secret, shown this once. */
export class IssueCredentialCommand extends Command<IssuedCredential> {
  constructor(
    readonly accountId: string,
    readonly label: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export interface IssuedCredential {
  credentialId: string;
  secret: string;
  position?: Position;
}

/** The secret is minted here (randomness stays out of the decider); only its hash and prefix are appended. */
@CommandHandler(IssueCredentialCommand)
export class IssueCredentialHandler implements ICommandHandler<IssueCredentialCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  async execute({ accountId, label, meta }: IssueCredentialCommand): Promise<IssuedCredential> {
    const credentialId = randomUUID();
    const { secret, prefix, secretHash } = mintCredentialSecret(accountId);
    const outcome = await this.runner.run(
      accountId,
      (_state, now) => ({ type: 'IssueCredential', now: now.toISOString(), credentialId, label: label.trim(), prefix, secretHash }),
      meta,
    );
    return { credentialId, secret, position: outcome.position };
  }
}
