import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Position } from '@warden/shared/envelope';
import { AccountCommandRunner } from '../runner/account-command-runner';
import { SecondFactors } from '../shared/second-factor';

export class ConfirmTotpEnrollmentCommand extends Command<{ recoveryCodes: string[]; position?: Position }> {
  constructor(
    readonly accountId: string,
    readonly code: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(ConfirmTotpEnrollmentCommand)
export class ConfirmTotpEnrollmentHandler implements ICommandHandler<ConfirmTotpEnrollmentCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly secondFactors: SecondFactors,
  ) {}

  async execute({ accountId, code, meta }: ConfirmTotpEnrollmentCommand) {
    const { codes, hashes } = this.secondFactors.newRecoveryCodes();
    const outcome = await this.runner.run(
      accountId,
      (state, now) => ({
        type: 'ConfirmTotpEnrollment',
        now: now.toISOString(),
        step: this.secondFactors.matchStep(state.pendingTotpSecret, code, now),
        recoveryCodeHashes: hashes,
      }),
      meta,
    );
    return { recoveryCodes: codes, position: outcome.position };
  }
}
