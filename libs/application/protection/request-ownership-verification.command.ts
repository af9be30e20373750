import type { CommandMetadata } from '../runner/command-metadata';

export class RequestOwnershipVerificationCommand {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {}
}
