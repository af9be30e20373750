import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import { PasswordHasher } from '../shared/password-hasher';
import { SecondFactors } from '../shared/second-factor';
import { ChangeSecondFactorCommand, ConfirmTotpEnrollmentCommand, StartTotpEnrollmentCommand } from './totp.commands';

/** A new secret, kept (encrypted) in the pending enrolment until a code confirms it. */
@CommandHandler(StartTotpEnrollmentCommand)
export class StartTotpEnrollmentHandler implements ICommandHandler<StartTotpEnrollmentCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly secondFactors: SecondFactors,
  ) {}

  async execute({ accountId, meta }: StartTotpEnrollmentCommand) {
    const secret = this.secondFactors.newSecret();
    const outcome = await this.runner.run(accountId, (_s, now) => ({ type: 'StartTotpEnrollment', now: now.toISOString(), secret }), meta);
    return { secret, otpauthUri: this.secondFactors.otpauthUri(secret, outcome.state.email), position: outcome.position };
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

@CommandHandler(ChangeSecondFactorCommand)
export class ChangeSecondFactorHandler implements ICommandHandler<ChangeSecondFactorCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly secondFactors: SecondFactors,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute({ accountId, change, password, code, meta }: ChangeSecondFactorCommand): Promise<CommandOutcome & { recoveryCodes?: string[] }> {
    const fresh = change === 'regenerate_recovery_codes' ? this.secondFactors.newRecoveryCodes() : undefined;
    const attempt = this.hasher.attempt(password);
    const outcome = await this.runner.run(
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
    );
    return { ...outcome, recoveryCodes: fresh?.codes };
  }
}
