import type { CommandMetadata } from '../shared/command-metadata';

export class RequestPasswordResetCommand {
  constructor(
    readonly email: string,
    readonly meta: CommandMetadata,
  ) {}
}
