import type { CommandMetadata } from '../shared/command-metadata';

export class ResendEmailVerificationCommand {
  constructor(
    readonly email: string,
    readonly meta: CommandMetadata,
  ) {}
}
