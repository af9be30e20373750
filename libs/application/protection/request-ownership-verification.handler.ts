import type { CommandMetadata } from '../runner/command-metadata';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import { newMailToken } from '../shared/mail-token-factory';

export class RequestOwnershipVerificationCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** Mails a fresh ownership link; the newest link voids the previous one. */
@CommandHandler(RequestOwnershipVerificationCommand)
export class RequestOwnershipVerificationHandler implements ICommandHandler<RequestOwnershipVerificationCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly keys: ServiceKeys,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  execute({ accountId, meta }: RequestOwnershipVerificationCommand): Promise<CommandOutcome> {
    return this.runner.run(
      accountId,
      (_state, now) => ({
        type: 'RequestOwnershipVerification',
        now: now.toISOString(),
        verification: newMailToken(this.keys, 'verify-ownership', accountId, now, this.config.ownershipTtlSeconds),
      }),
      meta,
    );
  }
}
