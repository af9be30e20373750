import type { CommandMetadata } from '../runner/command-metadata';

export class RequestPasswordResetCommand {
  constructor(
    readonly email: string,
    readonly meta: CommandMetadata,
  ) {}
}
