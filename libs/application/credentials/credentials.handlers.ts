import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Position } from '../../shared/envelope';
import { AccountCommandRunner } from '../runner/account-command-runner';
import { mintCredentialSecret } from './credential-secret';
import { IssueCredentialCommand, RegenerateCredentialCommand } from './credentials.commands';

export interface IssuedCredential {
  credentialId: string;
  secret: string;
  position?: Position;
}

/** The secret is minted here (randomness stays out of the decider); only its hash and prefix are appended. */
@CommandHandler(IssueCredentialCommand)
export class IssueCredentialHandler implements ICommandHandler<IssueCredentialCommand, IssuedCredential> {
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

export interface RegeneratedCredential {
  secret: string;
  position?: Position;
}

/**
 * The new secret's hash replaces the old one in one event: introspection reads the
 * account's stream, so the old secret is refused from the very next call.
 */
@CommandHandler(RegenerateCredentialCommand)
export class RegenerateCredentialHandler implements ICommandHandler<RegenerateCredentialCommand, RegeneratedCredential> {
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
