import type { CommandMetadata } from '../runner/command-metadata';

/** The owner of a suspended account contests it; the handler gives the appeal its id. */
export class SubmitAppealCommand {
  constructor(
    readonly accountId: string,
    readonly message: string,
    readonly meta: CommandMetadata,
  ) {}
}
