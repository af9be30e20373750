import type { CommandMetadata } from '../runner/command-metadata';

export class CompleteOwnershipVerificationCommand {
  constructor(
    readonly token: string,
    readonly code: string | undefined,
    readonly meta: CommandMetadata,
  ) {}
}
