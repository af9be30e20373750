import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../shared/account-command-runner';
import { NewPassword } from '../shared/new-password';
import { SecondFactors } from '../shared/second-factor';
import { tokenTarget } from '../shared/token-target';
import { CompletePasswordResetCommand } from './complete-password-reset.command';

@CommandHandler(CompletePasswordResetCommand)
export class CompletePasswordResetHandler implements ICommandHandler<CompletePasswordResetCommand, CommandOutcome & { accountId: string }> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly newPassword: NewPassword,
    private readonly secondFactors: SecondFactors,
  ) {}

  async execute({ token, newPassword, code, meta }: CompletePasswordResetCommand) {
    const { accountId, tokenHash } = tokenTarget(token);
    let passwordHash: string | undefined;
    const outcome = await this.runner.run(
      accountId,
      async (state, now) => {
        // Hashed once, even if a concurrent write makes the runner decide again.
        passwordHash ??= state.exists ? await this.newPassword.hashFor(newPassword, state) : '';
        return {
          type: 'CompletePasswordReset',
          now: now.toISOString(),
          tokenHash,
          passwordHash,
          secondFactor: this.secondFactors.check(state, code, now),
        };
      },
      meta,
    );
    return { ...outcome, accountId };
  }
}
