import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import { SecondFactors } from '../shared/second-factor';
import { tokenTarget } from '../shared/token-target';
import { WrongSecretThrottle } from '../shared/wrong-secret-throttle';

export class CompleteOwnershipVerificationCommand extends Command<CommandOutcome & { accountId: string }> {
  constructor(
    readonly token: string,
    readonly code: string | undefined,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

@CommandHandler(CompleteOwnershipVerificationCommand)
export class CompleteOwnershipVerificationHandler
  implements ICommandHandler<CompleteOwnershipVerificationCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly secondFactors: SecondFactors,
    private readonly wrongSecrets: WrongSecretThrottle,
  ) {}

  async execute({ token, code, meta }: CompleteOwnershipVerificationCommand) {
    const { accountId, tokenHash } = tokenTarget(token);
    const outcome = await this.wrongSecrets.judge({ link: token }, meta.client?.ip, code !== undefined, () =>
      this.runner.run(
        accountId,
        (state, now) => ({
          type: 'CompleteOwnershipVerification',
          now: now.toISOString(),
          tokenHash,
          secondFactor: this.secondFactors.check(state, code, now),
        }),
        meta,
      ),
    );
    return { ...outcome, accountId };
  }
}
