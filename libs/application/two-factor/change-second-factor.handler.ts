import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import { PasswordHasher } from '../shared/password-hasher';
import { SecondFactors } from '../shared/second-factor';
import { WrongSecretThrottle } from '../shared/wrong-secret-throttle';

/** Disabling 2FA and regenerating recovery codes both need the password and a current code. */
export class ChangeSecondFactorCommand extends Command<CommandOutcome & { recoveryCodes?: string[] }> {
  constructor(
    readonly accountId: string,
    readonly change: 'disable' | 'regenerate_recovery_codes',
    readonly password: string,
    readonly code: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}


@CommandHandler(ChangeSecondFactorCommand)
export class ChangeSecondFactorHandler implements ICommandHandler<ChangeSecondFactorCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly secondFactors: SecondFactors,
    private readonly hasher: PasswordHasher,
    private readonly wrongSecrets: WrongSecretThrottle,
  ) {}

  async execute({ accountId, change, password, code, meta }: ChangeSecondFactorCommand): Promise<CommandOutcome & { recoveryCodes?: string[] }> {
    const fresh = change === 'regenerate_recovery_codes' ? this.secondFactors.newRecoveryCodes() : undefined;
    const attempt = this.hasher.attempt(password);
    const outcome = await this.wrongSecrets.judge({ accountId }, meta.client?.ip, true, () =>
      this.runner.run(
        accountId,
        async (state, now) => {
          const identity = {
            now: now.toISOString(),
            passwordMatches: await attempt.matches(state),
            secondFactor: this.secondFactors.check(state, code, now),
          };
          return fresh
            ? { type: 'RegenerateRecoveryCodes', ...identity, recoveryCodeHashes: fresh.hashes }
            : { type: 'DisableTotp', ...identity };
        },
        meta,
        { prepare: (state) => attempt.matches(state) },
      ),
    );
    return { ...outcome, recoveryCodes: fresh?.codes };
  }
}
