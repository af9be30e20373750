import type { CommandMetadata } from '../runner/command-metadata';

export class LogInCommand {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly meta: CommandMetadata,
  ) {}
}
