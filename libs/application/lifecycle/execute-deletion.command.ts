import type { CommandMetadata } from '../runner/command-metadata';

/**
 * Run by the scheduled deletion job: deletes the account if its grace period is over (the
 * decider appends nothing when it was cancelled or is not due yet) and reports what is left
 * to do. Safe to run any number of times.
 */
export class ExecuteDeletionCommand {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {}
}
