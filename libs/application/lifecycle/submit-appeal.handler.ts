import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';

/** The owner of a suspended account contests it; the handler gives the appeal its id. */
export class SubmitAppealCommand extends Command<SubmitAppealOutcome> {
  constructor(
    readonly accountId: string,
    readonly message: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export type SubmitAppealOutcome = CommandOutcome & { appealId: string };

/** Only while suspended and with no other appeal open (the decider says so). */
@CommandHandler(SubmitAppealCommand)
export class SubmitAppealHandler implements ICommandHandler<SubmitAppealCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  async execute({ accountId, message, meta }: SubmitAppealCommand): Promise<SubmitAppealOutcome> {
    // One id for every retry of the append: a conflict replays the same appeal.
    const appealId = randomUUID();
    const outcome = await this.runner.run(accountId, (_state, now) => ({ type: 'SubmitAppeal', now: now.toISOString(), appealId, message }), meta);
    return { ...outcome, appealId };
  }
}
