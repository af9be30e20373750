import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';

/** Support schedules an account's deletion; without graceDays the default grace period applies. */
export class ScheduleDeletionCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly input: { reason: string; ticketRef: string; graceDays?: number },
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** Contract §3.2: a week to change one's mind unless support says otherwise (0 allowed). */
export const DEFAULT_DELETION_GRACE_DAYS = 7;

/**
 * Appends AccountDeletionScheduled; the deletion scheduler reactor turns it into a job that
 * runs at `executeAt` (projections/scheduler), so nothing here waits for the grace period.
 */
@CommandHandler(ScheduleDeletionCommand)
export class ScheduleDeletionHandler implements ICommandHandler<ScheduleDeletionCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  execute({ accountId, input, meta }: ScheduleDeletionCommand): Promise<CommandOutcome> {
    const graceDays = input.graceDays ?? DEFAULT_DELETION_GRACE_DAYS;
    return this.runner.run(
      accountId,
      (_state, now) => ({ type: 'ScheduleDeletion', now: now.toISOString(), reason: input.reason, ticketRef: input.ticketRef, graceDays }),
      meta,
    );
  }
}
