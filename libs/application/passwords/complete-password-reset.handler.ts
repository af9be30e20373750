import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AccountState } from '@warden/account/account.state';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import { NewPassword } from '../shared/new-password';
import { SecondFactors } from '../shared/second-factor';
import { tokenTarget } from '../shared/token-target';
import { WrongSecretThrottle } from '../shared/wrong-secret-throttle';

export class CompletePasswordResetCommand extends Command<CommandOutcome & { accountId: string }> {
  constructor(
    readonly token: string,
    readonly newPassword: string,
    readonly code: string | undefined,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(CompletePasswordResetCommand)
export class CompletePasswordResetHandler implements ICommandHandler<CompletePasswordResetCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly newPassword: NewPassword,
    private readonly secondFactors: SecondFactors,
    private readonly wrongSecrets: WrongSecretThrottle,
  ) {}

  async execute({ token, newPassword, code, meta }: CompletePasswordResetCommand) {
    const { accountId, tokenHash } = tokenTarget(token);
    const password = this.newPassword.attempt(newPassword);
    // Hashed once, before the account's turn, even if a concurrent write makes the runner decide again.
    const newHash = (state: AccountState) => (state.exists ? this.newPassword.hashFor(password, state) : Promise.resolve(''));
    const outcome = await this.wrongSecrets.judge({ link: token }, meta.client?.ip, code !== undefined, () =>
      this.runner.run(
        accountId,
        async (state, now) => ({
          type: 'CompletePasswordReset',
          now: now.toISOString(),
          tokenHash,
          passwordHash: await newHash(state),
          secondFactor: this.secondFactors.check(state, code, now),
        }),
        meta,
        { prepare: newHash },
      ),
    );
    return { ...outcome, accountId };
  }
}
