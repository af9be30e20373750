import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Position } from '@warden/shared/envelope';
import { AccountCommandRunner } from '../runner/account-command-runner';
import { SecondFactors } from '../shared/second-factor';

export interface TotpEnrollment {
  secret: string;
  otpauthUri: string;
  position?: Position;
}

export class StartTotpEnrollmentCommand extends Command<TotpEnrollment> {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** A new secret, kept (encrypted) in the pending enrolment until a code confirms it. */
@CommandHandler(StartTotpEnrollmentCommand)
export class StartTotpEnrollmentHandler implements ICommandHandler<StartTotpEnrollmentCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly secondFactors: SecondFactors,
  ) {}

  async execute({ accountId, meta }: StartTotpEnrollmentCommand): Promise<TotpEnrollment> {
    const secret = this.secondFactors.newSecret();
    const outcome = await this.runner.run(accountId, (_s, now) => ({ type: 'StartTotpEnrollment', now: now.toISOString(), secret }), meta);
    return { secret, otpauthUri: this.secondFactors.otpauthUri(secret, outcome.state.email), position: outcome.position };
  }
}
