import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '../runner/command-metadata';
import { Inject } from '@nestjs/common';
import { AccountErrors } from '@warden/account/account.errors';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import { newMailToken } from '../shared/mail-token-factory';
import { RecoveryCaseIndex } from './recovery-case-index';

export class DecideRecoveryCaseCommand extends Command<CommandOutcome & { accountId: string }> {
  constructor(
    readonly caseId: string,
    readonly decision: 'approve' | 'reject',
    readonly note: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}


/** Support's decision: the case's account from its index stream, the case judged on the account's stream. */
@CommandHandler(DecideRecoveryCaseCommand)
export class DecideRecoveryCaseHandler implements ICommandHandler<DecideRecoveryCaseCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly keys: ServiceKeys,
    private readonly cases: RecoveryCaseIndex,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async execute({ caseId, decision, note, meta }: DecideRecoveryCaseCommand) {
    const accountId = await this.cases.accountOf(caseId);
    if (!accountId) throw AccountErrors.recoveryCaseNotFound();
    const outcome = await this.runner.run(
      accountId,
      (_state, now) => ({
        type: 'DecideRecoveryCase',
        now: now.toISOString(),
        caseId,
        decision,
        note,
        reset: newMailToken(this.keys, 'reset-password', accountId, now, this.config.passwordResetTtlSeconds),
      }),
      meta,
    );
    return { ...outcome, accountId };
  }
}
