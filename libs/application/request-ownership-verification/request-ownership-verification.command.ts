import type { CommandMetadata } from '../shared/command-metadata';

export class RequestOwnershipVerificationCommand {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {}
}
