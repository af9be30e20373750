import type { CommandMetadata } from '../runner/command-metadata';

/** Support schedules an account's deletion; without graceDays the default grace period applies. */
export class ScheduleDeletionCommand {
  constructor(
    readonly accountId: string,
    readonly input: { reason: string; ticketRef: string; graceDays?: number },
    readonly meta: CommandMetadata,
  ) {}
}
