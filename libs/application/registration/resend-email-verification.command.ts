import type { CommandMetadata } from '../runner/command-metadata';

export class ResendEmailVerificationCommand {
  constructor(
    readonly email: string,
    readonly meta: CommandMetadata,
  ) {}
}
