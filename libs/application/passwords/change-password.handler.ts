import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AccountState } from '@warden/account/account.state';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import { NewPassword } from '../shared/new-password';
import { PasswordHasher } from '../shared/password-hasher';
import { WrongSecretThrottle } from '../shared/wrong-secret-throttle';

export class ChangePasswordCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly keepSessionId: string | null,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly hasher: PasswordHasher,
    private readonly newPassword: NewPassword,
    private readonly wrongSecrets: WrongSecretThrottle,
  ) {}

  execute({ accountId, currentPassword, newPassword, keepSessionId, meta }: ChangePasswordCommand): Promise<CommandOutcome> {
    const current = this.hasher.attempt(currentPassword);
    const next = this.newPassword.attempt(newPassword);
    // The policy is checked only for the rightful owner: a wrong current password is refused first.
    const newHash = async (state: AccountState) => ((await current.matches(state)) ? this.newPassword.hashFor(next, state) : '');
    return this.wrongSecrets.judge({ accountId }, meta.client?.ip, true, () =>
      this.runner.run(
        accountId,
        async (state, now) => ({
          type: 'ChangePassword',
          now: now.toISOString(),
          currentPasswordMatches: await current.matches(state),
          passwordHash: await newHash(state),
          keepSessionId,
        }),
        meta,
        { prepare: newHash },
      ),
    );
  }
}
