import type { CommandMetadata } from '../runner/command-metadata';

export class CompletePasswordResetCommand {
  constructor(
    readonly token: string,
    readonly newPassword: string,
    readonly code: string | undefined,
    readonly meta: CommandMetadata,
  ) {}
}
