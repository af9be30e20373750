import type { CommandMetadata } from '../runner/command-metadata';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner } from '../runner/account-command-runner';
import { SecondFactors } from '../shared/second-factor';

export class StartTotpEnrollmentCommand {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {}
}

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
