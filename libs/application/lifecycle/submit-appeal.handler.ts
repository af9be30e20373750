import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import { SubmitAppealCommand } from './submit-appeal.command';

export type SubmitAppealOutcome = CommandOutcome & { appealId: string };

/** Only while suspended and with no other appeal open (the decider says so). */
@CommandHandler(SubmitAppealCommand)
export class SubmitAppealHandler implements ICommandHandler<SubmitAppealCommand, SubmitAppealOutcome> {
  constructor(private readonly runner: AccountCommandRunner) {}

  async execute({ accountId, message, meta }: SubmitAppealCommand): Promise<SubmitAppealOutcome> {
    // One id for every retry of the append: a conflict replays the same appeal.
    const appealId = randomUUID();
    const outcome = await this.runner.run(accountId, (_state, now) => ({ type: 'SubmitAppeal', now: now.toISOString(), appealId, message }), meta);
    return { ...outcome, appealId };
  }
}
